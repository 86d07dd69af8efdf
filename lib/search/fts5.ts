// The embedded search backend: lore-style queries answered by SQLite FTS5 plus SQL filters on the entity tables.
import { openDatabase, type Sqlite } from "../db/sqlite";
import { FTS_TABLE } from "../db/fts-schema";
import { ftsIndexRows } from "./fts5-index";
import { parseQuery, type QueryNode, type TextField } from "./query";
import { escapeHtml, markedToHtml, MARK_CLOSE, MARK_OPEN, pageOf, plainSnippet, positiveTerms } from "./shared";
import type { SearchBackend, SearchHit, SearchRequest, SearchResult } from "./types";
import { messageListSql } from "../db/message-list";

const COLUMN: Record<TextField, string> = {
  subject: "subject",
  from: "from_text",
  to: "to_text",
  cc: "cc_text",
  body: "body",
  dfn: "dfn",
  dfa: "dfa",
  dfb: "dfb",
  dfhh: "dfhh",
};

// bm25 weights in FTS column order (subject, from_text, to_text, cc_text, body, dfn, dfa, dfb, dfhh):
// a word in the subject says far more about a message than the same word somewhere in a long body.
const WEIGHTS = "10.0, 2.0, 1.0, 1.0, 1.0, 3.0, 1.0, 1.0, 2.0";
const BM25 = `bm25(${FTS_TABLE}, ${WEIGHTS})`;
const RANK = `bm25(${WEIGHTS})`;
const BODY_COLUMN = 4;
const SNIPPET_TOKENS = 40;
// Above any character a UTF-8 string can hold after a given prefix, so [p, p + MAX) is "starts with p".
const MAX_CHAR = "\u{10FFFF}";

interface Sql {
  sql: string;
  params: unknown[];
}

/** One term as an FTS5 string: always a quoted string (no FTS5 syntax gets through), then column filter and '*'. */
function ftsTerm(node: Extract<QueryNode, { kind: "text" }>): string {
  let s = `"${node.text.replace(/"/g, '""')}"`;
  if (node.prefix) s += " *";
  if (node.fields) s = `{${node.fields.map((f) => COLUMN[f]).join(" ")}} : ${s}`;
  return s;
}

/**
 * The node as one FTS5 expression, or null when FTS5 cannot say it alone: it holds a filter, or a NOT
 * that has nothing positive beside it (FTS5's NOT is binary: "a NOT b").
 */
export function ftsExpression(node: QueryNode): string | null {
  switch (node.kind) {
    case "text":
      return ftsTerm(node);
    case "or": {
      const parts = node.children.map(ftsExpression);
      return parts.every((p) => p !== null) ? `(${parts.join(" OR ")})` : null;
    }
    case "and": {
      const pos = node.children.filter((c) => c.kind !== "not");
      const neg = node.children.filter((c): c is Extract<QueryNode, { kind: "not" }> => c.kind === "not");
      if (pos.length === 0) return null;
      const p = pos.map(ftsExpression);
      const n = neg.map((c) => ftsExpression(c.child));
      if (p.some((x) => x === null) || n.some((x) => x === null)) return null;
      return `(${p.join(" AND ")})` + n.map((x) => ` NOT ${x}`).join("");
    }
    default:
      return null;
  }
}

const inRange = (col: string, prefix: string): Sql => ({ sql: `(${col} >= ? AND ${col} < ?)`, params: [prefix, prefix + MAX_CHAR] });

/**
 * The node as a SQL condition on a message id column (`id`), for whatever FTS5 cannot express by itself.
 * Every condition is a set lookup on a narrow index, never a read of the wide message row: a search
 * touching 30,000 message rows spends ~100 ms paging their bodies in for one column.
 */
function sqlCondition(node: QueryNode, id: string): Sql {
  const fts = ftsExpression(node);
  if (fts !== null) return { sql: `${id} IN (SELECT rowid FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH ?)`, params: [fts] };
  switch (node.kind) {
    case "and":
    case "or": {
      const parts = node.children.map((c) => sqlCondition(c, id));
      return { sql: `(${parts.map((p) => p.sql).join(node.kind === "and" ? " AND " : " OR ")})`, params: parts.flatMap((p) => p.params) };
    }
    case "not": {
      const c = sqlCondition(node.child, id);
      return { sql: `NOT ${c.sql}`, params: c.params };
    }
    case "date": {
      // Answered from message_date_idx alone; -d:… also returns messages without a date.
      const parts = ["date IS NOT NULL"];
      const params: unknown[] = [];
      if (node.from !== null) parts.push("date >= ?"), params.push(node.from);
      if (node.to !== null) parts.push("date < ?"), params.push(node.to);
      return { sql: `${id} IN (SELECT id FROM message INDEXED BY message_date_idx WHERE ${parts.join(" AND ")})`, params };
    }
    case "list":
      return {
        sql: `${id} IN (SELECT ml.message_row_id FROM message_list ml JOIN list l ON l.id = ml.list_id WHERE l.name = ?)`,
        params: [node.name],
      };
    case "messageId":
      return { sql: `${id} IN (SELECT id FROM message WHERE message_id = ?)`, params: [node.id] };
    case "commit": {
      // The stored sha is the longest form seen; the query may be shorter (prefix) or longer than it.
      const r = inRange("c.sha", node.sha);
      return {
        sql: `${id} IN (SELECT cm.message_row_id FROM commit_mention cm JOIN "commit" c ON c.id = cm.commit_id
                WHERE ${r.sql} OR (length(c.sha) >= 7 AND c.sha = substr(?, 1, length(c.sha))))`,
        params: [...r.params, node.sha],
      };
    }
    case "toolchain": {
      let where = "t.name = ?";
      const params: unknown[] = [node.name];
      if (node.version !== null) {
        const r = inRange("t.version", node.version + ".");
        where += ` AND (t.version = ? OR ${r.sql})`;
        params.push(node.version, ...r.params);
      }
      return {
        sql: `${id} IN (SELECT tm.message_row_id FROM toolchain_mention tm JOIN toolchain t ON t.id = tm.toolchain_id WHERE ${where})`,
        params,
      };
    }
    case "config": {
      const r = node.prefix ? inRange("name", node.name) : { sql: "name = ?", params: [node.name] };
      return { sql: `${id} IN (SELECT message_row_id FROM config_mention WHERE ${r.sql})`, params: r.params };
    }
    case "diag": {
      const r = inRange("g.signature", node.value);
      return {
        sql: `${id} IN (SELECT dm.message_row_id FROM diagnostic_mention dm JOIN diagnostic g ON g.id = dm.diagnostic_id
                WHERE g.tool = ? OR ${r.sql})`,
        params: [node.value.toLowerCase(), ...r.params],
      };
    }
    case "tag":
      return { sql: `${id} IN (SELECT message_row_id FROM message_tag WHERE tag = ?)`, params: [node.tag] };
    case "text":
      throw new Error("unreachable: a text node is always an FTS5 expression");
  }
}

/** How a parsed query runs: one FTS5 MATCH carrying as much as it can, SQL conditions for the rest. */
export interface Fts5Plan {
  match: string | null; // drives the query and the bm25 ranking when present
  where: QueryNode[]; // conditions for SQL, on the message id
  rank: string | null; // without a match: the positive terms, OR'ed, for ranking and snippets
}

export function planQuery(root: QueryNode | null): Fts5Plan {
  if (root === null) return { match: null, where: [], rank: null };
  const whole = ftsExpression(root);
  if (whole !== null) return { match: whole, where: [], rank: null };
  const children = root.kind === "and" ? root.children : [root];
  // Text children of a top-level AND go into the MATCH (negated ones as "… NOT x"); the rest become SQL.
  const pos: string[] = [];
  const neg: string[] = [];
  const rest: QueryNode[] = [];
  for (const c of children) {
    const e = c.kind === "not" ? null : ftsExpression(c);
    const n = c.kind === "not" ? ftsExpression(c.child) : null;
    if (e !== null) pos.push(e);
    else if (n !== null) neg.push(n);
    else rest.push(c);
  }
  if (pos.length > 0) {
    return { match: `(${pos.join(" AND ")})` + neg.map((x) => ` NOT ${x}`).join(""), where: rest, rank: null };
  }
  const terms = positiveTerms(root);
  const rank = terms.length ? terms.map((t) => ftsTerm(t)).join(" OR ") : null;
  return { match: null, where: children, rank };
}

interface Row {
  id: number;
  message_id: string;
  subject: string;
  from_name: string;
  from_addr: string;
  date: number | string | null;
  body_head: string;
  list: string | null;
  root: string | null;
}

export class Fts5Backend implements SearchBackend {
  readonly name = "fts5" as const;
  private db: Sqlite | null;

  /** With no database, opens DATABASE_URL read-only on first use. */
  constructor(db?: Sqlite) {
    this.db = db ?? null;
  }

  private conn(): Sqlite {
    this.db ??= openDatabase({ readonly: true });
    return this.db;
  }

  async search(req: SearchRequest): Promise<SearchResult> {
    return this.searchSync(req);
  }

  /** The search itself; synchronous because better-sqlite3 is. Throws QueryError for a malformed query. */
  searchSync(req: SearchRequest, now?: Date): SearchResult {
    const started = performance.now();
    const { page, pageSize, offset } = pageOf(req);
    const root = parseQuery(req.q, { now });
    const plan = planQuery(root);
    const db = this.conn();

    const conditions = req.list ? [...plan.where, { kind: "list", name: req.list } as QueryNode] : plan.where;
    const where = (id: string, first: Sql[] = []): Sql => {
      const parts = [...first, ...conditions.map((c) => sqlCondition(c, id))];
      return { sql: parts.length ? parts.map((p) => p.sql).join(" AND ") : "1", params: parts.flatMap((p) => p.params) };
    };
    const sort = req.sort ?? "relevance";
    // Undated messages sort as the oldest, which keeps date order a plain walk of message_date_idx.
    const dateOrder = sort === "date-asc" ? "m.date ASC, m.id ASC" : "m.date DESC, m.id DESC";
    let total: number;
    let pageIds: number[];
    if (plan.match !== null) {
      // "+rowid": a plain rowid IN (…) is handed to FTS5, which re-runs the MATCH once per listed id.
      const w = where("+rowid", [{ sql: `${FTS_TABLE} MATCH ?`, params: [plan.match] }]);
      total = db.prepare(`SELECT count(*) FROM ${FTS_TABLE} WHERE ${w.sql}`).pluck().get(...w.params) as number;
      pageIds =
        sort === "relevance"
          ? // FTS5 ranks by itself when ordered by its rank column, several times faster than ORDER BY bm25().
            (db
              .prepare(`SELECT rowid FROM ${FTS_TABLE} WHERE ${w.sql} AND rank MATCH ? ORDER BY rank LIMIT ? OFFSET ?`)
              .pluck()
              .all(...w.params, RANK, pageSize, offset) as number[])
          : (db
              .prepare(
                `SELECT m.id FROM message m INDEXED BY message_date_idx
                 WHERE m.id IN (SELECT rowid FROM ${FTS_TABLE} WHERE ${w.sql}) ORDER BY ${dateOrder} LIMIT ? OFFSET ?`,
              )
              .pluck()
              .all(...w.params, pageSize, offset) as number[]);
    } else {
      // Without text the candidates are the indexed rows: exactly the real messages, ghosts never being indexed.
      const w = where("d.id");
      total = db.prepare(`SELECT count(*) FROM ${FTS_TABLE}_docsize d WHERE ${w.sql}`).pluck().get(...w.params) as number;
      if (sort === "relevance" && plan.rank !== null) {
        pageIds = db
          .prepare(
            `SELECT d.id FROM ${FTS_TABLE}_docsize d
             LEFT JOIN (SELECT rowid AS rid, ${BM25} AS score FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH ?) r ON r.rid = d.id
             WHERE ${w.sql} ORDER BY r.score IS NULL, r.score, d.id DESC LIMIT ? OFFSET ?`,
          )
          .pluck()
          .all(plan.rank, ...w.params, pageSize, offset) as number[];
      } else {
        const wm = where("m.id");
        pageIds = db
          .prepare(
            `SELECT m.id FROM message m INDEXED BY message_date_idx
             WHERE m.id IN (SELECT id FROM ${FTS_TABLE}_docsize) AND ${wm.sql} ORDER BY ${dateOrder} LIMIT ? OFFSET ?`,
          )
          .pluck()
          .all(...wm.params, pageSize, offset) as number[];
      }
    }

    // The page's columns are fetched for its ids only.
    const byId = new Map(
      (
        db
          .prepare(
            `SELECT m.id, m.message_id, m.subject, m.from_name, m.from_addr, m.date, substr(m.body, 1, 600) AS body_head,
               ${messageListSql()} AS list,
               (SELECT t.root_message_id FROM thread t WHERE t.id = m.thread_id) AS root
             FROM message m WHERE m.id IN (SELECT value FROM json_each(?))`,
          )
          .all(JSON.stringify(pageIds)) as Row[]
      ).map((r) => [r.id, r]),
    );
    const rows = pageIds.map((id) => byId.get(id)!);

    const snippetExpr = plan.match ?? plan.rank;
    // "rowid >= ? AND rowid <= ?", not "rowid = ?": with SQLite 3.53's FTS5 a bound "rowid = ?" beside MATCH
    // is dropped and every match comes back (a literal works; the range form is also a direct seek).
    const snip = snippetExpr
      ? db.prepare(
          `SELECT snippet(${FTS_TABLE}, ${BODY_COLUMN}, '${MARK_OPEN}', '${MARK_CLOSE}', '…', ${SNIPPET_TOKENS}) AS s
           FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH ? AND rowid >= ? AND rowid <= ?`,
        )
      : null;
    const hits: SearchHit[] = rows.map((r) => {
      const marked = snip ? (snip.get(snippetExpr, r.id, r.id) as { s: string } | undefined)?.s : undefined;
      return {
        messageId: r.message_id,
        list: req.list ?? r.list ?? "",
        subject: r.subject,
        from: r.from_name || r.from_addr,
        date: r.date === null ? null : new Date(typeof r.date === "string" && /^\d+$/.test(r.date) ? Number(r.date) : r.date).toISOString(),
        snippet: marked ? markedToHtml(marked) : escapeHtml(plainSnippet(r.body_head)),
        threadRoot: r.root ?? r.message_id,
      };
    });
    return { total, page, pageSize, hits, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  /**
   * Indexes rows not yet in the index. FTS5 external content can only forget a row given the values it
   * indexed, so a row whose text changes must go through ftsRemoveRows before the change (the ingester does).
   */
  async indexMessages(rowIds: number[]): Promise<void> {
    const db = this.db && !this.db.readonly ? this.db : openDatabase();
    try {
      db.transaction(() => ftsIndexRows(db, rowIds))();
    } finally {
      if (db !== this.db) db.close();
    }
  }
}
