import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Sqlite } from "../db/sqlite";
import { ingest } from "../../ingest/pipeline";
import { messageLookup, type MessageLookup } from "../queries/message-lookup";
import { goOutcome } from "./go";
import { CHOICES_HEADER, goAnswer, messagePathAnswer } from "./redirector";

// samples/clang-built-linux-2019-08.mbox.gz holds Nick Desaulniers' 15-message series
// "[PATCH v3 00/14] treewide: prefer __section from compiler_attributes.h": 20190828225535.49592-1-… to -15-….
const SAMPLE = path.join(import.meta.dirname, "../../samples/clang-built-linux-2019-08.mbox.gz");
const PATCH_2 = "20190828225535.49592-2-ndesaulniers@google.com";
const LIST = "clang-built-linux";

describe("the redirector over a real sample month", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosslore-redirector-"));
  let db: Sqlite;
  let lookup: MessageLookup;
  const go = (url: string | null) => goAnswer(lookup, new URLSearchParams(url === null ? {} : { url }));

  before(async () => {
    db = openDatabase({ file: path.join(dir, "r.db") });
    await ingest(db, [SAMPLE], { warn: () => {} });
    lookup = messageLookup(db);
  });
  after(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("archive links land on the message here, keeping the /T/ view and a #m anchor", () => {
    assert.deepEqual(go(`https://lore.kernel.org/lkml/${PATCH_2}/T/#m0123abcd`), { action: "redirect", location: `/${LIST}/${PATCH_2}/T/#m0123abcd` });
    assert.deepEqual(go(`https://lore.kernel.org/all/${PATCH_2}/t/#u`), { action: "redirect", location: `/${LIST}/${PATCH_2}/t/` });
    assert.deepEqual(go(`https://lkml.kernel.org/r/${PATCH_2}`), { action: "redirect", location: `/${LIST}/${PATCH_2}/` });
    assert.deepEqual(go(`https://msgid.link/${PATCH_2}`), { action: "redirect", location: `/${LIST}/${PATCH_2}/` });
    assert.deepEqual(go(`https://patch.msgid.link/${PATCH_2}.`), { action: "redirect", location: `/${LIST}/${PATCH_2}/` });
    // A bare Message-ID pasted into the form works too.
    assert.deepEqual(go(`<${PATCH_2}>`), { action: "redirect", location: `/${LIST}/${PATCH_2}/` });
    assert.deepEqual(go(PATCH_2), { action: "redirect", location: `/${LIST}/${PATCH_2}/` });
  });

  test("links that lead nowhere here: 404 with the cause, 400 for text that is no link, the form without url", () => {
    const cause = (url: string) => {
      const o = goOutcome(lookup, url);
      return o.kind === "not-in-archive" ? o.cause : o.kind;
    };
    assert.equal(cause("https://lore.kernel.org/lkml/20990101000000.1-1-nobody@example.org/"), "not-ingested");
    assert.equal(cause("https://example.com/some/page"), "unknown-host");
    assert.equal(cause("https://lore.kernel.org/linux-kbuild/"), "no-message-id");
    assert.equal(cause("https://marc.info/?l=linux-kernel&m=156700000000000"), "no-message-id");
    assert.equal(cause("<20990101000000.1-1-nobody@example.org>"), "not-ingested");
    assert.deepEqual(go("https://example.com/some/page"), { action: "status", status: 404 });
    assert.deepEqual(go("see the thread"), { action: "status", status: 400 });
    assert.deepEqual(go(""), { action: "status", status: 400 });
    assert.deepEqual(go(null), { action: "next" });
  });

  test("a Message-ID cut short: one match redirects, several give the choice page", () => {
    assert.deepEqual(messagePathAnswer(lookup, `/${LIST}/20190828225535.49592-2-ndesaulniers@google.c/`), { action: "redirect", location: `/${LIST}/${PATCH_2}/` });
    assert.deepEqual(messagePathAnswer(lookup, `/r/20190828225535.49592-2-ndesaulniers@goo/T/`), { action: "redirect", location: `/${LIST}/${PATCH_2}/T/` });
    // "-1" starts -1-, -10- … -15-: seven messages of the series.
    const choices = messagePathAnswer(lookup, `/${LIST}/20190828225535.49592-1/`);
    assert.equal(choices.action, "choices");
    assert.equal(new URLSearchParams(choices.action === "choices" ? choices.query : "").get("mid"), "20190828225535.49592-1");
    const outcome = goOutcome(lookup, "https://lore.kernel.org/all/20190828225535.49592-1/");
    assert.equal(outcome.kind, "choices");
    assert.equal(outcome.kind === "choices" && outcome.messageIds.length, 7);
    assert.ok(outcome.kind === "choices" && outcome.messageIds.every((id) => id.startsWith("20190828225535.49592-1")));
    assert.equal(CHOICES_HEADER.toLowerCase(), CHOICES_HEADER);
  });

  test("everything else passes through: exact ids, downloads, short fragments, paths that name no list", () => {
    for (const p of [
      `/${LIST}/${PATCH_2}/`,
      `/${LIST}/${PATCH_2}/T/`,
      `/${LIST}/20190828225535.49592-2-ndesaulniers@google.c/raw`,
      `/${LIST}/20190828225535.49592-2-ndesaulniers@google.c/t.mbox.gz`,
      `/${LIST}/2019082822553/`,
      `/commit/20190828225535.49592-2/`,
      `/search`,
      `/${LIST}/20990101000000.1-1-nobody@example.org/`,
    ]) {
      assert.deepEqual(messagePathAnswer(lookup, p), { action: "next" }, p);
    }
  });

  test("cost on a normal message request: a few microseconds", () => {
    const n = 2000;
    const start = performance.now();
    for (let i = 0; i < n; i++) messagePathAnswer(lookup, `/${LIST}/${PATCH_2}/`);
    const perRequestMs = (performance.now() - start) / n;
    assert.ok(perRequestMs < 1, `${perRequestMs} ms per request`);
  });
});
