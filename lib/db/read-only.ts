// One read-only SQLite handle per process for raw SQL outside Prisma: the proxy's Message-ID checks, entity pages,
// regression stories and backlinks. The first open of a file applies pending migrations (as lib/db.ts does), so a
// fresh file has its tables and a database written by an older version is brought up to date before it is read.
import { openDatabase, type Sqlite } from "./sqlite";
import { databasePath } from "../config";

const globalForReader = globalThis as unknown as { crossloreReader?: { file: string; db: Sqlite } };

export function readOnlyDatabase(): Sqlite {
  const file = databasePath();
  const held = globalForReader.crossloreReader;
  if (held && held.file === file && held.db.open) return held.db;
  openDatabase({ file }).close();
  const db = openDatabase({ file, readonly: true });
  globalForReader.crossloreReader = { file, db };
  return db;
}
