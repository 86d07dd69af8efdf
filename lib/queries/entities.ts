// What the site reads about extracted entities: commits, toolchain versions, Kconfig options, diagnostics and
// snippets, each with the messages and threads that mention it. Plain SQL over one read-only connection: these
// are grouped, counted lookups that every entity page and entity API shares.
import { readOnlyDatabase } from "../db/read-only";
import { snippetText } from "../mail/body-lines";
import { messageListSql } from "../db/message-list";

const db = readOnlyDatabase;

// ---- messages as every entity page lists them ----

/** A message that mentions an entity: enough to link to it and show where it sits. */
export interface MentionMessage {
  messageId: string;
  subject: string;
  fromName: string;
  fromAddr: string;
  date: Date | null;
  /** The list its URL goes under ("all" when it is on none). */
  list: string;
  threadId: number | null;
  /** Message-ID of the thread's root (possibly a ghost), or the message's own id when it has no thread. */
  threadRoot: string;
  /** The thread's subject (that of its root, or of its first message when the root is a ghost). */
  threadSubject: string;
}

// Columns and joins that fill a MentionMessage from `m` (message) and `th` (thread).
const MESSAGE_COLUMNS = `m.message_id, m.subject, m.from_name, m.from_addr, m.date, m.thread_id,
  th.root_message_id AS thread_root, th.subject AS thread_subject,
  ${messageListSql()} AS list`;
const THREAD_JOIN = "LEFT JOIN thread th ON th.id = m.thread_id";

interface MessageRow {
  message_id: string;
  subject: string;
  from_name: string;
  from_addr: string;
  date: number | null;
  thread_id: number | null;
  thread_root: string | null;
  thread_subject: string | null;
  list: string | null;
}

const toDate = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

function mentionMessage(r: MessageRow): MentionMessage {
  return {
    messageId: r.message_id,
    subject: r.subject,
    fromName: r.from_name,
    fromAddr: r.from_addr,
    date: toDate(r.date),
    list: r.list ?? "all",
    threadId: r.thread_id,
    threadRoot: r.thread_root ?? r.message_id,
    threadSubject: r.thread_subject || r.subject,
  };
}

// Undated messages sort as the oldest (a finite value, so that two of them compare equal rather than NaN).
const time = (d: Date | null) => d?.getTime() ?? -8.64e15;
const newestFirst = (a: { date: Date | null }, b: { date: Date | null }) => time(b.date) - time(a.date);

/** Mentions grouped by thread, the thread with the newest mention first; each group's messages oldest first. */
export interface ThreadGroup<T extends MentionMessage> {
  threadRoot: string;
  subject: string;
  lastDate: Date | null;
  mentions: T[];
}

function groupByThread<T extends MentionMessage>(mentions: T[]): ThreadGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const m of mentions) {
    const group = groups.get(m.threadRoot);
    if (group) group.push(m);
    else groups.set(m.threadRoot, [m]);
  }
  return [...groups]
    .map(([threadRoot, ms]) => {
      const sorted = [...ms].sort((a, b) => -newestFirst(a, b));
      return { threadRoot, subject: sorted[0].threadSubject, lastDate: sorted.at(-1)!.date, mentions: sorted };
    })
    .sort((a, b) => time(b.lastDate) - time(a.lastDate));
}

/** One page of a list, 1-based; a page past the end is empty. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Threads per page on the toolchain-version and Kconfig pages. */
export const THREADS_PER_ENTITY_PAGE = 50;

export function paginate<T>(all: T[], page: number, pageSize: number): Paged<T> {
  const p = Math.max(1, Math.floor(page) || 1);
  return { items: all.slice((p - 1) * pageSize, p * pageSize), total: all.length, page: p, pageSize };
}

// ---- commits ----

/** Why a message names a commit, in the order the commit page shows them. */
export const COMMIT_ROLES = ["introduced-by", "bisected-to", "fixes", "reverts", "base", "upstream", "bisect-good", "bisect-bad", "mention"] as const;
export type CommitRole = (typeof COMMIT_ROLES)[number];

// The shortest abbreviation git prints and the extractor keeps; a full SHA-1 is 40.
const MIN_SHA = 7;
const SHA_TEXT = /^[0-9a-f]{7,40}$/i;
// Hex digits sort below "g", so [sha, sha + "g") is every stored sha that starts with `sha`.
const AFTER_HEX = "g";

export function isShaText(s: string): boolean {
  return SHA_TEXT.test(s);
}

export interface CommitSummary {
  id: number;
  repo: string;
  sha: string;
  subject: string | null;
  mentionCount: number;
}

export interface CommitMentionEntry extends MentionMessage {
  role: CommitRole;
  /** The hash as the message wrote it. */
  shaText: string;
}

export interface CommitDetail extends CommitSummary {
  /** Every mention, oldest first. */
  mentions: CommitMentionEntry[];
  /** The same mentions by role, in COMMIT_ROLES order, roles without mentions left out. */
  byRole: { role: CommitRole; mentions: CommitMentionEntry[] }[];
  threadCount: number;
}

export type CommitLookup =
  | { status: "found"; commit: CommitDetail }
  | { status: "ambiguous"; candidates: CommitSummary[] }
  | { status: "none" };

/**
 * Commits whose stored sha and `sha` agree on their common length: the stored one starts with `sha` (a short
 * sha asked for), or `sha` starts with the stored one (a full sha asked for, a 12-digit one stored).
 * `repo` null searches every repository.
 */
export function commitsMatching(repo: string | null, sha: string): CommitSummary[] {
  if (!isShaText(sha)) return [];
  const s = sha.toLowerCase();
  const shorter = [];
  for (let n = MIN_SHA; n < s.length; n++) shorter.push(s.slice(0, n));
  const inRepo = repo === null ? "" : "repo = ? AND";
  const rows = db()
    .prepare(
      `SELECT c.id, c.repo, c.sha, c.subject, (SELECT count(*) FROM commit_mention cm WHERE cm.commit_id = c.id) AS n
       FROM "commit" c WHERE c.id IN (
         SELECT id FROM "commit" WHERE ${inRepo} sha >= ? AND sha < ?
         UNION SELECT id FROM "commit" WHERE ${inRepo} sha IN (SELECT value FROM json_each(?)))
       ORDER BY n DESC, c.repo, c.sha`,
    )
    .all(...(repo === null ? [s, s + AFTER_HEX, JSON.stringify(shorter)] : [repo, s, s + AFTER_HEX, repo, JSON.stringify(shorter)])) as {
    id: number;
    repo: string;
    sha: string;
    subject: string | null;
    n: number;
  }[];
  return rows.map((r) => ({ id: r.id, repo: r.repo, sha: r.sha, subject: r.subject, mentionCount: r.n }));
}

function commitDetail(c: CommitSummary): CommitDetail {
  const rows = db()
    .prepare(
      `SELECT cm.role, cm.sha_text, ${MESSAGE_COLUMNS}
       FROM commit_mention cm JOIN message m ON m.id = cm.message_row_id ${THREAD_JOIN}
       WHERE cm.commit_id = ? ORDER BY m.date IS NULL, m.date, m.id`,
    )
    .all(c.id) as (MessageRow & { role: string; sha_text: string })[];
  const known = new Set<string>(COMMIT_ROLES);
  const mentions = rows.map((r) => ({
    ...mentionMessage(r),
    // A role this version does not know yet still shows, as a plain mention.
    role: (known.has(r.role) ? r.role : "mention") as CommitRole,
    shaText: r.sha_text,
  }));
  const byRole = COMMIT_ROLES.map((role) => ({ role, mentions: mentions.filter((m) => m.role === role) })).filter((g) => g.mentions.length > 0);
  return { ...c, mentions, byRole, threadCount: new Set(mentions.map((m) => m.threadRoot)).size };
}

/** The commit `sha` (7 to 40 hex digits) names in `repo` (null: any repository), or the candidates when it is ambiguous. */
export function lookupCommit(repo: string | null, sha: string): CommitLookup {
  const found = commitsMatching(repo, sha);
  if (found.length === 0) return { status: "none" };
  if (found.length > 1) return { status: "ambiguous", candidates: found };
  return { status: "found", commit: commitDetail(found[0]) };
}

// ---- toolchains ----

export interface ToolchainName {
  name: string;
  versionCount: number;
  mentionCount: number;
}

/** Numeric parts of a version, for ordering "9" < "9.0.0" < "10" < "10.0.1"; non-numeric tails break ties. */
function versionKey(v: string): number[] {
  return (v.match(/\d+/g) ?? []).map(Number);
}

/** Newest version first. */
export function compareVersionsDesc(a: string, b: string): number {
  const x = versionKey(a);
  const y = versionKey(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (y[i] ?? -1) - (x[i] ?? -1);
    if (d !== 0) return d;
  }
  return b.localeCompare(a);
}

/** Every tool seen, most mentioned first. */
export function toolchainNames(): ToolchainName[] {
  const rows = db()
    .prepare(
      `SELECT t.name, count(DISTINCT t.id) AS versions, count(tm.id) AS mentions
       FROM toolchain t LEFT JOIN toolchain_mention tm ON tm.toolchain_id = t.id
       GROUP BY t.name ORDER BY mentions DESC, t.name`,
    )
    .all() as { name: string; versions: number; mentions: number }[];
  return rows.map((r) => ({ name: r.name, versionCount: r.versions, mentionCount: r.mentions }));
}

export interface ToolchainVersion {
  name: string;
  version: string;
  mentionCount: number;
  threadCount: number;
  firstDate: Date | null;
  lastDate: Date | null;
}

/** The versions of one tool seen in mail, newest version first; empty for an unknown tool. */
export function toolchainVersions(name: string): ToolchainVersion[] {
  const rows = db()
    .prepare(
      `SELECT t.name, t.version, count(tm.id) AS mentions, count(DISTINCT coalesce(m.thread_id, -m.id)) AS threads,
         min(m.date) AS first, max(m.date) AS last
       FROM toolchain t JOIN toolchain_mention tm ON tm.toolchain_id = t.id JOIN message m ON m.id = tm.message_row_id
       WHERE t.name = ? GROUP BY t.id`,
    )
    .all(name) as { name: string; version: string; mentions: number; threads: number; first: number | null; last: number | null }[];
  return rows
    .map((r) => ({ name: r.name, version: r.version, mentionCount: r.mentions, threadCount: r.threads, firstDate: toDate(r.first), lastDate: toDate(r.last) }))
    .sort((a, b) => compareVersionsDesc(a.version, b.version));
}

export interface ToolchainMentionEntry extends MentionMessage {
  vendor: string | null;
  gitHash: string | null;
  /** The version string as the message printed it. */
  text: string;
}

export interface ToolchainVersionDetail {
  name: string;
  version: string;
  /** Every mention, newest first. */
  mentions: ToolchainMentionEntry[];
  threads: ThreadGroup<ToolchainMentionEntry>[];
  vendors: string[];
  gitHashes: string[];
}

/** One version of one tool with the messages and threads reporting it, or null when it was never seen. */
export function toolchainVersion(name: string, version: string): ToolchainVersionDetail | null {
  const t = db().prepare("SELECT id, name, version FROM toolchain WHERE name = ? AND version = ?").get(name, version) as
    | { id: number; name: string; version: string }
    | undefined;
  if (!t) return null;
  const rows = db()
    .prepare(
      `SELECT tm.vendor, tm.git_hash, tm.text, ${MESSAGE_COLUMNS}
       FROM toolchain_mention tm JOIN message m ON m.id = tm.message_row_id ${THREAD_JOIN}
       WHERE tm.toolchain_id = ? ORDER BY m.date IS NULL, m.date DESC, m.id DESC`,
    )
    .all(t.id) as (MessageRow & { vendor: string | null; git_hash: string | null; text: string })[];
  const mentions = rows.map((r) => ({ ...mentionMessage(r), vendor: r.vendor, gitHash: r.git_hash, text: r.text }));
  const distinct = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
  return {
    name: t.name,
    version: t.version,
    mentions,
    threads: groupByThread(mentions),
    vendors: distinct(mentions.map((m) => m.vendor)),
    gitHashes: distinct(mentions.map((m) => m.gitHash)),
  };
}

// ---- Kconfig options ----

export interface ConfigMentionEntry extends MentionMessage {
  value: string | null;
}

export interface ConfigDetail {
  name: string;
  mentions: ConfigMentionEntry[];
  threads: (ThreadGroup<ConfigMentionEntry> & { values: string[] })[];
  /** Values seen anywhere, with how many messages gave each. */
  values: { value: string; count: number }[];
}

/** A Kconfig option ("CONFIG_KASAN") and the threads mentioning it, newest first; null when never mentioned. */
export function configOption(name: string): ConfigDetail | null {
  const rows = db()
    .prepare(
      `SELECT c.value, ${MESSAGE_COLUMNS}
       FROM config_mention c JOIN message m ON m.id = c.message_row_id ${THREAD_JOIN}
       WHERE c.name = ? ORDER BY m.date IS NULL, m.date DESC, m.id DESC`,
    )
    .all(name) as (MessageRow & { value: string | null })[];
  if (rows.length === 0) return null;
  const mentions = rows.map((r) => ({ ...mentionMessage(r), value: r.value }));
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.value !== null) counts.set(m.value, (counts.get(m.value) ?? 0) + 1);
  const threads = groupByThread(mentions).map((g) => ({
    ...g,
    values: [...new Set(g.mentions.flatMap((m) => (m.value === null ? [] : [m.value])))],
  }));
  return { name, mentions, threads, values: [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count) };
}

// ---- diagnostics ----

export interface DiagnosticSummary {
  signature: string;
  tool: string;
  kind: string;
  symbol: string | null;
  title: string;
  mentionCount: number;
  threadCount: number;
  firstDate: Date | null;
  lastDate: Date | null;
}

export interface DiagnosticMentionEntry extends MentionMessage {
  /** The diagnostic's line as the message printed it. */
  text: string;
}

export interface DiagnosticDetail extends DiagnosticSummary {
  /** Newest first. */
  mentions: DiagnosticMentionEntry[];
}

interface DiagnosticRow {
  signature: string;
  tool: string;
  kind: string;
  symbol: string | null;
  title: string;
  mentions: number;
  threads: number;
  first: number | null;
  last: number | null;
}

const DIAGNOSTIC_AGGREGATES = `g.signature, g.tool, g.kind, g.symbol, g.title, count(dm.id) AS mentions,
  count(DISTINCT coalesce(m.thread_id, -m.id)) AS threads, min(m.date) AS first, max(m.date) AS last`;

function diagnosticSummary(r: DiagnosticRow): DiagnosticSummary {
  return {
    signature: r.signature,
    tool: r.tool,
    kind: r.kind,
    symbol: r.symbol,
    title: r.title,
    mentionCount: r.mentions,
    threadCount: r.threads,
    firstDate: toDate(r.first),
    lastDate: toDate(r.last),
  };
}

/** One diagnostic by its exact signature, with every mention, newest first; null when unknown. */
export function diagnostic(signature: string): DiagnosticDetail | null {
  const g = db()
    .prepare(
      `SELECT g.id, ${DIAGNOSTIC_AGGREGATES}
       FROM diagnostic g LEFT JOIN diagnostic_mention dm ON dm.diagnostic_id = g.id LEFT JOIN message m ON m.id = dm.message_row_id
       WHERE g.signature = ? GROUP BY g.id`,
    )
    .get(signature) as (DiagnosticRow & { id: number }) | undefined;
  if (!g) return null;
  const rows = db()
    .prepare(
      `SELECT dm.text, ${MESSAGE_COLUMNS}
       FROM diagnostic_mention dm JOIN message m ON m.id = dm.message_row_id ${THREAD_JOIN}
       WHERE dm.diagnostic_id = ? ORDER BY m.date IS NULL, m.date DESC, m.id DESC`,
    )
    .all(g.id) as (MessageRow & { text: string })[];
  return { ...diagnosticSummary(g), mentions: rows.map((r) => ({ ...mentionMessage(r), text: r.text })) };
}

export const DIAGNOSTICS_PER_PAGE = 50;

/** Diagnostics seen in the most threads first (then the most recent), optionally of one tool. */
export function diagnosticIndex(options: { tool?: string; page?: number; pageSize?: number } = {}): Paged<DiagnosticSummary> {
  const pageSize = options.pageSize ?? DIAGNOSTICS_PER_PAGE;
  const page = Math.max(1, Math.floor(options.page ?? 1) || 1);
  const where = options.tool ? "WHERE g.tool = ?" : "";
  const params = options.tool ? [options.tool] : [];
  const total = (db().prepare(`SELECT count(*) AS n FROM diagnostic g ${where}`).get(...params) as { n: number }).n;
  const rows = db()
    .prepare(
      `SELECT ${DIAGNOSTIC_AGGREGATES}
       FROM diagnostic g JOIN diagnostic_mention dm ON dm.diagnostic_id = g.id JOIN message m ON m.id = dm.message_row_id
       ${where} GROUP BY g.id ORDER BY threads DESC, last DESC, g.signature LIMIT ? OFFSET ?`,
    )
    .all(...params, pageSize, (page - 1) * pageSize) as DiagnosticRow[];
  return { items: rows.map(diagnosticSummary), total, page, pageSize };
}

/** Tools that reported diagnostics, with how many distinct diagnostics each. */
export function diagnosticTools(): { tool: string; count: number }[] {
  return db().prepare("SELECT tool, count(*) AS count FROM diagnostic GROUP BY tool ORDER BY count DESC, tool").all() as { tool: string; count: number }[];
}

// ---- snippets ----

export interface SnippetFacet {
  kind: string;
  arch: string | null;
  count: number;
}

/** Snippet counts per kind and architecture (arch null: none detected). */
export function snippetFacets(): SnippetFacet[] {
  return db().prepare("SELECT kind, arch, count(*) AS count FROM snippet GROUP BY kind, arch ORDER BY kind, arch IS NULL, arch").all() as SnippetFacet[];
}

export interface SnippetEntry extends MentionMessage {
  id: number;
  kind: string;
  arch: string | null;
  text: string;
  files: string[];
  /** 0-based line of the message body where the snippet starts. */
  startLine: number;
}

export const SNIPPETS_PER_PAGE = 20;

function parseFiles(json: string | null): string[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Snippets of one kind and/or architecture, newest message first. The page's ids are chosen first so that the
 * sort carries ids, not snippet texts (the whole patch kind is megabytes).
 */
export function snippets(filter: { kind?: string; arch?: string; page?: number; pageSize?: number } = {}): Paged<SnippetEntry> {
  const pageSize = filter.pageSize ?? SNIPPETS_PER_PAGE;
  const page = Math.max(1, Math.floor(filter.page ?? 1) || 1);
  const conds: string[] = [];
  const params: unknown[] = [];
  if (filter.kind) {
    conds.push("s.kind = ?");
    params.push(filter.kind);
  }
  if (filter.arch) {
    conds.push("s.arch = ?");
    params.push(filter.arch);
  }
  const where = conds.length ? `WHERE ${conds.join(" AND ")}` : "";
  const total = (db().prepare(`SELECT count(*) AS n FROM snippet s ${where}`).get(...params) as { n: number }).n;
  const rows = db()
    .prepare(
      `SELECT s.id, s.kind, s.arch, s.text, s.files, s.start_line, s.line_count, CASE WHEN s.text IS NULL THEN m.body END AS body, ${MESSAGE_COLUMNS}
       FROM snippet s JOIN message m ON m.id = s.message_row_id ${THREAD_JOIN}
       WHERE s.id IN (SELECT s.id FROM snippet s JOIN message m ON m.id = s.message_row_id
         ${where} ORDER BY m.date IS NULL, m.date DESC, s.id DESC LIMIT ? OFFSET ?)
       ORDER BY m.date IS NULL, m.date DESC, s.id DESC`,
    )
    .all(...params, pageSize, (page - 1) * pageSize) as (MessageRow & {
    id: number;
    kind: string;
    arch: string | null;
    text: string | null;
    files: string | null;
    start_line: number;
    line_count: number;
    body: string | null; // only for patches, whose text is the body's lines
  })[];
  return {
    items: rows.map((r) => ({ ...mentionMessage(r), id: r.id, kind: r.kind, arch: r.arch, text: snippetText({ text: r.text, startLine: r.start_line, lineCount: r.line_count }, r.body), files: parseFiles(r.files), startLine: r.start_line })),
    total,
    page,
    pageSize,
  };
}
