// Applies prisma/migrations to a SQLite database, recording them in _prisma_migrations exactly as
// `prisma migrate deploy` does, so either tool can take over from the other.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type Database from "better-sqlite3";

// import.meta.url rather than import.meta.dirname: Next.js bundles this module for the site, and its bundler
// provides import.meta.url but leaves dirname undefined.
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");

// The table definition Prisma's schema engine creates for SQLite.
const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string; // sha256 hex of migration.sql, as Prisma computes it
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

/** Applies the migrations not yet recorded; returns the names applied. Throws on a failed or edited migration. */
export function applyMigrations(db: Database.Database, dir: string = MIGRATIONS_DIR): string[] {
  db.exec(MIGRATIONS_TABLE_SQL);
  const rows = db
    .prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations`)
    .all() as { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown }[];
  const applied = new Map(rows.filter((r) => r.rolled_back_at == null).map((r) => [r.migration_name, r]));
  const done: string[] = [];
  for (const m of readMigrations(dir)) {
    const row = applied.get(m.name);
    if (row) {
      if (row.finished_at == null) {
        throw new Error(`migration ${m.name} was started but did not finish; repair the database or restore a backup`);
      }
      if (row.checksum !== m.checksum) {
        console.warn(`warning: migration ${m.name} was edited after it was applied (checksum differs)`);
      }
      continue;
    }
    const id = crypto.randomUUID();
    const started = Date.now();
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare(
        `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
      ).run(id, m.checksum, Date.now(), m.name, started);
    })();
    done.push(m.name);
  }
  return done;
}
