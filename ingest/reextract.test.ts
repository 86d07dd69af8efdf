import assert from "node:assert/strict";
import { test } from "node:test";
import { corpusFile, needsCorpus, sampleFile } from "../lib/testing/corpus";
import { ftsIndexRows, ftsRemoveRows } from "../lib/search/fts5-index";
import { EXTRACT_VERSION } from "./extract";
import { ingest } from "./pipeline";
import { reextract } from "./reextract";
import { tempDatabase } from "./testing";

const PATCH_44 = "97fd199b7dac50613f6843156687223928cce44a.1289789605.git.joe@perches.com";

test("reextract restores stale entities and diff columns, keeps FTS in step, and is idempotent", needsCorpus(), async () => {
  const { db } = tempDatabase();
  await ingest(db, [corpusFile("notmuch/lkml.mbox")], { workers: 1, warn: () => {} });
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const mentions = () => ["commit_mention", "trailer", "message_tag", "snippet", "link_mention"].map((t) => count(`SELECT count(*) FROM ${t}`));
  const before = mentions();
  const withDiff = count("SELECT count(*) FROM message WHERE dfn <> ''");
  // [PATCH 44/44] touches four files under sound/soc/codecs, wm8904.c among them.
  const matchesWm8904 = () => db.prepare("SELECT m.message_id FROM message_fts f JOIN message m ON m.id = f.rowid WHERE message_fts MATCH 'dfn:wm8904'").pluck().all();
  assert.ok(matchesWm8904().includes(PATCH_44));
  assert.ok(before.every((n) => n > 0), `every kind of mention is present: ${before}`);

  // Make the database look like an older extractor wrote it: no mentions, no diff columns.
  db.transaction(() => {
    for (const t of ["commit_mention", "trailer", "message_tag", "snippet", "link_mention"]) db.exec(`DELETE FROM ${t}`);
    const ids = db.prepare("SELECT id FROM message WHERE dfn <> ''").pluck().all() as number[];
    ftsRemoveRows(db, ids);
    db.exec("UPDATE message SET dfn = '', dfa = '', dfb = '', dfhh = '', extract_version = 0 WHERE ghost = 0");
    ftsIndexRows(db, ids);
  })();
  assert.deepEqual(matchesWm8904(), []);

  const first = await reextract(db, { workers: 1 });
  assert.equal(first.messages, 176);
  assert.equal(first.diffChanged, withDiff);
  assert.deepEqual(mentions(), before);
  assert.equal(count(`SELECT count(*) FROM message WHERE ghost = 0 AND extract_version <> ${EXTRACT_VERSION}`), 0);
  assert.ok(matchesWm8904().includes(PATCH_44));
  db.exec("INSERT INTO message_fts(message_fts) VALUES ('integrity-check')");

  const second = await reextract(db, { workers: 1 });
  assert.equal(second.diffChanged, 0);
  assert.deepEqual(mentions(), before);
  db.close();
});

test("ingest --no-extract stores no entities at extract version 0, and reextract then matches a normal ingest", async () => {
  const sample = sampleFile("kasan-dev-2022-09.mbox.gz");
  const tables = ["commit_mention", "toolchain_mention", "snippet", "diagnostic_mention", "config_mention", "kernel_version_mention", "link_mention", "trailer", "message_tag"];
  const census = (db: ReturnType<typeof tempDatabase>["db"]) => tables.map((t) => `${t}=${db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()}`);
  const full = tempDatabase();
  await ingest(full.db, [sample], { workers: 1, warn: () => {} });
  const lazy = tempDatabase();
  await ingest(lazy.db, [sample], { workers: 1, warn: () => {}, extract: false });
  assert.ok(census(lazy.db).every((c) => c.endsWith("=0")), `no entities yet: ${census(lazy.db)}`);
  assert.equal(lazy.db.prepare("SELECT count(*) FROM message WHERE ghost = 0 AND extract_version <> 0").pluck().get(), 0);
  // The diff index is not an entity: dfn: search works before extraction.
  const withDiff = (db: ReturnType<typeof tempDatabase>["db"]) => db.prepare("SELECT count(*) FROM message WHERE dfn <> ''").pluck().get();
  assert.equal(withDiff(lazy.db), withDiff(full.db));
  await reextract(lazy.db, { workers: 1 });
  assert.deepEqual(census(lazy.db), census(full.db));
  assert.ok(census(full.db).some((c) => !c.endsWith("=0")));
  full.db.close();
  lazy.db.close();
});

test("reextract rewrites what an older extractor stored about a diagnostic it still finds", async () => {
  const { db } = tempDatabase();
  await ingest(db, [sampleFile("clang-built-linux-2019-08.mbox.gz")], { workers: 1, warn: () => {} });
  type Row = { signature: string; tool: string; kind: string; symbol: string | null; title: string };
  const rows = () => db.prepare("SELECT signature, tool, kind, symbol, title FROM diagnostic ORDER BY signature").all() as Row[];
  const fresh = rows();
  assert.ok(fresh.some((r) => r.symbol !== null), "the sample has diagnostics with symbols");
  // What an older extractor might have written under the same signatures.
  db.exec("UPDATE diagnostic SET tool = 'stale', kind = 'stale', symbol = NULL, title = 'stale title'");
  await reextract(db, { workers: 1 });
  assert.deepEqual(rows(), fresh);
  db.close();
});
