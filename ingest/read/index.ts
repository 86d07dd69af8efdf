// Turns the paths given to the ingester into sources (mbox, maildir, .eml, public-inbox git epochs) and
// reads them as one stream of messages. A new kind of source is one detection rule in classifyFile/classifyDir
// and one entry in READERS.
import fs from "node:fs/promises";
import { constants as fsc } from "node:fs";
import path from "node:path";
import type { RawMessage } from "../types";
import { readEml } from "./eml";
import { isMaildir, maildirFiles, readMaildir } from "./maildir";
import { splitMbox } from "./mbox";
import { openBytes, xzAvailable, XZ_MISSING, type Compression } from "./open";
import { epochDiskBytes, epochSortKey, gitAvailable, gitDirKind, GIT_MISSING, readEpoch, type EpochState } from "./public-inbox";

export type SourceKind = "mbox" | "maildir" | "eml" | "public-inbox";

export interface Source {
  path: string; // the file, or the maildir directory
  kind: SourceKind;
  compression: Compression;
  bytes: number; // bytes on disk: compressed size for .gz/.xz, all message files for a maildir
  members: string[]; // the message files of a maildir; empty for other kinds
}

/** How far reading has got, in bytes on disk, for an ETA. Updated in place while readSources runs. */
export class ReadProgress {
  totalBytes = 0;
  bytesRead = 0;
  /** One line per source that failed part-way; the other sources are still read. */
  failures: string[] = [];
}

export interface ReadOptions {
  progress?: ReadProgress;
  /** Skipped files and sources that failed part-way. Defaults to console.warn. */
  warn?: (message: string) => void;
  /** Where earlier runs stopped in each public-inbox epoch, by root commit (the store's inbox_epoch rows). */
  epochState?: (rootCommit: string) => EpochState | null;
}

/** A path that cannot be read at all: reported before any message is read. */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SourceError";
  }
}

type Reader = (source: Source, onRead: (bytes: number) => void, options: ReadOptions) => AsyncIterable<RawMessage>;

const READERS: Record<SourceKind, Reader> = {
  mbox: (s, onRead) => splitMbox(openBytes(s.path, s.compression, onRead), s.path),
  maildir: (s, onRead) => readMaildir(s.members, onRead),
  eml: (s, onRead) => readEml(s.path, onRead),
  "public-inbox": (s, onRead, o) => readEpoch(s.path, { bytes: s.bytes, onRead, warn: o.warn, epochState: o.epochState }),
};

// Names of files in a directory walk that are read without sniffing.
const BY_EXTENSION: [RegExp, SourceKind, Compression][] = [
  [/\.(mbox|mboxrd|mbx)$/i, "mbox", null],
  [/\.(mbox|mboxrd|mbx)\.gz$/i, "mbox", "gzip"],
  [/\.(mbox|mboxrd|mbx)\.xz$/i, "mbox", "xz"],
  [/\.eml$/i, "eml", null],
];

// How much of an extensionless file is looked at to tell an mbox from a single message.
const SNIFF_BYTES = 4096;
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

async function sniff(file: string): Promise<SourceKind | null> {
  const handle = await fs.open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead).toString("latin1").replace(/^(?:[ \t\r]*\n)+/, "");
    if (head.startsWith("From ")) return "mbox";
    return HEADER_LINE.test(head) ? "eml" : null;
  } finally {
    await handle.close();
  }
}

/** What a file is; `explicit` is true for a path the user named, where any name is sniffed, not skipped. */
async function classifyFile(file: string, explicit: boolean, warn: (m: string) => void): Promise<Omit<Source, "bytes" | "members"> | null> {
  const base = path.basename(file);
  for (const [re, kind, compression] of BY_EXTENSION) if (re.test(base)) return { path: file, kind, compression };
  if (/\.gz$/i.test(base)) return explicit ? { path: file, kind: "mbox", compression: "gzip" } : null;
  if (/\.xz$/i.test(base)) return explicit ? { path: file, kind: "mbox", compression: "xz" } : null;
  if (!explicit && path.extname(base) !== "") return null;
  const kind = await sniff(file);
  if (kind) return { path: file, kind, compression: null };
  warn(`${file}: skipped: neither an mbox (no leading "From " line) nor a message (no header line)`);
  return null;
}

async function readable(p: string, mode: number): Promise<void> {
  try {
    await fs.access(p, mode);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new SourceError(`${p}: no such file or directory`);
    throw new SourceError(`${p}: cannot be read (${code ?? (err as Error).message})`);
  }
}

async function expand(p: string, explicit: boolean, out: Source[], warn: (m: string) => void): Promise<void> {
  const stat = await fs.stat(p).catch(() => null);
  if (!stat) {
    await readable(p, fsc.F_OK);
    throw new SourceError(`${p}: cannot be read`);
  }
  if (stat.isDirectory()) {
    await readable(p, fsc.R_OK | fsc.X_OK);
    const git = await gitDirKind(p, explicit);
    if (git === "epoch") out.push({ path: p, kind: "public-inbox", compression: null, bytes: await epochDiskBytes(p), members: [] });
    if (git !== null) return;
    if (await isMaildir(p)) {
      const members = await maildirFiles(p);
      let bytes = 0;
      for (const m of members) {
        await readable(m, fsc.R_OK);
        bytes += (await fs.stat(m)).size;
      }
      out.push({ path: p, kind: "maildir", compression: null, bytes, members });
    }
    const entries = (await fs.readdir(p, { withFileTypes: true }))
      .map((entry) => ({ entry, key: epochSortKey(entry.name) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ entry }) => entry);
    const maildir = out.at(-1)?.path === p;
    for (const entry of entries) {
      if (maildir && ["cur", "new", "tmp"].includes(entry.name)) continue;
      // Dot entries are VCS and editor files, except Maildir++ folders (".Sent"), which are maildirs themselves.
      if (entry.name.startsWith(".") && !(entry.isDirectory() && (await isMaildir(path.join(p, entry.name))))) continue;
      if (entry.isDirectory() || entry.isFile() || entry.isSymbolicLink()) await expand(path.join(p, entry.name), false, out, warn);
    }
    return;
  }
  if (!stat.isFile()) {
    if (explicit) throw new SourceError(`${p}: not a file or directory`);
    return;
  }
  await readable(p, fsc.R_OK);
  const source = await classifyFile(p, explicit, warn);
  if (source) out.push({ ...source, bytes: stat.size, members: [] });
}

/**
 * The sources the given paths name, directories expanded recursively. Throws a SourceError naming the
 * path when one is missing or unreadable, or when an .xz source needs the missing xz program, so the
 * caller can stop before reading anything.
 */
export async function checkSources(paths: string[], options: Pick<ReadOptions, "warn"> = {}): Promise<Source[]> {
  const warn = options.warn ?? ((m: string) => console.warn(m));
  if (paths.length === 0) throw new SourceError("no input paths given");
  const out: Source[] = [];
  for (const p of paths) {
    const before = out.length;
    await expand(p, true, out, warn);
    if (out.length === before) warn(`${p}: no mail found`);
  }
  const xz = out.find((s) => s.compression === "xz");
  if (xz && !xzAvailable()) throw new SourceError(`${xz.path}: ${XZ_MISSING}`);
  const epoch = out.find((s) => s.kind === "public-inbox");
  if (epoch && !gitAvailable()) throw new SourceError(`${epoch.path}: ${GIT_MISSING}`);
  return out;
}

/**
 * Every message in the given paths, in order: sources in the order given (directory entries by name),
 * messages in source order. A source that fails part-way (a truncated .gz) is reported through `warn`
 * and `progress.failures`, and reading goes on with the next source.
 */
export async function* readSources(paths: string[], options: ReadOptions = {}): AsyncGenerator<RawMessage> {
  yield* readSourceList(await checkSources(paths, options), options);
}

/** readSources for sources already listed by checkSources (a CLI checks first, to exit before reading). */
export async function* readSourceList(sources: Source[], options: ReadOptions = {}): AsyncGenerator<RawMessage> {
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const progress = options.progress ?? new ReadProgress();
  progress.totalBytes = sources.reduce((sum, s) => sum + s.bytes, 0);
  const onRead = (bytes: number) => {
    progress.bytesRead += bytes;
  };
  for (const source of sources) {
    const start = progress.bytesRead;
    try {
      yield* READERS[source.kind](source, onRead, { ...options, warn });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const line = message.startsWith(source.path) ? message : `${source.path}: ${message}`;
      progress.failures.push(line);
      warn(line);
    }
    // A failed or short read still counts as done, so the ETA does not stall.
    progress.bytesRead = start + source.bytes;
  }
}
