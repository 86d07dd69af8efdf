// Keeps the FTS5 message index (message_fts, external content on `message`) in step with stored rows.
import type { Sqlite } from "../db/sqlite";
import { FTS_COLUMNS, FTS_TABLE } from "../db/fts-schema";

// Well under SQLite's bound-parameter limit (32,766), and large enough that a batch is one statement.
const CHUNK = 500;

const COLS = FTS_COLUMNS.join(", ");
const MSG_COLS = FTS_COLUMNS.map((c) => `m.${c}`).join(", ");

function chunks(ids: number[]): number[][] {
  const unique = [...new Set(ids)];
  const out: number[][] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(unique.slice(i, i + CHUNK));
  return out;
}

const marks = (n: number) => new Array(n).fill("?").join(", ");

/**
 * Indexes the given message rows from their current column values. Ghost rows are skipped (they have no
 * text and are never search results), and so are rows already indexed, so calling it twice is harmless;
 * a row whose indexed columns change must go through ftsRemoveRows first. Synchronous, so it runs inside
 * the caller's write transaction.
 */
export function ftsIndexRows(db: Sqlite, rowIds: number[]): void {
  for (const ids of chunks(rowIds)) {
    db.prepare(
      `INSERT INTO ${FTS_TABLE}(rowid, ${COLS})
       SELECT m.id, ${MSG_COLS} FROM message m
       WHERE m.id IN (${marks(ids.length)}) AND m.ghost = 0
         AND NOT EXISTS (SELECT 1 FROM ${FTS_TABLE}_docsize d WHERE d.id = m.id)`,
    ).run(...ids);
  }
}

/**
 * Removes the given rows from the index, using the values still stored in `message` (FTS5 external
 * content needs exactly the values that were indexed). Call it before a row's indexed columns change or
 * the row is deleted; rows not in the index are left alone.
 */
export function ftsRemoveRows(db: Sqlite, rowIds: number[]): void {
  for (const ids of chunks(rowIds)) {
    db.prepare(
      `INSERT INTO ${FTS_TABLE}(${FTS_TABLE}, rowid, ${COLS})
       SELECT 'delete', m.id, ${MSG_COLS} FROM message m
       WHERE m.id IN (${marks(ids.length)})
         AND EXISTS (SELECT 1 FROM ${FTS_TABLE}_docsize d WHERE d.id = m.id)`,
    ).run(...ids);
  }
}
