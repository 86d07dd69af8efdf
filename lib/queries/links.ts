// Backlinks: which threads mention a bug-tracker (or archive) URL, and which URLs the most threads mention.
// Both read link_mention.norm_url, which ingest fills with lib/links/normalize.ts's normal form.
import { readOnlyDatabase } from "../db/read-only";
import { normalizeLinkQuery } from "../links/normalize";
import type { Sqlite } from "../db/sqlite";
import { messageListSql } from "../db/message-list";

export const LINK_KINDS = ["bug", "list"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

// A link quoted in thousands of messages is still one page: the newest mentions are enough to follow it.
const MENTIONS_MAX = 500;

export interface LinkMentionRow {
  messageId: string;
  subject: string;
  fromName: string;
  fromAddr: string;
  date: Date | null;
  list: string;
  /** The link as this message wrote it. */
  url: string;
}

export interface ThreadMentioning {
  threadId: number | null;
  subject: string;
  messageCount: number;
  lastDate: Date | null;
  /** Messages of this thread that mention the link, oldest first. */
  mentions: LinkMentionRow[];
}

export interface Backlinks {
  normUrl: string;
  kind: LinkKind | null;
  threads: ThreadMentioning[];
  messageCount: number;
  truncated: boolean;
}

function date(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}

/** Threads whose own text links `normUrl` (already normalized), the most recently active first. */
export function backlinks(normUrl: string, db: Sqlite = readOnlyDatabase()): Backlinks {
  const rows = db
    .prepare(
      `SELECT m.message_id AS messageId, m.subject, m.from_name AS fromName, m.from_addr AS fromAddr, m.date,
         ${messageListSql()} AS list, lm.url, lm.kind, m.thread_id AS threadId, t.subject AS threadSubject,
         t.message_count AS messageCount, t.last_date AS lastDate
       FROM link_mention lm JOIN message m ON m.id = lm.message_row_id LEFT JOIN thread t ON t.id = m.thread_id
       WHERE lm.norm_url = ? AND m.ghost = 0
       ORDER BY m.date DESC LIMIT ?`,
    )
    .all(normUrl, MENTIONS_MAX + 1) as {
    messageId: string;
    subject: string;
    fromName: string;
    fromAddr: string;
    date: number | null;
    list: string | null;
    url: string;
    kind: string;
    threadId: number | null;
    threadSubject: string | null;
    messageCount: number | null;
    lastDate: number | null;
  }[];
  const truncated = rows.length > MENTIONS_MAX;
  const kept = rows.slice(0, MENTIONS_MAX);
  const threads = new Map<string, ThreadMentioning>();
  for (const r of kept) {
    const key = r.threadId === null ? `message:${r.messageId}` : `thread:${r.threadId}`;
    let t = threads.get(key);
    if (!t) {
      t = { threadId: r.threadId, subject: r.threadSubject || r.subject, messageCount: r.messageCount ?? 1, lastDate: date(r.lastDate ?? r.date), mentions: [] };
      threads.set(key, t);
    }
    t.mentions.unshift({ messageId: r.messageId, subject: r.subject, fromName: r.fromName, fromAddr: r.fromAddr, date: date(r.date), list: r.list ?? "all", url: r.url });
  }
  const kind = kept.find((r) => (LINK_KINDS as readonly string[]).includes(r.kind))?.kind as LinkKind | undefined;
  const sorted = [...threads.values()].sort((a, b) => (b.lastDate?.getTime() ?? 0) - (a.lastDate?.getTime() ?? 0));
  return { normUrl, kind: kind ?? null, threads: sorted, messageCount: kept.length, truncated };
}

export interface LinkedUrl {
  normUrl: string;
  kind: string;
  threads: number;
  messages: number;
  lastDate: Date | null;
}

/** The URLs linked from the most threads (then messages), optionally only of one kind. */
export function mostLinkedUrls(options: { kind?: LinkKind | null; limit?: number } = {}, db: Sqlite = readOnlyDatabase()): LinkedUrl[] {
  const kind = options.kind ?? null;
  const rows = db
    .prepare(
      `SELECT lm.norm_url AS normUrl, MIN(lm.kind) AS kind, COUNT(DISTINCT coalesce(m.thread_id, -m.id)) AS threads,
         COUNT(*) AS messages, MAX(m.date) AS lastDate
       FROM link_mention lm JOIN message m ON m.id = lm.message_row_id
       WHERE m.ghost = 0 AND (@kind IS NULL OR lm.kind = @kind)
       GROUP BY lm.norm_url
       ORDER BY threads DESC, messages DESC, lm.norm_url
       LIMIT @limit`,
    )
    .all({ kind, limit: options.limit ?? 100 }) as { normUrl: string; kind: string; threads: number; messages: number; lastDate: number | null }[];
  return rows.map((r) => ({ ...r, lastDate: date(r.lastDate) }));
}

/** "bug" or "list" from a query parameter; null for none; undefined when it names no kind. */
export function parseLinkKind(value: string | null | undefined): LinkKind | null | undefined {
  if (value === null || value === undefined || value === "") return null;
  return (LINK_KINDS as readonly string[]).includes(value) ? (value as LinkKind) : undefined;
}

export type LinksAnswer =
  | { ok: false; error: string }
  | { ok: true; view: "backlinks"; query: string; backlinks: Backlinks }
  | { ok: true; view: "most-linked"; kind: LinkKind | null; urls: LinkedUrl[] };

/** What /links and /api/links answer for their url and kind parameters. */
export function linksAnswer(url: string | null, kindParam: string | null, db?: Sqlite): LinksAnswer {
  const query = url?.trim() ?? "";
  if (query === "") {
    const kind = parseLinkKind(kindParam);
    if (kind === undefined) return { ok: false, error: `kind=${kindParam}: not a link kind (${LINK_KINDS.join(" or ")})` };
    return { ok: true, view: "most-linked", kind, urls: mostLinkedUrls({ kind }, db) };
  }
  const normUrl = normalizeLinkQuery(query);
  if (normUrl === null) return { ok: false, error: `url=${query}: neither an http(s) URL nor GitHub shorthand owner/repo#N` };
  return { ok: true, view: "backlinks", query, backlinks: backlinks(normUrl, db) };
}
