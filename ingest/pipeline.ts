// The ingest pipeline: readers split sources into raw messages on the main thread, a worker pool parses
// and extracts them, and the main thread threads, stores and indexes each batch in order. Bounded
// queues between the stages keep memory flat whatever the archive size.
import type { Sqlite } from "../lib/db/sqlite";
import { ExternalIndexer } from "./indexer";
import type { Counts, ProgressLine } from "./progress";
import { ReadProgress, checkSources, readSources } from "./read";
import { lastEpochPositions } from "./read/public-inbox";
import { Store } from "./store";
import type { EpochPosition, RawMessage } from "./types";
import { AnalyzePool, type Analyzed, type AnalyzedMessage, type FailedMessage } from "./worker";

export interface IngestOptions {
  /** Every message goes to this list; otherwise the list its headers name (see store.ts). */
  list?: string;
  /** Worker threads for parsing and extraction; default os.availableParallelism(). */
  workers?: number;
  progress?: ProgressLine;
  /** Called for each message that cannot be used, as it happens. */
  onFailure?: (failure: FailedMessage) => void;
  /**
   * Extract entities (commits, toolchains, …) while ingesting; default true. false stores messages at extract
   * version 0 for a later `npm run reextract`: a faster first load of a big archive.
   */
  extract?: boolean;
  /** Called for a stored message whose entity extraction threw (it is stored without entities). */
  onExtractError?: (message: AnalyzedMessage, error: string) => void;
  /** Skipped files and sources that fail part-way; default console.warn. */
  warn?: (message: string) => void;
  /**
   * New messages per write transaction (default 4,096). Fewer lose less work to a crash: a public-inbox
   * epoch resumes after the last committed batch.
   */
  commitMessages?: number;
}

export interface IngestSummary extends Counts {
  elapsedMs: number;
  bytes: number; // bytes of the sources on disk
}

// Messages per worker batch: large enough to amortize the thread hop, small enough that a batch of large
// mails stays a few megabytes.
const BATCH = 128;
// Batches queued per worker: enough to keep the workers busy through a commit (which indexes a few
// thousand messages for full-text search at once), few enough to keep memory flat.
const QUEUED_PER_WORKER = 8;
// A write transaction ends after this many new messages or this long, whichever comes first. FTS5 writes
// one index segment per transaction and merges them as they pile up: on the kbuild archive, committing
// every 4,096 messages instead of every 128 halves the indexing CPU time.
const COMMIT_MESSAGES = 4096;
const COMMIT_MS = 5000;

/** "kbuild.mbox: message 1,204 at byte 8,301,772: no From header" */
export function describeFailure(f: Pick<FailedMessage, "source" | "reason">): string {
  const { path, index, byteOffset } = f.source;
  return `${path}: message ${index.toLocaleString("en-US")} at byte ${byteOffset.toLocaleString("en-US")}: ${f.reason.replace(/^.*: message [\d,]+ at byte [\d,]+: /, "")}`;
}

/**
 * Ingests every message under `paths` into `db`. Throws SourceError (from ./read) before reading
 * anything when a path is missing or unreadable; bad messages never throw, they are counted, reported
 * through onFailure and kept in ingest_failure.
 */
export async function ingest(db: Sqlite, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const sources = await checkSources(paths, { warn: () => {} });
  const start = performance.now();
  const counts: Counts = { read: 0, added: 0, duplicate: 0, failed: 0 };
  const readProgress = new ReadProgress();
  const store = new Store(db, { list: options.list });
  const external = new ExternalIndexer();
  const pool = new AnalyzePool(options.workers);
  const inFlight: Promise<Analyzed[]>[] = [];
  // Where each batch in flight leaves the public-inbox epochs it came from; recorded with the batch.
  const inFlightEpochs: EpochPosition[][] = [];

  let lastCommit = performance.now();
  const commit = async () => {
    await external.add(store.commit());
    lastCommit = performance.now();
  };
  const storeNext = async () => {
    const epochs = inFlightEpochs.shift()!;
    const outcome = store.storeBatch(await inFlight.shift()!);
    store.recordEpochs(epochs);
    counts.added += outcome.added;
    counts.duplicate += outcome.duplicate;
    counts.failed += outcome.failed.length;
    for (const f of outcome.failed) options.onFailure?.(f);
    for (const e of outcome.extractErrors) options.onExtractError?.(e.message, e.error);
    if (store.pending >= (options.commitMessages ?? COMMIT_MESSAGES) || performance.now() - lastCommit >= COMMIT_MS) await commit();
    options.progress?.update(counts, readProgress.bytesRead, readProgress.totalBytes);
  };

  try {
    let batch: RawMessage[] = [];
    const send = async () => {
      inFlight.push(pool.run(batch, options.extract ?? true));
      inFlightEpochs.push(lastEpochPositions(batch));
      batch = [];
      while (inFlight.length >= pool.size * QUEUED_PER_WORKER) await storeNext();
    };
    for await (const raw of readSources(paths, { progress: readProgress, warn, epochState: (root) => store.epochState(root) })) {
      counts.read++;
      batch.push(raw);
      if (batch.length >= BATCH) await send();
    }
    if (batch.length > 0) await send();
    while (inFlight.length > 0) await storeNext();
    await commit();
    await external.flush();
    if (counts.added > 0) store.refreshRegressions();
  } catch (err) {
    store.rollback();
    throw err;
  } finally {
    // A batch still running when something failed must not leave an unhandled rejection behind.
    for (const p of inFlight) p.catch(() => {});
    await pool.close();
    options.progress?.done();
  }
  return { ...counts, elapsedMs: performance.now() - start, bytes: sources.reduce((n, s) => n + s.bytes, 0) };
}
