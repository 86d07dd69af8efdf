// Prepared statements kept per connection and SQL text, for code that runs the same queries many times (the
// regression summary prepares each of its queries once per culprit otherwise: a fifth of its time).
import type Database from "better-sqlite3";
import type { Sqlite } from "./sqlite";

// Parameters vary by query, as with db.prepare itself.
type Statement = Database.Statement<unknown[]>;

const byConnection = new WeakMap<Sqlite, Map<string, Statement>>();

/** db.prepare(sql), prepared once per connection. Chained modes (.pluck()) must be the same at every use of a text. */
export function prepared(db: Sqlite, sql: string): Statement {
  let statements = byConnection.get(db);
  if (!statements) byConnection.set(db, (statements = new Map()));
  let s = statements.get(sql);
  if (!s) statements.set(sql, (s = db.prepare(sql)));
  return s;
}
