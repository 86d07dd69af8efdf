import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { applyMigrations, readMigrations } from "./migrate";

function tempDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosslore-migrate-"));
  return new Database(path.join(dir, "t.db"));
}

test("applies every migration once and records it as prisma migrate deploy does", () => {
  const db = tempDb();
  const names = readMigrations().map((m) => m.name);
  assert.ok(names.length >= 2);
  assert.deepEqual(applyMigrations(db), names);
  assert.deepEqual(applyMigrations(db), [], "a second run applies nothing");
  const rows = db.prepare("SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name").all() as {
    migration_name: string;
    checksum: string;
    finished_at: number;
    applied_steps_count: number;
  }[];
  assert.deepEqual(rows.map((r) => r.migration_name), names);
  for (const r of rows) {
    assert.match(r.checksum, /^[0-9a-f]{64}$/);
    assert.ok(r.finished_at > 0);
    assert.equal(r.applied_steps_count, 1);
  }
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all().map((r) => (r as { name: string }).name);
  for (const t of ["message", "thread", "list", "message_fts", "commit", "toolchain"]) assert.ok(tables.includes(t), t);
});

test("refuses a database whose migration started but never finished", () => {
  const db = tempDb();
  applyMigrations(db);
  db.prepare("UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = ?").run(readMigrations()[0].name);
  assert.throws(() => applyMigrations(db), /did not finish/);
});
