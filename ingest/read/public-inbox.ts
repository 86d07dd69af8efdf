// Reads a public-inbox v2 git epoch (N.git: one commit per message, the message in blob `m`) as a stream of
// messages, starting after the last commit an earlier run stored, with two git processes per epoch.
//
// Layout (public-inbox-v2-format(5)): an inbox directory holds git/0.git, git/1.git, ... (the epochs, in
// time order) and all.git (empty, alternates to the epochs). Each epoch's history is linear; a commit
// adds or replaces `m`, and removing a message deletes `m` and adds `d`. A commit whose tree does not
// change (the same message delivered twice) still stands for one message, the `m` it carries.
import { execFile, spawn, spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";
import type { EpochPosition, RawMessage } from "../types";

/** Where an earlier run stopped in an epoch, as the store keeps it (inbox_epoch). */
export interface EpochState {
  lastCommit: string | null;
  messageCount: number;
}

/** What one readEpoch call did; filled in as it goes, complete when the generator finishes. */
export class EpochStats {
  rootCommit: string | null = null;
  /** The commit reading started after; null for a read from the first commit. */
  startAfter: string | null = null;
  /** Whether the stored last commit was no longer in the history, so the epoch was read again from the start. */
  rewritten = false;
  commits = 0; // commits read
  messages = 0; // messages yielded
  deletions = 0; // commits that remove a message (`m` deleted): skipped
  withoutMessage = 0; // commits with no `m` in their tree, or whose blob is missing from the repository
}

export interface EpochReadOptions {
  /** The stored position of an epoch, by root commit; without it every epoch is read from its first commit. */
  epochState?: (rootCommit: string) => EpochState | null;
  /** The epoch's size on disk (progress is reported in shares of it, commit by commit). */
  bytes?: number;
  onRead?: (bytes: number) => void;
  /** History rewrites, deleted and missing messages. Defaults to console.warn. */
  warn?: (message: string) => void;
  stats?: EpochStats;
}

let gitFound: boolean | undefined;

/** Whether the git program can be run; public-inbox epochs need it. */
export function gitAvailable(): boolean {
  if (gitFound === undefined) gitFound = !spawnSync("git", ["--version"], { stdio: "ignore" }).error;
  return gitFound;
}

export const GIT_MISSING = "the git program is needed to read public-inbox git epochs and was not found (install git)";

async function exists(p: string, kind: "file" | "dir"): Promise<boolean> {
  const stat = await fs.stat(p).catch(() => null);
  return stat !== null && (kind === "file" ? stat.isFile() : stat.isDirectory());
}

/**
 * What a directory is to the reader: "epoch" for a git repository to read (a bare one: HEAD, objects/,
 * refs/; or a checkout whose work tree holds a public-inbox `m` or `d` file), "skip" for a bare
 * repository with nothing to read, and null for anything else, which is walked for mail files (a
 * checkout of a project that keeps mbox files). In a directory walk (`explicit` false) all.git is
 * skipped: it is the inbox's empty alternates repository, not an epoch.
 */
export async function gitDirKind(dir: string, explicit: boolean): Promise<"epoch" | "skip" | null> {
  if ((await exists(path.join(dir, "HEAD"), "file")) && (await exists(path.join(dir, "objects"), "dir")) && (await exists(path.join(dir, "refs"), "dir"))) {
    return !explicit && path.basename(dir) === "all.git" ? "skip" : "epoch";
  }
  if (!(await fs.stat(path.join(dir, ".git")).catch(() => null))) return null;
  return (await exists(path.join(dir, "m"), "file")) || (await exists(path.join(dir, "d"), "file")) ? "epoch" : null;
}

// "0.git", "1.git", "10.git"; also GitHub-style checkouts named "list.example.org.0", ".1", ".10".
const EPOCH_NAME = /^(.*?)(\d+)(\.git)?$/;
// Wider than any epoch number.
const EPOCH_DIGITS = 20;

/**
 * A directory entry's name with a trailing epoch number zero-padded, so that sorting by it puts the
 * epochs of an inbox in number order (10.git after 9.git) and leaves other names in name order.
 */
export function epochSortKey(name: string): string {
  const m = EPOCH_NAME.exec(name);
  return m ? `${m[1]}${m[2].padStart(EPOCH_DIGITS, "0")}${m[3] ?? ""}` : name;
}

/** An epoch as given (for messages) and its git directory (for git). */
interface Repo {
  dir: string;
  gitDir: string;
}

// The git directory is named outright: git left to discover it from a broken repository would go up the
// tree and read whatever repository encloses it.
async function repoOf(dir: string): Promise<Repo> {
  return { dir, gitDir: (await exists(path.join(dir, "objects"), "dir")) ? dir : path.join(dir, ".git") };
}

/** Bytes of the repository's object store on disk, the size progress is measured against. */
export async function epochDiskBytes(dir: string): Promise<number> {
  const { gitDir } = await repoOf(dir);
  let total = 0;
  const walk = async (d: string): Promise<void> => {
    for (const entry of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(p);
      else if (entry.isFile()) total += (await fs.stat(p)).size;
    }
  };
  await walk(path.join(gitDir, "objects"));
  return total;
}

/** Runs a short git command on `repo`; rejects with git's own message, naming the repository. */
function git({ dir, gitDir }: Repo, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("git", ["--git-dir", gitDir, ...args], { maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) {
        const detail = stderr.trim().split("\n").at(-1) || err.message;
        reject(Object.assign(new Error(`${dir}: git ${args[0]}: ${detail}`), { exitCode: typeof err.code === "number" ? err.code : null }));
      } else resolve(stdout.trim());
    });
  });
}

/** Whether `commit` is in the history of `head` (false too when the repository does not have it at all). */
async function isAncestor(repo: Repo, commit: string, head: string): Promise<boolean> {
  try {
    await git(repo, ["merge-base", "--is-ancestor", commit, head]);
    return true;
  } catch (err) {
    // 1: not an ancestor; 128: not a commit of this repository.
    if ([1, 128].includes((err as { exitCode?: number }).exitCode ?? -1)) return false;
    throw err;
  }
}

/** A commit of the log, and how its message is found. */
interface LoggedCommit {
  commit: string;
  index: number; // 1-based commit number within the epoch
  // "blob": `m` was added or changed (object id in `spec`); "tree": the tree's `m` did not change, so it
  // is looked up by path; "deletion": `m` was removed.
  kind: "blob" | "tree" | "deletion";
  spec: string; // what cat-file is asked for
}

const HEX_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/; // SHA-1 or SHA-256
// ":100644 100644 <old> <new> M\tm"
const RAW_ENTRY = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*\t(.*)$/;

/**
 * The commits of `range`, oldest first, numbered from `firstIndex`, from one `git log --raw` process
 * whose output is read as it comes.
 */
async function* logCommits({ dir, gitDir }: Repo, range: string, firstIndex: number): AsyncGenerator<LoggedCommit> {
  // --no-renames: a deletion (m removed, d added with the same blob) would otherwise show as a rename.
  const child = spawn("git", ["--git-dir", gitDir, "log", "--reverse", "--raw", "--no-abbrev", "--no-renames", "--root", "--format=%H", range], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (s: string) => (stderr += s));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  try {
    let current: LoggedCommit | null = null;
    let index = firstIndex - 1;
    for await (const line of readline.createInterface({ input: child.stdout, crlfDelay: Infinity })) {
      if (HEX_ID.test(line)) {
        if (current) yield current;
        current = { commit: line, index: ++index, kind: "tree", spec: `${line}:m` };
        continue;
      }
      const entry = RAW_ENTRY.exec(line);
      if (!entry || !current || entry[3] !== "m") continue;
      if (entry[2] === "D") current = { ...current, kind: "deletion", spec: "" };
      else current = { ...current, kind: "blob", spec: entry[1] };
    }
    if (current) yield current;
    const code = await exited;
    if (code !== 0) throw new Error(`${dir}: git log: ${stderr.trim().split("\n").at(-1) || `exit code ${code}`}`);
  } finally {
    // A reader that stops early leaves git blocked on a full pipe.
    child.kill();
  }
}

/** Reads `git cat-file --batch` answers from its stdout, pulling only what is asked for. */
class CatFileOutput {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly chunks: AsyncIterator<Buffer>;

  constructor(
    private readonly dir: string,
    stdout: NodeJS.ReadableStream,
  ) {
    this.chunks = (stdout as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  private async more(): Promise<void> {
    const next = await this.chunks.next();
    if (next.done) throw new Error(`${this.dir}: git cat-file ended early`);
    this.buffer = this.buffer.length === 0 ? next.value : Buffer.concat([this.buffer, next.value]);
  }

  private async line(): Promise<string> {
    let nl: number;
    while ((nl = this.buffer.indexOf(0x0a)) === -1) await this.more();
    const text = this.buffer.subarray(0, nl).toString("latin1");
    this.buffer = this.buffer.subarray(nl + 1);
    return text;
  }

  private async bytes(n: number): Promise<Buffer> {
    if (this.buffer.length >= n) {
      const out = Buffer.from(this.buffer.subarray(0, n)); // a copy, so a small message does not pin a large chunk
      this.buffer = this.buffer.subarray(n);
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let at = this.buffer.copy(out);
    this.buffer = Buffer.alloc(0);
    while (at < n) {
      await this.more();
      const take = Math.min(n - at, this.buffer.length);
      this.buffer.copy(out, at, 0, take);
      at += take;
      this.buffer = this.buffer.subarray(take);
    }
    return out;
  }

  /** The next answer: the blob's bytes, or null when the object is missing or not a blob. */
  async next(): Promise<Buffer | null> {
    const header = await this.line();
    const m = /^\S+ (\S+) (\d+)$/.exec(header);
    if (!m) return null; // "<spec> missing" or "<spec> ambiguous"
    const body = await this.bytes(Number(m[2]));
    await this.bytes(1); // the newline after the contents
    return m[1] === "blob" ? body : null;
  }
}

// cat-file requests sent ahead of the one being read: enough to hide the pipe round trip, few enough that
// the answers waiting in the pipe stay small.
const LOOKAHEAD = 32;

/**
 * The messages of one epoch, in commit order, after the stored position (`epochState`) when there is one.
 * Each carries `gitCommit`, `epoch` (the position to store with it) and `source` = { path: "<dir>#<commit>",
 * index: commit number within the epoch (1-based), byteOffset: 0 }: the commit names the message exactly,
 * and keeps ingest_failure rows (unique by source and offset) apart. Deletions and commits without a
 * message are skipped and counted in `stats`; the position stored with a message also covers the skipped
 * commits right after it, so a re-run does not read them again.
 */
export async function* readEpoch(dir: string, options: EpochReadOptions = {}): AsyncGenerator<RawMessage> {
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const stats = options.stats ?? new EpochStats();
  const repo = await repoOf(dir);

  let head: string;
  try {
    head = await git(repo, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
  } catch (err) {
    // --quiet: an unborn HEAD (an empty repository) exits 1 without a message; anything else is a real error.
    if ((err as { exitCode?: number }).exitCode === 1) {
      warn(`${dir}: no commits`);
      return;
    }
    throw err;
  }
  const roots = (await git(repo, ["rev-list", "--max-parents=0", head])).split("\n");
  const rootCommit = roots.at(-1)!;
  stats.rootCommit = rootCommit;

  const stored = options.epochState?.(rootCommit) ?? null;
  let startAfter = stored?.lastCommit ?? null;
  let messageCount = stored?.messageCount ?? 0;
  if (startAfter && !(await isAncestor(repo, startAfter, head))) {
    warn(`${dir}: history rewritten: the last commit read (${startAfter}) is no longer in the history of HEAD (${head}); reading the whole epoch again (messages already stored count as duplicates)`);
    stats.rewritten = true;
    startAfter = null;
    messageCount = 0;
  }
  stats.startAfter = startAfter;
  const range = startAfter ? `${startAfter}..${head}` : head;
  const total = Number(await git(repo, ["rev-list", "--count", range]));
  if (total === 0) return;
  const firstIndex = startAfter ? Number(await git(repo, ["rev-list", "--count", startAfter])) + 1 : 1;
  const bytesPerCommit = (options.bytes ?? 0) / total;

  const catFile = spawn("git", ["--git-dir", repo.gitDir, "cat-file", "--batch"], { stdio: ["pipe", "pipe", "pipe"] });
  let catFileError = "";
  catFile.stderr.setEncoding("utf8");
  catFile.stderr.on("data", (s: string) => (catFileError += s));
  // A cat-file that has died makes its stdin fail; the read that then comes up short reports it.
  catFile.stdin.on("error", () => {});
  const answers = new CatFileOutput(dir, catFile.stdout);

  const pending: LoggedCommit[] = [];
  // The last message made, held back until the next one so the skipped commits after it join its position.
  let held: (RawMessage & { epoch: EpochPosition }) | null = null;
  let credited = 0;

  const settle = async (c: LoggedCommit): Promise<RawMessage | null> => {
    stats.commits++;
    credited += bytesPerCommit;
    if (credited >= 1) {
      options.onRead?.(Math.floor(credited));
      credited -= Math.floor(credited);
    }
    if (c.kind === "deletion") {
      stats.deletions++;
      return null;
    }
    let raw: Buffer | null;
    try {
      raw = await answers.next();
    } catch (err) {
      throw new Error(`${(err as Error).message}${catFileError ? `: ${catFileError.trim().split("\n").at(-1)}` : ""}`);
    }
    if (!raw) {
      stats.withoutMessage++;
      // A commit whose tree has neither m nor d is no message; a blob the log names but the repository
      // lacks is a message lost from this copy.
      if (c.kind === "blob") warn(`${dir}#${c.commit}: commit ${c.index.toLocaleString("en-US")}: message blob ${c.spec} is missing from the repository; skipped`);
      return null;
    }
    return { raw, source: { path: `${dir}#${c.commit}`, index: c.index, byteOffset: 0 }, gitCommit: c.commit };
  };

  // One commit from the front of the window: a message comes out one step late (see `held`).
  const take = async function* (): AsyncGenerator<RawMessage> {
    const c = pending.shift()!;
    const message = await settle(c);
    if (!message) {
      if (held) held.epoch.lastCommit = c.commit;
      return;
    }
    stats.messages++;
    const next = { ...message, epoch: { rootCommit, path: dir, lastCommit: c.commit, messageCount: ++messageCount } };
    if (held) yield held;
    held = next;
  };

  try {
    for await (const c of logCommits(repo, range, firstIndex)) {
      pending.push(c);
      if (c.kind !== "deletion") catFile.stdin.write(`${c.spec}\n`);
      if (pending.length > LOOKAHEAD) yield* take();
    }
    while (pending.length > 0) yield* take();
    if (held) yield held;
    held = null;
  } catch (err) {
    // What was read before the failure is still good, and its position is right.
    if (held) yield held;
    throw err;
  } finally {
    catFile.stdin.end();
    catFile.kill();
    if (stats.deletions + stats.withoutMessage > 0) {
      warn(`${dir}: skipped ${count(stats.deletions, "deletion")} (commits that remove m) and ${count(stats.withoutMessage, "commit")} without a message`);
    }
  }
}

const count = (n: number, noun: string) => `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;

/** The position of each epoch after the last of its messages in `batch`, for Store.recordEpochs. */
export function lastEpochPositions(batch: RawMessage[]): EpochPosition[] {
  const last = new Map<string, EpochPosition>();
  for (const m of batch) if (m.epoch) last.set(m.epoch.rootCommit, m.epoch);
  return [...last.values()];
}
