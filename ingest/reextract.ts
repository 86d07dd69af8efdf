// `npm run reextract`: runs entity extraction and the diff index again over every stored message (after an
// extractor changes), replacing each message's mentions. Safe to run any number of times.
//
// It reads the stored subject and body, not the raw message: those are exactly what ingest extracted from
// and what the site shows, and skipping MIME decoding makes a pass several times faster. A change to
// parsing itself (body decoding) needs a fresh ingest instead.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Sqlite } from "../lib/db/sqlite";
import { openDatabase } from "../lib/db/sqlite";
import { formatCount, formatDuration, ProgressLine, rate } from "./progress";
import { Store } from "./store";
import { AnalyzePool, type Extracted } from "./worker";
import { EXTRACT_VERSION } from "./extract";

export interface ReextractSummary {
  messages: number;
  diffChanged: number; // messages whose dfn/dfa/dfb/dfhh changed (re-indexed for full-text search)
  failed: { rowId: number; error: string }[]; // extraction threw; stored with no entities and extract_version 0
  prunedEntities: number; // commit/toolchain/diagnostic rows no message mentions any more
  regressions: number; // rows of the regression summary, rebuilt at the end
  elapsedMs: number;
}

// Messages per worker task and per page read from the database.
const PAGE = 256;
// Pages in flight per worker: enough to keep workers busy while the main thread writes.
const QUEUED_PER_WORKER = 4;
// Pages per write transaction.
const PAGES_PER_COMMIT = 16;

export async function reextract(db: Sqlite, options: { workers?: number; progress?: ProgressLine } = {}): Promise<ReextractSummary> {
  const start = performance.now();
  const store = new Store(db);
  const total = store.countStored();
  const pool = new AnalyzePool(options.workers);
  const summary: ReextractSummary = { messages: 0, diffChanged: 0, failed: [], prunedEntities: 0, regressions: 0, elapsedMs: 0 };
  const inFlight: { old: Map<number, { dfn: string; dfa: string; dfb: string; dfhh: string }>; results: Promise<Extracted[]> }[] = [];
  let pages = 0;

  const writeNext = async () => {
    const { old, results } = inFlight.shift()!;
    for (const r of await results) {
      if (r.error) summary.failed.push({ rowId: r.rowId, error: r.error });
      if (store.replaceExtraction(r.rowId, r.entities, r.version, old.get(r.rowId)!, r.diff)) summary.diffChanged++;
      summary.messages++;
    }
    if (++pages % PAGES_PER_COMMIT === 0) store.commit();
    options.progress?.update({ read: summary.messages, added: 0, duplicate: 0, failed: summary.failed.length }, summary.messages, total);
  };

  try {
    for (let after = 0; ; ) {
      const page = store.storedTexts(after, PAGE);
      if (page.length === 0) break;
      after = page.at(-1)!.rowId;
      const old = new Map(page.map((m) => [m.rowId, { dfn: m.dfn, dfa: m.dfa, dfb: m.dfb, dfhh: m.dfhh }]));
      inFlight.push({ old, results: pool.extract(page.map(({ rowId, subject, body }) => ({ rowId, subject, body }))) });
      while (inFlight.length >= pool.size * QUEUED_PER_WORKER) await writeNext();
    }
    while (inFlight.length > 0) await writeNext();
    store.commit();
    summary.prunedEntities = store.pruneEntities();
    summary.regressions = store.refreshRegressions().regressions;
  } catch (err) {
    store.rollback();
    throw err;
  } finally {
    for (const p of inFlight) p.results.catch(() => {});
    await pool.close();
    options.progress?.done();
  }
  summary.elapsedMs = performance.now() - start;
  return summary;
}

const USAGE = `usage: npm run reextract [-- --workers N]

Runs entity extraction (extract_version ${EXTRACT_VERSION}) and the diff index again over every stored message in
the database DATABASE_URL names, replacing what was stored. Messages are not parsed again.`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { workers: { type: "string" }, help: { type: "boolean", short: "h" } } }));
  } catch (err) {
    console.error(`reextract: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) {
    console.error(`reextract: --workers ${JSON.stringify(values.workers)}: not a positive whole number`);
    return 2;
  }
  const db = openDatabase();
  try {
    const progress = new ProgressLine(process.stderr, !!process.stderr.isTTY, (n) => `${formatCount(n)} messages`);
    const s = await reextract(db, { workers, progress });
    for (const f of s.failed) console.error(`extraction failed for message row ${f.rowId}: ${f.error}`);
    console.log(
      `${formatCount(s.messages)} messages re-extracted in ${formatDuration(s.elapsedMs)} (${formatCount(Math.round(rate(s.messages, s.elapsedMs)))} msg/s): ` +
        `diff index changed for ${formatCount(s.diffChanged)}, extraction failed for ${formatCount(s.failed.length)}, ` +
        `${formatCount(s.prunedEntities)} unreferenced entities removed, ${formatCount(s.regressions)} regressions`,
    );
    return 0;
  } finally {
    db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`reextract: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exit(1);
    },
  );
}
