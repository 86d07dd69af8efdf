import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Sqlite } from "../db/sqlite";
import { ingest } from "../../ingest/pipeline";
import { backlinks, linksAnswer, mostLinkedUrls } from "./links";
import { normalizeLinkQuery } from "../links/normalize";

const SAMPLE = path.join(import.meta.dirname, "../../samples/clang-built-linux-2019-08.mbox.gz");

describe("backlinks over a real sample month (ClangBuiltLinux, 2019-08)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosslore-links-"));
  let db: Sqlite;

  before(async () => {
    db = openDatabase({ file: path.join(dir, "l.db") });
    await ingest(db, [SAMPLE], { warn: () => {} });
  });
  after(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("GitHub shorthand, http, www and a comment anchor all find the same threads", () => {
    const forms = [
      "ClangBuiltLinux/linux#619",
      "https://github.com/ClangBuiltLinux/linux/issues/619",
      "http://www.github.com/clangbuiltlinux/linux/issues/619/#issuecomment-1",
      "github.com/ClangBuiltLinux/linux/issues/619",
    ];
    const found = forms.map((f) => backlinks(normalizeLinkQuery(f)!, db));
    for (const b of found) assert.deepEqual(b, found[0]);
    const b = found[0];
    assert.equal(b.kind, "bug");
    assert.equal(b.threads.length, 4);
    assert.equal(b.messageCount, 19);
    assert.ok(b.threads.every((t) => t.mentions.length > 0 && t.mentions.every((m) => m.list === "clang-built-linux")));
    // The pull request with the same number is another page.
    assert.equal(backlinks(normalizeLinkQuery("https://github.com/ClangBuiltLinux/linux/pull/619")!, db).threads.length, 0);
  });

  test("a Bugzilla comment link (#c6) and the bare bug are one bug", () => {
    const b = backlinks(normalizeLinkQuery("https://bugs.llvm.org/show_bug.cgi?id=43128")!, db);
    const written = new Set(b.threads.flatMap((t) => t.mentions.map((m) => m.url)));
    assert.deepEqual(written, new Set(["https://bugs.llvm.org/show_bug.cgi?id=43128", "https://bugs.llvm.org/show_bug.cgi?id=43128#c6"]));
  });

  test("most-linked URLs, by threads, filtered by kind", () => {
    const bugs = mostLinkedUrls({ kind: "bug", limit: 3 }, db);
    assert.equal(bugs.length, 3);
    assert.ok(bugs.every((u) => u.kind === "bug"));
    assert.ok(bugs[0].threads >= bugs[1].threads && bugs[1].threads >= bugs[2].threads);
    assert.equal(bugs[0].threads, backlinks(bugs[0].normUrl, db).threads.length);
    assert.ok(mostLinkedUrls({ kind: "list", limit: 5 }, db).every((u) => u.kind === "list" && u.normUrl.startsWith("https://")));
  });

  test("parameters that are not a link or a kind are errors naming the input", () => {
    const bad = linksAnswer("see the bug", null, db);
    assert.equal(bad.ok, false);
    assert.match(!bad.ok ? bad.error : "", /see the bug/);
    const kind = linksAnswer(null, "issues", db);
    assert.equal(kind.ok, false);
    assert.match(!kind.ok ? kind.error : "", /kind=issues/);
    const top = linksAnswer("", "bug", db);
    assert.ok(top.ok && top.view === "most-linked" && top.kind === "bug");
  });
});
