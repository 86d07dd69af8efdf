// Message-ID lookups small enough to run before every message page (in proxy.ts): does this id exist, which ids
// start with this fragment, where does a message live. Raw SQL on one prepared statement each.
import type Database from "better-sqlite3";
import { readOnlyDatabase } from "../db/read-only";
import type { Sqlite } from "../db/sqlite";
import { globPrefix, PARTIAL_MAX, partialMessageIdMatch, widestPrefix, type PartialMatch } from "../links/partial-mid";
import { messageListSql } from "../db/message-list";

// Candidates fetched for one fragment: enough to find lore's "100+" and every narrower attempt among them.
const CANDIDATE_LIMIT = PARTIAL_MAX * 10;
// List names change only when mail is ingested; re-read them at most this often.
const LIST_NAMES_TTL_MS = 30_000;

export interface MessageLookup {
  /** Whether a message row (real or ghost) has exactly this Message-ID. */
  exists(messageId: string): boolean;
  /** Real messages whose Message-ID starts with `prefix` (case-sensitive), sorted, at most `limit`. */
  startingWith(prefix: string, limit: number): string[];
  /** The list a real message is shown under (its first list), "all" when it is on none; null for unknown ids and ghosts. */
  homeList(messageId: string): string | null;
  /** Every list name. */
  listNames(): ReadonlySet<string>;
}

type Statement = Database.Statement<unknown[]>;

interface Statements {
  exists: Statement;
  startingWith: Statement;
  home: Statement;
  lists: Statement;
}

const prepared = new WeakMap<Sqlite, Statements>();

function statements(db: Sqlite): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      exists: db.prepare("SELECT 1 FROM message WHERE message_id = ?").pluck(),
      // GLOB with a literal prefix uses the unique index on message_id; LIKE would scan the table.
      startingWith: db.prepare("SELECT message_id FROM message WHERE message_id GLOB ? AND ghost = 0 ORDER BY message_id LIMIT ?").pluck(),
      home: db.prepare(
        `SELECT m.ghost, ${messageListSql()} AS list FROM message m WHERE m.message_id = ?`,
      ),
      lists: db.prepare("SELECT name FROM list").pluck(),
    };
    prepared.set(db, s);
  }
  return s;
}

/** Lookups over `db`; the list names are cached per lookup object for LIST_NAMES_TTL_MS. */
export function messageLookup(db: Sqlite): MessageLookup {
  const s = statements(db);
  let lists: { names: Set<string>; at: number } | null = null;
  return {
    exists: (messageId) => s.exists.get(messageId) !== undefined,
    startingWith: (prefix, limit) => s.startingWith.all(globPrefix(prefix), limit) as string[],
    homeList(messageId) {
      const row = s.home.get(messageId) as { ghost: number; list: string | null } | undefined;
      if (!row || row.ghost) return null;
      return row.list ?? "all";
    },
    listNames() {
      const now = Date.now();
      if (!lists || now - lists.at > LIST_NAMES_TTL_MS) lists = { names: new Set(s.lists.all() as string[]), at: now };
      return lists.names;
    },
  };
}

/** Lookups over the site's database (DATABASE_URL), one per process. */
export function siteLookup(): MessageLookup {
  const g = globalThis as unknown as { crossloreLookup?: { db: Sqlite; lookup: MessageLookup } };
  const db = readOnlyDatabase();
  if (g.crossloreLookup?.db !== db) g.crossloreLookup = { db, lookup: messageLookup(db) };
  return g.crossloreLookup.lookup;
}

/** What the fragment `mid` resolves to among real messages, as lore's partial Message-ID matching answers. */
export function partialMatch(lookup: MessageLookup, mid: string): PartialMatch {
  const prefix = widestPrefix(mid);
  if (prefix === null) return { kind: "none" };
  return partialMessageIdMatch(mid, lookup.startingWith(prefix, CANDIDATE_LIMIT));
}

export interface MessageSummary {
  messageId: string;
  subject: string;
  fromName: string;
  fromAddr: string;
  date: Date | null;
  list: string;
}

/** Subject, author, date and list of each real message in `messageIds`, in the order given. */
export function messageSummaries(messageIds: string[], db: Sqlite = readOnlyDatabase()): MessageSummary[] {
  if (messageIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT m.message_id AS messageId, m.subject, m.from_name AS fromName, m.from_addr AS fromAddr, m.date,
         ${messageListSql()} AS list
       FROM message m WHERE m.ghost = 0 AND m.message_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(messageIds)) as { messageId: string; subject: string; fromName: string; fromAddr: string; date: number | null; list: string | null }[];
  const byId = new Map(rows.map((r) => [r.messageId, r]));
  return messageIds.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ ...r, date: r.date === null ? null : new Date(r.date), list: r.list ?? "all" }] : [];
  });
}
