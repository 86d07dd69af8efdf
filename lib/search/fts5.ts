// The embedded search backend: lore-style queries answered by SQLite FTS5 plus SQL filters on the entity tables.
import { openDatabase, type Sqlite } from "../db/sqlite";
import { FTS_TABLE } from "../db/fts-schema";
import { ftsIndexRows } from "./fts5-index";
import { parseQuery, type QueryNode, type TextField } from "./query";
import { escapeHtml, markedToHtml, MARK_CLOSE, MARK_OPEN, pageOf, plainSnippet, positiveTerms } from "./shared";
import type { SearchBackend, SearchHit, SearchRequest, SearchResult } from "./types";

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
const BM25 = `bm25(${FTS_TABLE}, 10.0, 2.0, 1.0, 1.0, 1.0, 3.0, 1.0, 1.0, 2.0)`;
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

/** The node as a SQL condition on `m` (a message row), for whatever FTS5 cannot express by itself. */
function sqlCondition(node: QueryNode): Sql {
  const fts = ftsExpression(node);
  if (fts !== null) return { sql: `m.id IN (SELECT rowid FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH ?)`, params: [fts] };
  switch (node.kind) {
    case "and":
    case "or": {
      const parts = node.children.map(sqlCondition);
      return { sql: `(${parts.map((p) => p.sql).join(node.kind === "and" ? " AND " : " OR ")})`, params: parts.flatMap((p) => p.params) };
    }
    case "not": {
      const c = sqlCondition(node.child);
      return { sql: `NOT ${c.sql}`, params: c.params };
    }
    case "date": {
      // IS NOT NULL keeps the condition two-valued, so -d:… also returns messages without a date.
      const parts = ["m.date IS NOT NULL"];
      const params: unknown[] = [];
      if (node.from !== null) parts.push("m.date >= ?"), params.push(node.from);
      if (node.to !== null) parts.push("m.date < ?"), params.push(node.to);
      return { sql: `(${parts.join(" AND ")})`, params };
    }
    case "list":
      return {
        sql: `m.id IN (SELECT ml.message_row_id FROM message_list ml JOIN list l ON l.id = ml.list_id WHERE l.name = ?)`,
        params: [node.name],
      };
    case "messageId":
      return { sql: `m.message_id = ?`, params: [node.id] };
    case "commit": {
      // The stored sha is the longest form seen; the query may be shorter (prefix) or longer than it.
      const r = inRange("c.sha", node.sha);
      return {
        sql: `m.id IN (SELECT cm.message_row_id FROM commit_mention cm JOIN "commit" c ON c.id = cm.commit_id
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
        sql: `m.id IN (SELECT tm.message_row_id FROM toolchain_mention tm JOIN toolchain t ON t.id = tm.toolchain_id WHERE ${where})`,
        params,
      };
    }
    case "config": {
      const r = node.prefix ? inRange("name", node.name) : { sql: "name = ?", params: [node.name] };
      return { sql: `m.id IN (SELECT message_row_id FROM config_mention WHERE ${r.sql})`, params: r.params };
    }
    case "diag": {
      const r = inRange("g.signature", node.value);
      return {
        sql: `m.id IN (SELECT dm.message_row_id FROM diagnostic_mention dm JOIN diagnostic g ON g.id = dm.diagnostic_id
                WHERE g.tool = ? OR ${r.sql})`,
        params: [node.value.toLowerCase(), ...r.params],
      };
    }
    case "tag":
      return { sql: `m.id IN (SELECT message_row_id FROM message_tag WHERE tag = ?)`, params: [node.tag] };
    case "text":
      throw new Error("unreachable: a text node is always an FTS5 expression");
  }
}

/** How a parsed query runs: one FTS5 MATCH carrying as much as it can, SQL conditions for the rest. */
export interface Fts5Plan {
  match: string | null; // drives the query and the bm25 ranking when present
  where: Sql[];
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
    return { match: `(${pos.join(" AND ")})` + neg.map((x) => ` NOT ${x}`).join(""), where: rest.map(sqlCondition), rank: null };
  }
  const where = children.map(sqlCondition);
  const terms = positiveTerms(root);
  const rank = terms.length ? terms.map((t) => ftsTerm(t)).join(" OR ") : null;
  return { match: null, where, rank };
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

    const where: Sql[] = [{ sql: "m.ghost = 0", params: [] }, ...plan.where];
    if (req.list) where.push(sqlCondition({ kind: "list", name: req.list }));
    let from: Sql;
    let score: string | null = null;
    if (plan.match !== null) {
      from = { sql: `${FTS_TABLE} JOIN message m ON m.id = ${FTS_TABLE}.rowid`, params: [] };
      where.unshift({ sql: `${FTS_TABLE} MATCH ?`, params: [plan.match] });
      score = BM25;
    } else {
      from = { sql: "message m", params: [] };
    }
    const whereSql = where.map((w) => w.sql).join(" AND ");
    const whereParams = where.flatMap((w) => w.params);

    const total = (db.prepare(`SELECT count(*) AS n FROM ${from.sql} WHERE ${whereSql}`).get(...whereParams) as { n: number }).n;

    let rankJoin: Sql = { sql: "", params: [] };
    if (plan.match === null && plan.rank !== null) {
      rankJoin = {
        sql: `LEFT JOIN (SELECT rowid AS rid, ${BM25} AS score FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH ?) r ON r.rid = m.id`,
        params: [plan.rank],
      };
      score = "r.score";
    }
    const sort = req.sort ?? "relevance";
    const order =
      sort === "date-asc"
        ? "m.date IS NULL, m.date ASC, m.id ASC"
        : sort === "date-desc" || score === null
          ? "m.date IS NULL, m.date DESC, m.id DESC"
          : `${score} IS NULL, ${score} ASC, m.date DESC`;

    const rows = db
      .prepare(
        `SELECT m.id, m.message_id, m.subject, m.from_name, m.from_addr, m.date, substr(m.body, 1, 600) AS body_head,
           (SELECT l.name FROM message_list ml JOIN list l ON l.id = ml.list_id WHERE ml.message_row_id = m.id ORDER BY l.id LIMIT 1) AS list,
           (SELECT t.root_message_id FROM thread t WHERE t.id = m.thread_id) AS root
         FROM ${from.sql} ${rankJoin.sql} WHERE ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
      .all(...from.params, ...rankJoin.params, ...whereParams, pageSize, offset) as Row[];

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
