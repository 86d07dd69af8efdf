// The CPU-heavy half of ingestion (parse, normalize, extract, diff index, compress) and the worker_threads
// pool that runs it next to the main thread, which reads, threads and stores.
import os from "node:os";
import { Worker, isMainThread, parentPort } from "node:worker_threads";
import zlib from "node:zlib";
import { bodyBacked, type Entities } from "./extract/types";
import type { Block } from "../lib/mail/blocks";
import { diffIndex } from "../lib/mail/diff";
import { segmentBody } from "../lib/mail/segment";
import { EXTRACT_VERSION, extractBatch } from "./extract";
import { parseMessage } from "./parse";
import { workerScript } from "./worker-script";
import type { DiffIndex, ParsedMessage, RawMessage, SourcePosition } from "./types";

/** A message ready to store: everything but the database work is done. */
export interface AnalyzedMessage {
  ok: true;
  message: Omit<ParsedMessage, "raw">;
  rawDeflated: Buffer; // zlib.deflateSync of the raw bytes; the site inflates it
  rawSize: number;
  entities: Entities;
  extractVersion: number; // 0 when extraction failed, so `npm run reextract` retries it
  extractError: string | null;
  diff: DiffIndex;
}

/** A message that could not be used, kept whole. */
export interface FailedMessage {
  ok: false;
  source: SourcePosition;
  reason: string;
  raw: Buffer;
}

export type Analyzed = AnalyzedMessage | FailedMessage;

const NO_DIFF: DiffIndex = { dfn: [], dfa: [], dfb: [], dfhh: [] };

export const EMPTY_ENTITIES: Entities = {
  commits: [],
  toolchains: [],
  snippets: [],
  diagnostics: [],
  configs: [],
  kernelVersions: [],
  links: [],
  trailers: [],
  tags: [],
  regzbot: [],
};

function reasonOf(err: unknown): string {
  if (err instanceof Error) return (err as Error & { reason?: string }).reason ?? err.message;
  return String(err);
}

/** Extraction results of one message (entities empty and version 0 when extraction failed or was not asked for). */
export interface ExtractResult {
  entities: Entities;
  version: number;
  error: string | null;
  diff: DiffIndex;
}

// Messages extracted together (extractBatch): enough to keep the extractors warm, few enough that their
// segmented bodies die young instead of being copied by every scavenge until the whole batch is done.
const EXTRACT_GROUP = 16;

/**
 * Extraction and the diff index over many subjects and bodies, never throwing: a message whose extraction
 * fails is reported and gets no entities. Each body is segmented once for both; the extractors then run over
 * groups of EXTRACT_GROUP messages (extractBatch), which keeps them warm.
 */
export function extractMany(items: { subject: string; body: string }[], entities = true): ExtractResult[] {
  const out: ExtractResult[] = [];
  for (let g = 0; g < items.length; g += EXTRACT_GROUP) out.push(...extractGroup(items.slice(g, g + EXTRACT_GROUP), entities));
  return out;
}

function extractGroup(items: { subject: string; body: string }[], entities: boolean): ExtractResult[] {
  const blocks: (Block[] | null)[] = [];
  const out: ExtractResult[] = [];
  for (const { body } of items) {
    let b: Block[];
    try {
      b = segmentBody(body);
    } catch (err) {
      blocks.push(null);
      out.push({ entities: EMPTY_ENTITIES, version: 0, error: `cannot segment the body: ${reasonOf(err)}`, diff: NO_DIFF });
      continue;
    }
    let diff = NO_DIFF;
    try {
      diff = diffIndex(body, b);
    } catch {
      // The diff columns only feed dfn:/dfa:/... search; a message is still worth storing without them.
    }
    blocks.push(b);
    // Without entities the message is stored at extract version 0, which `npm run reextract` fills in later.
    out.push({ entities: EMPTY_ENTITIES, version: 0, error: null, diff });
  }
  if (!entities) return out;
  const todo = items.flatMap((item, i) => (blocks[i] ? [i] : []));
  const found = extractBatch(todo.map((i) => ({ subject: items[i].subject, body: items[i].body, blocks: blocks[i]! })));
  todo.forEach((i, k) => {
    const f = found[k];
    out[i] = f.entities ? { ...out[i], entities: withoutBodyText(f.entities), version: EXTRACT_VERSION } : { ...out[i], error: f.error };
  });
  return out;
}

/**
 * Entities as the main thread needs them: patches without their text, which the store does not keep (it is the
 * body's lines); copying it to the main thread was a second copy of half of all mail text.
 */
function withoutBodyText(e: Entities): Entities {
  return e.snippets.some(bodyBacked) ? { ...e, snippets: e.snippets.map((s) => (bodyBacked(s) ? { ...s, text: null } : s)) } : e;
}

/** Everything about a batch of messages that does not need the database (entities only when asked). Never throws. */
export async function analyzeBatch(raws: RawMessage[], entities = true): Promise<Analyzed[]> {
  const parsed: (ParsedMessage | FailedMessage)[] = [];
  for (const raw of raws) {
    try {
      parsed.push(await parseMessage(raw));
    } catch (err) {
      parsed.push({ ok: false, source: raw.source, reason: reasonOf(err), raw: raw.raw });
    }
  }
  const ok = parsed.filter((p): p is ParsedMessage => !("ok" in p));
  const extracted = extractMany(ok.map((p) => ({ subject: p.subject, body: p.body })), entities);
  let k = 0;
  return parsed.map((p): Analyzed => {
    if ("ok" in p) return p;
    const { raw: bytes, ...message } = p;
    const { entities: found, version, error, diff } = extracted[k++];
    return {
      ok: true,
      message,
      rawDeflated: zlib.deflateSync(bytes),
      rawSize: bytes.length,
      entities: found,
      extractVersion: version,
      extractError: error,
      diff,
    };
  });
}

// ---- Crossing the thread boundary ----
// A batch's raw bytes travel as one transferred ArrayBuffer: structured-cloning each message's Buffer would
// copy the whole (often shared) ArrayBuffer behind it.

interface PackedBatch {
  bytes: ArrayBuffer;
  ends: number[];
  sources: SourcePosition[];
  entities: boolean;
}

function pack(buffers: Uint8Array[]): { bytes: ArrayBuffer; ends: number[] } {
  const total = buffers.reduce((n, b) => n + b.length, 0);
  const bytes = new ArrayBuffer(total);
  const view = new Uint8Array(bytes);
  const ends: number[] = [];
  let at = 0;
  for (const b of buffers) {
    view.set(b, at);
    at += b.length;
    ends.push(at);
  }
  return { bytes, ends };
}

function unpack(bytes: ArrayBuffer, ends: number[]): Buffer[] {
  return ends.map((end, i) => Buffer.from(bytes, i === 0 ? 0 : ends[i - 1], end - (i === 0 ? 0 : ends[i - 1])));
}

interface PackedResults {
  results: Analyzed[]; // with the Buffers removed; they travel in `bytes`
  bytes: ArrayBuffer;
  ends: number[];
}

function packResults(results: Analyzed[]): PackedResults {
  const buffers = results.map((r) => (r.ok ? r.rawDeflated : r.raw));
  const bare = results.map((r) => (r.ok ? { ...r, rawDeflated: null } : { ...r, raw: null })) as unknown as Analyzed[];
  return { results: bare, ...pack(buffers) };
}

function unpackResults(packed: PackedResults): Analyzed[] {
  const buffers = unpack(packed.bytes, packed.ends);
  return packed.results.map((r, i) => (r.ok ? { ...r, rawDeflated: buffers[i] } : { ...r, raw: buffers[i] }));
}

/** A stored message to extract again (npm run reextract). */
export interface StoredText {
  rowId: number;
  subject: string;
  body: string;
}

export type Extracted = { rowId: number } & ExtractResult;

type Task = { kind: "analyze"; batch: PackedBatch } | { kind: "extract"; items: StoredText[] };

if (!isMainThread && parentPort) {
  const port = parentPort;
  const run = async (task: Task) => {
    if (task.kind === "extract") {
      const results = extractMany(task.items);
      port.postMessage(task.items.map((t, i): Extracted => ({ rowId: t.rowId, ...results[i] })));
      return;
    }
    const { batch } = task;
    const raws = unpack(batch.bytes, batch.ends);
    const results = await analyzeBatch(raws.map((raw, i) => ({ raw, source: batch.sources[i] })), batch.entities);
    const packed = packResults(results);
    port.postMessage(packed, [packed.bytes]);
  };
  // One task at a time, in the order sent: the pool matches answers to tasks by order, and a task started
  // while another awaits analyzeBatch() could answer first, handing one batch's results to another.
  let tasks = Promise.resolve();
  port.on("message", (task: Task) => {
    tasks = tasks.then(() => run(task));
  });
}

// ---- The pool (main thread) ----

// A worker's live data is one batch; without a cap V8 lets each worker's heap grow to hundreds of
// megabytes before collecting, which is what would push a large ingest past its memory budget.
const WORKER_HEAP_MB = 160;
// Parsing and extraction make many short-lived strings; a young generation this large collects them in fewer
// scavenges: on the kbuild archive it took ~1.5 s off ingest with extraction (nothing measurable without), for
// 65 MB more peak RSS (643 → 708 MB).
const WORKER_YOUNG_MB = 64;

interface Pending {
  resolve: (reply: unknown) => void;
  reject: (err: Error) => void;
}

/** Worker threads running analyzeBatch() (and extractMany() for re-extraction); each keeps a FIFO of the tasks sent to it. */
export class AnalyzePool {
  private readonly workers: Worker[] = [];
  private readonly pending: Pending[][] = [];
  private failure: Error | null = null;

  constructor(readonly size: number = os.availableParallelism()) {
    // This file, bundled to JavaScript (see worker-script.ts for why not through tsx)
    const { script, eval: isCode } = workerScript();
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { eval: isCode, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
      const queue: Pending[] = [];
      worker.on("message", (reply: unknown) => queue.shift()?.resolve(reply));
      worker.on("error", (err) => this.fail(new Error(`ingest worker ${i + 1} failed: ${err.message}`)));
      worker.on("exit", (code) => {
        if (queue.length > 0) this.fail(new Error(`ingest worker ${i + 1} exited (code ${code}) with ${queue.length} batches unfinished`));
      });
      this.workers.push(worker);
      this.pending.push(queue);
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const queue of this.pending) for (const p of queue.splice(0)) p.reject(err);
  }

  /** Batches sent but not yet answered. */
  get inFlight(): number {
    return this.pending.reduce((n, q) => n + q.length, 0);
  }

  private send<T>(task: Task, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    let w = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.pending[i].length < this.pending[w].length) w = i;
    return new Promise<T>((resolve, reject) => {
      this.pending[w].push({ resolve: resolve as (reply: unknown) => void, reject });
      this.workers[w].postMessage(task, transfer);
    });
  }

  /** Analyzes a batch on the least busy worker; results come back in the batch's order. */
  async run(raws: RawMessage[], entities = true): Promise<Analyzed[]> {
    const { bytes, ends } = pack(raws.map((r) => r.raw));
    const packed = await this.send<PackedResults>({ kind: "analyze", batch: { bytes, ends, sources: raws.map((r) => r.source), entities } }, [bytes]);
    return unpackResults(packed);
  }

  /** Extracts entities and the diff index of stored messages again, in the given order. */
  extract(items: StoredText[]): Promise<Extracted[]> {
    return this.send<Extracted[]>({ kind: "extract", items });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
