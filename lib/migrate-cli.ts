// `npm run migrate`: applies pending migrations to the database DATABASE_URL names.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "./config";
import { applyMigrations } from "./db/migrate";

const file = databasePath();
fs.mkdirSync(path.dirname(file), { recursive: true });
const db = new Database(file);
try {
  const applied = applyMigrations(db);
  console.log(applied.length ? `applied ${applied.join(", ")} to ${file}` : `${file} is up to date`);
} catch (e) {
  console.error(`migrate: ${file}: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  db.close();
}
