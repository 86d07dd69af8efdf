import assert from "node:assert/strict";
import { describe, test } from "node:test";
import Database from "better-sqlite3";
import { needsCorpus } from "../testing/corpus";
import { corpusMessages } from "../regressions/test-mail";
import { globPrefix, likePrefix, partialAttempts, partialMessageIdMatch, widestPrefix, MIN_PARTIAL_LEN, PARTIAL_MAX } from "./partial-mid";

describe("partial Message-ID matching", () => {
  test("fragments under 14 characters are not tried", () => {
    assert.deepEqual(partialAttempts("87h7xyz.fsf"), []);
    assert.equal(widestPrefix("1234567890abc"), null);
    assert.deepEqual(partialMessageIdMatch("1234567890abc", ["1234567890abcdef@x"]), { kind: "none" });
    assert.equal(MIN_PARTIAL_LEN, 14);
  });

  test("a truncated paste: the last word is dropped", () => {
    assert.deepEqual(partialAttempts("20210112224832.10980-1-will@kern"), [
      { prefix: "20210112224832.10980-1-will@kern", exact: false },
      { prefix: "20210112224832.10980-1-will@", exact: true },
      { prefix: "20210112224832.10980-1-will@", exact: false },
      { prefix: "20210112224832.10980-1-will", exact: true },
      { prefix: "20210112224832.10980-1-will", exact: false },
    ]);
    assert.equal(widestPrefix("20210112224832.10980-1-will@kern"), "20210112224832.10980-1-will");
  });

  test("one match redirects, several give a choice, case matters", () => {
    const ids = ["20210112224832.10980-1-will@kernel.org", "20210112224832.10980-2-will@kernel.org", "20210112224832.10980-1-WILL@kernel.org"];
    assert.deepEqual(partialMessageIdMatch("20210112224832.10980-1-will@kernel.o", ids), { kind: "redirect", messageId: ids[0] });
    assert.deepEqual(partialMessageIdMatch("20210112224832.10980-", ids), { kind: "choices", messageIds: [ids[2], ids[0], ids[1]].sort(), truncated: false });
    const many = Array.from({ length: PARTIAL_MAX + 5 }, (_, i) => `cover.1610431620.${String(i).padStart(3, "0")}@x`);
    const r = partialMessageIdMatch("cover.1610431620.", many);
    assert.equal(r.kind, "choices");
    assert.equal((r as { messageIds: string[] }).messageIds.length, PARTIAL_MAX);
    assert.equal((r as { truncated: boolean }).truncated, true);
  });

  test("pattern builders escape wildcards", () => {
    assert.equal(likePrefix("a%b_c\\d"), "a\\%b\\_c\\\\d%");
    assert.equal(globPrefix("a*b?c[d"), "a[*]b[?]c[[]d*");
  });

  test("against real Message-IDs in SQLite, with GLOB and LIKE", needsCorpus(), async () => {
    const messages = await corpusMessages("linux-kbuild/linux-kbuild-2021-01.mbox");
    const db = new Database(":memory:");
    db.exec("CREATE TABLE message (message_id TEXT NOT NULL UNIQUE)");
    const insert = db.prepare("INSERT OR IGNORE INTO message VALUES (?)");
    for (const m of messages) insert.run(m.messageId);
    // Also a Message-ID with the wildcard characters of both pattern kinds.
    insert.run("weird_%*?[id]-1234567890@example.org");
    const glob = db.prepare("SELECT message_id FROM message WHERE message_id GLOB ? ORDER BY message_id LIMIT ?").pluck();
    const like = db.prepare("SELECT message_id FROM message WHERE message_id LIKE ? ESCAPE '\\' ORDER BY message_id LIMIT ?").pluck();
    const lookup = (frag: string, stmt: typeof glob, build: (p: string) => string) => {
      const prefix = widestPrefix(frag);
      return prefix === null ? { kind: "none" } : partialMessageIdMatch(frag, stmt.all(build(prefix), PARTIAL_MAX * 10) as string[]);
    };
    // "[PATCH v4 3/3] Kbuild: implement support for DWARF v5" is <20210113003235.716547-4-ndesaulniers@google.com>,
    // here truncated as trackers often cut it.
    for (const [stmt, build] of [[glob, globPrefix], [like, likePrefix]] as const) {
      assert.deepEqual(lookup("20210113003235.716547-4-ndesaulniers@google.c", stmt, build), { kind: "redirect", messageId: "20210113003235.716547-4-ndesaulniers@google.com" });
      assert.deepEqual(lookup("weird_%*?[id]-1234567890", stmt, build), { kind: "redirect", messageId: "weird_%*?[id]-1234567890@example.org" });
      // The cover letter and its three patches share everything up to the patch number.
      assert.deepEqual(lookup("20210113003235.716547-", stmt, build), {
        kind: "choices",
        messageIds: [1, 2, 3, 4].map((n) => `20210113003235.716547-${n}-ndesaulniers@google.com`),
        truncated: false,
      });
      assert.deepEqual(lookup("20210113003235.716547-9-nobody@x", stmt, build), { kind: "none" });
    }
    db.close();
  });
});
