// One read-only SQLite handle per process for raw lookups outside Prisma: the proxy's Message-ID checks and the
// backlink tables. Opened on first use; a missing database file throws, and callers decide what that means.
import { openDatabase, type Sqlite } from "./sqlite";
import { databasePath } from "../config";

const globalForReader = globalThis as unknown as { crossloreReader?: { file: string; db: Sqlite } };

export function readOnlyDatabase(): Sqlite {
  const file = databasePath();
  const held = globalForReader.crossloreReader;
  if (held && held.file === file && held.db.open) return held.db;
  const db = openDatabase({ file, readonly: true });
  globalForReader.crossloreReader = { file, db };
  return db;
}
