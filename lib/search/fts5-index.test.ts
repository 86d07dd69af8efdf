import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { corpusFile, needsCorpus } from "../testing/corpus";
import { ftsIndexRows, ftsRemoveRows } from "./fts5-index";
import { buildFixture, type Fixture } from "./test-fixture";

describe("ftsIndexRows / ftsRemoveRows on real mail", needsCorpus(), () => {
  let fx: Fixture;
  before(async () => {
    fx = await buildFixture([{ file: corpusFile("linux-kbuild/linux-kbuild-2021-01.mbox"), list: "linux-kbuild" }]);
  });
  after(() => fx?.close());

  const match = (q: string) => fx.db.prepare(`SELECT rowid FROM message_fts WHERE message_fts MATCH ?`).pluck().all(q) as number[];
  const indexed = () => fx.db.prepare(`SELECT count(*) FROM message_fts_docsize`).pluck().get() as number;
  const integrity = () => fx.db.exec(`INSERT INTO message_fts(message_fts, rank) VALUES ('integrity-check', 0)`);
  const rowOf = (messageId: string) => fx.db.prepare(`SELECT id FROM message WHERE message_id = ?`).pluck().get(messageId) as number;

  test("every real message is indexed once, ghosts are not", () => {
    assert.equal(indexed(), fx.realMessages);
    const ghosts = fx.db.prepare(`SELECT id FROM message WHERE ghost = 1`).pluck().all() as number[];
    ftsIndexRows(fx.db, ghosts);
    assert.equal(indexed(), fx.realMessages);
    integrity();
  });

  test("indexing a row twice does not duplicate it", () => {
    const all = fx.db.prepare(`SELECT id FROM message`).pluck().all() as number[];
    ftsIndexRows(fx.db, all);
    assert.equal(indexed(), fx.realMessages);
    integrity();
  });

  test("remove, change, index again: the index follows the new text", () => {
    // The Viresh Kumar dtc patch of 2021-01-06 (real message); its subject names fdtoverlay.
    const id = rowOf("5a416b44155409e45b99c5624d66992a2138cd4c.1609927722.git.viresh.kumar@linaro.org");
    assert.ok(match("{subject}: fdtoverlay").includes(id));
    fx.db.transaction(() => {
      ftsRemoveRows(fx.db, [id]);
      fx.db.prepare(`UPDATE message SET subject = 'renamed zzqqrenamed' WHERE id = ?`).run(id);
      ftsIndexRows(fx.db, [id]);
    })();
    assert.ok(!match("{subject}: fdtoverlay").includes(id));
    assert.deepEqual(match("zzqqrenamed"), [id]);
    integrity();
  });

  test("removing rows that are not indexed is harmless", () => {
    const before = indexed();
    const ghost = fx.db.prepare(`SELECT id FROM message WHERE ghost = 1 LIMIT 1`).pluck().get() as number;
    ftsRemoveRows(fx.db, [ghost, 999_999_999]);
    assert.equal(indexed(), before);
    integrity();
  });

  test("large batches are split below SQLite's parameter limit", () => {
    const all = fx.db.prepare(`SELECT id FROM message WHERE ghost = 0`).pluck().all() as number[];
    const many = [...all, ...Array.from({ length: 40_000 }, (_, i) => 10_000_000 + i)];
    ftsRemoveRows(fx.db, many);
    assert.equal(indexed(), 0);
    ftsIndexRows(fx.db, many);
    assert.equal(indexed(), fx.realMessages);
    integrity();
  });
});
