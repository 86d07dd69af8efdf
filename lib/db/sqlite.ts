// Opens the crosslore SQLite file with the settings every writer and reader shares.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath } from "../config";
import { applyMigrations } from "./migrate";

export type Sqlite = Database.Database;

export interface OpenOptions {
  /** SQLite file path, or ":memory:"; defaults to the one DATABASE_URL names. */
  file?: string;
  readonly?: boolean;
  /** Apply pending migrations first (default true for writers). */
  migrate?: boolean;
}

export function openDatabase(options: OpenOptions = {}): Sqlite {
  const file = options.file ?? databasePath();
  if (file !== ":memory:" && !options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  db.pragma("busy_timeout = 10000");
  if (!options.readonly) {
    // WAL lets the site read while the ingester writes; NORMAL is durable at each checkpoint, which is
    // all an archive that can be re-ingested needs.
    if (file !== ":memory:") db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    if (options.migrate ?? true) applyMigrations(db);
  }
  db.pragma("cache_size = -65536"); // 64 MiB page cache
  db.pragma("temp_store = MEMORY");
  return db;
}
