// The scale-path search backend: the same query language on a Meilisearch index built from the database.
//
// Meilisearch's q is free text, not a boolean language, so the AST is split: filters (dates, lists, entities)
// go into `filter` exactly, in any AND/OR/NOT shape; text goes into `q`. Where text cannot be said exactly,
// the translation degrades as follows and records a note for each case (MeiliQuery.approximations):
//   - text OR text: all words go into q with matchingStrategy "last" (more of them ranks higher; any one may match);
//   - text OR filter, or a NOT/OR around text mixed with filters: the text is kept as above, those filters dropped;
//   - NOT of several text terms: each term is excluded on its own ("-a -b"), which is stricter than NOT (a AND b);
//   - a prefix term (kmalloc_*): the stem is searched as a word; Meilisearch only prefix-matches the last word of q;
//   - terms restricted to different fields: the search covers the union of those fields.
// Prefix filters (commit:abc1234, config:KASAN_*, diag:objtool) are expanded through the database into the
// exact stored values first, so they stay exact.
import { Meilisearch, type Index, type SearchParams } from "meilisearch";
import { meiliKey, meiliUrl } from "../config";
import { openDatabase, type Sqlite } from "../db/sqlite";
import { parseQuery, type QueryNode, type TextField } from "./query";
import { escapeHtml, markedToHtml, MARK_CLOSE, MARK_OPEN, MAX_OFFSET, pageOf, plainSnippet } from "./shared";
import { QueryError, type SearchBackend, type SearchHit, type SearchRequest, type SearchResult } from "./types";

export const MEILI_INDEX = "crosslore-messages";
const BATCH = 1000;
const CROP_WORDS = 40;
// Meilisearch indexes at most 65,535 words per attribute; a longer body only costs transfer time.
const MAX_BODY_CHARS = 200_000;
// A prefix that names more stored values than this is too broad to be a useful filter.
const MAX_EXPANSION = 1000;

/** One indexed message. `id` is the message row id. */
export interface MeiliDocument {
  id: number;
  messageId: string;
  list: string[];
  subject: string;
  from: string;
  fromName: string;
  to: string;
  cc: string;
  body: string;
  dfn: string;
  dfa: string;
  dfb: string;
  dfhh: string;
  date: number | null; // epoch ms
  threadRoot: string;
  commits: string[]; // shas as stored (the longest form seen)
  toolchains: string[]; // "name-version"
  configs: string[];
  diags: string[]; // signatures
  tags: string[];
}

const ATTRIBUTE: Record<TextField, string> = {
  subject: "subject",
  from: "from",
  to: "to",
  cc: "cc",
  body: "body",
  dfn: "dfn",
  dfa: "dfa",
  dfb: "dfb",
  dfhh: "dfhh",
};

export const MEILI_SETTINGS = {
  // Order is attribute ranking: a subject match outranks a body match.
  searchableAttributes: ["subject", "from", "dfn", "dfhh", "body", "to", "cc", "dfa", "dfb"],
  filterableAttributes: ["id", "list", "date", "messageId", "commits", "toolchains", "configs", "diags", "tags"],
  sortableAttributes: ["date"],
  // Identifiers (register_netdevice_notifier, CONFIG_KMSAN, __msan_foo) stay whole, as in the FTS5 index.
  nonSeparatorTokens: ["_"],
  pagination: { maxTotalHits: MAX_OFFSET + 100 },
};

/** Exact stored values for prefix filters; the backend answers from the database. */
export interface Expander {
  commits(shaPrefix: string): string[];
  configs(namePrefix: string): string[];
  diags(toolOrSignaturePrefix: string): string[];
  toolchains(name: string, version: string | null): string[];
}

export interface MeiliQuery {
  q: string;
  filter: string | null;
  attributesToSearchOn: string[] | null;
  matchingStrategy: "all" | "last";
  hasText: boolean;
  /** What could not be expressed exactly, in words, for logs and the results page. */
  approximations: string[];
}

const quote = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
// Row ids are positive, so this filter matches nothing: the translation of an expansion with no values.
const NOTHING = "id < 0";

function inList(attr: string, values: string[]): string {
  if (values.length === 0) return NOTHING;
  return values.length === 1 ? `${attr} = ${quote(values[0])}` : `${attr} IN [${values.map(quote).join(", ")}]`;
}

const hasText = (n: QueryNode): boolean =>
  n.kind === "text" || (n.kind === "not" ? hasText(n.child) : n.kind === "and" || n.kind === "or" ? n.children.some(hasText) : false);

/** The node as a Meilisearch filter; only for nodes without text. */
function filterOf(node: QueryNode, ex: Expander): string {
  const capped = (what: string, values: string[]) => {
    if (values.length > MAX_EXPANSION) throw new QueryError(`${what} matches more than ${MAX_EXPANSION} values; make it longer`);
    return values;
  };
  switch (node.kind) {
    case "and":
    case "or":
      return `(${node.children.map((c) => filterOf(c, ex)).join(node.kind === "and" ? " AND " : " OR ")})`;
    case "not":
      return `NOT (${filterOf(node.child, ex)})`;
    case "date": {
      const parts = ["date EXISTS", "date IS NOT NULL"];
      if (node.from !== null) parts.push(`date >= ${node.from}`);
      if (node.to !== null) parts.push(`date < ${node.to}`);
      return `(${parts.join(" AND ")})`;
    }
    case "list":
      return `list = ${quote(node.name)}`;
    case "messageId":
      return `messageId = ${quote(node.id)}`;
    case "commit":
      return inList("commits", capped(`commit:${node.sha}`, ex.commits(node.sha)));
    case "toolchain":
      return inList("toolchains", capped(`toolchain:${node.name}`, ex.toolchains(node.name, node.version)));
    case "config":
      return node.prefix ? inList("configs", capped(`config:${node.name}*`, ex.configs(node.name))) : `configs = ${quote(node.name)}`;
    case "diag":
      return inList("diags", capped(`diag:${node.value}`, ex.diags(node.value)));
    case "tag":
      return `tags = ${quote(node.tag)}`;
    case "text":
      throw new Error("unreachable: filterOf is only called on nodes without text");
  }
}

type Text = Extract<QueryNode, { kind: "text" }>;

function textTerms(node: QueryNode): Text[] {
  if (node.kind === "text") return [node];
  if (node.kind === "not") return textTerms(node.child);
  if (node.kind === "and" || node.kind === "or") return node.children.flatMap(textTerms);
  return [];
}

const word = (t: Text) => (t.phrase ? quote(t.text) : t.text);

/** Translates a parsed query (null = empty) into Meilisearch search parameters. */
export function translateForMeili(root: QueryNode | null, ex: Expander): MeiliQuery {
  const words: string[] = [];
  const filters: string[] = [];
  const notes = new Set<string>();
  const positives: Text[] = [];
  let strategy: "all" | "last" = "all";

  // AND is associative, so nested ANDs flatten into the top level, where text and filters combine exactly.
  const top: QueryNode[] = [];
  const flatten = (n: QueryNode) => (n.kind === "and" ? n.children.forEach(flatten) : top.push(n));
  if (root) flatten(root);

  for (const n of top) {
    if (!hasText(n)) {
      filters.push(filterOf(n, ex));
    } else if (n.kind === "text") {
      words.push(word(n));
      positives.push(n);
    } else if (n.kind === "not") {
      // NOT (a OR b) is exactly "-a -b"; NOT (a AND b) is not, and filters beside text under a NOT are lost.
      if (containsAnd(n.child)) notes.add("NOT of several terms: each term excluded on its own");
      if (containsFilter(n.child)) notes.add("filters under NOT with text were dropped");
      for (const t of textTerms(n.child)) words.push("-" + word(t));
    } else {
      // An OR (possibly with filters or NOTs inside): its positive words, any of which may match.
      const terms = positiveOf(n);
      if (containsFilter(n)) notes.add("filters combined with text by OR were dropped");
      notes.add("OR between text terms: any of the words may match, more matches rank higher");
      strategy = "last";
      for (const t of terms) {
        words.push(word(t));
        positives.push(t);
      }
    }
  }
  if (positives.some((t) => t.prefix)) notes.add("prefix terms (word*) match as words; only the last word of the query is prefix-matched");
  let attrs: string[] | null = null;
  if (positives.length > 0 && positives.every((t) => t.fields !== null)) {
    const set = new Set(positives.flatMap((t) => t.fields!.map((f) => ATTRIBUTE[f])));
    attrs = MEILI_SETTINGS.searchableAttributes.filter((a) => set.has(a));
    const distinct = new Set(positives.map((t) => t.fields!.join(",")));
    if (distinct.size > 1) notes.add("terms restricted to different fields: all of them searched in all those fields");
  } else if (positives.some((t) => t.fields !== null)) {
    notes.add("field-restricted terms mixed with free terms: all terms searched in every field");
  }
  return {
    q: words.join(" "),
    filter: filters.length ? filters.join(" AND ") : null,
    attributesToSearchOn: attrs,
    matchingStrategy: strategy,
    hasText: words.length > 0,
    approximations: [...notes],
  };
}

function containsAnd(n: QueryNode): boolean {
  if (n.kind === "and") return true;
  if (n.kind === "not") return containsAnd(n.child);
  return n.kind === "or" && n.children.some(containsAnd);
}

function containsFilter(n: QueryNode): boolean {
  if (n.kind === "text") return false;
  if (n.kind === "not") return containsFilter(n.child);
  if (n.kind === "and" || n.kind === "or") return n.children.some(containsFilter);
  return true;
}

function positiveOf(n: QueryNode, negated = false): Text[] {
  if (n.kind === "text") return negated ? [] : [n];
  if (n.kind === "not") return positiveOf(n.child, !negated);
  if (n.kind === "and" || n.kind === "or") return n.children.flatMap((c) => positiveOf(c, negated));
  return [];
}

const range = (col: string) => `(${col} >= ? AND ${col} < ?)`;
const MAX_CHAR = "\u{10FFFF}";

/** Expands prefix filters from the database, with the same matching rules as the FTS5 backend. */
export function sqliteExpander(db: Sqlite): Expander {
  const col = (sql: string, ...p: unknown[]) => (db.prepare(sql).pluck().all(...p) as string[]).slice(0, MAX_EXPANSION + 1);
  return {
    commits: (p) =>
      col(`SELECT DISTINCT sha FROM "commit" WHERE ${range("sha")} OR (length(sha) >= 7 AND sha = substr(?, 1, length(sha)))`, p, p + MAX_CHAR, p),
    configs: (p) => col(`SELECT DISTINCT name FROM config_mention WHERE ${range("name")}`, p, p + MAX_CHAR),
    diags: (v) => col(`SELECT signature FROM diagnostic WHERE tool = ? OR ${range("signature")}`, v.toLowerCase(), v, v + MAX_CHAR),
    toolchains: (name, version) =>
      version === null
        ? col(`SELECT name || '-' || version FROM toolchain WHERE name = ?`, name)
        : col(
            `SELECT name || '-' || version FROM toolchain WHERE name = ? AND (version = ? OR ${range("version")})`,
            name,
            version,
            version + ".",
            version + "." + MAX_CHAR,
          ),
  };
}

interface MessageRow {
  id: number;
  message_id: string;
  subject: string;
  from_text: string;
  from_name: string;
  from_addr: string;
  to_text: string;
  cc_text: string;
  body: string;
  dfn: string;
  dfa: string;
  dfb: string;
  dfhh: string;
  date: number | null;
  root: string | null;
}

/** Meilisearch documents for the given rows, ghosts left out, entity arrays from the entity tables. */
export function buildDocuments(db: Sqlite, rowIds: number[]): MeiliDocument[] {
  if (rowIds.length === 0) return [];
  const marks = rowIds.map(() => "?").join(", ");
  const rows = db
    .prepare(
      `SELECT m.id, m.message_id, m.subject, m.from_text, m.from_name, m.from_addr, m.to_text, m.cc_text,
         substr(m.body, 1, ${MAX_BODY_CHARS}) AS body, m.dfn, m.dfa, m.dfb, m.dfhh, m.date,
         (SELECT t.root_message_id FROM thread t WHERE t.id = m.thread_id) AS root
       FROM message m WHERE m.id IN (${marks}) AND m.ghost = 0`,
    )
    .all(...rowIds) as MessageRow[];
  const group = (sql: string) => {
    const out = new Map<number, string[]>();
    for (const r of db.prepare(sql).all(...rowIds) as { id: number; v: string }[]) {
      const list = out.get(r.id) ?? [];
      list.push(r.v);
      out.set(r.id, list);
    }
    return out;
  };
  const lists = group(
    `SELECT ml.message_row_id AS id, l.name AS v FROM message_list ml JOIN list l ON l.id = ml.list_id WHERE ml.message_row_id IN (${marks}) ORDER BY l.id`,
  );
  const commits = group(
    `SELECT DISTINCT cm.message_row_id AS id, c.sha AS v FROM commit_mention cm JOIN "commit" c ON c.id = cm.commit_id WHERE cm.message_row_id IN (${marks})`,
  );
  const toolchains = group(
    `SELECT tm.message_row_id AS id, t.name || '-' || t.version AS v FROM toolchain_mention tm JOIN toolchain t ON t.id = tm.toolchain_id WHERE tm.message_row_id IN (${marks})`,
  );
  const configs = group(`SELECT message_row_id AS id, name AS v FROM config_mention WHERE message_row_id IN (${marks})`);
  const diags = group(
    `SELECT dm.message_row_id AS id, d.signature AS v FROM diagnostic_mention dm JOIN diagnostic d ON d.id = dm.diagnostic_id WHERE dm.message_row_id IN (${marks})`,
  );
  const tags = group(`SELECT message_row_id AS id, tag AS v FROM message_tag WHERE message_row_id IN (${marks})`);
  return rows.map((r) => ({
    id: r.id,
    messageId: r.message_id,
    list: lists.get(r.id) ?? [],
    subject: r.subject,
    from: r.from_text,
    fromName: r.from_name || r.from_addr,
    to: r.to_text,
    cc: r.cc_text,
    body: r.body,
    dfn: r.dfn,
    dfa: r.dfa,
    dfb: r.dfb,
    dfhh: r.dfhh,
    date: typeof r.date === "number" ? r.date : null,
    threadRoot: r.root ?? r.message_id,
    commits: commits.get(r.id) ?? [],
    toolchains: toolchains.get(r.id) ?? [],
    configs: configs.get(r.id) ?? [],
    diags: diags.get(r.id) ?? [],
    tags: tags.get(r.id) ?? [],
  }));
}

export interface MeiliOptions {
  host?: string;
  apiKey?: string;
  index?: string;
  db?: Sqlite;
}

export class MeiliBackend implements SearchBackend {
  readonly name = "meilisearch" as const;
  private readonly client: Meilisearch;
  private readonly index: Index<MeiliDocument>;
  private db: Sqlite | null;
  private settingsApplied = false;

  constructor(options: MeiliOptions = {}) {
    const host = options.host ?? meiliUrl();
    if (!host) throw new Error("MEILI_URL is not set");
    this.client = new Meilisearch({ host, apiKey: options.apiKey ?? meiliKey() });
    this.index = this.client.index<MeiliDocument>(options.index ?? MEILI_INDEX);
    this.db = options.db ?? null;
  }

  private conn(): Sqlite {
    this.db ??= openDatabase({ readonly: true });
    return this.db;
  }

  /** Creates the index if needed and applies MEILI_SETTINGS, waiting for the task. */
  async applySettings(): Promise<void> {
    const task = await this.index.updateSettings(MEILI_SETTINGS).waitTask();
    if (task.status !== "succeeded") throw new Error(`meilisearch: updating settings of ${this.index.uid} ${task.status}: ${task.error?.message ?? ""}`);
    this.settingsApplied = true;
  }

  async indexMessages(rowIds: number[]): Promise<void> {
    if (!this.settingsApplied) await this.applySettings();
    const db = this.conn();
    for (let i = 0; i < rowIds.length; i += BATCH) {
      const docs = buildDocuments(db, rowIds.slice(i, i + BATCH));
      if (docs.length === 0) continue;
      const task = await this.index.addDocuments(docs, { primaryKey: "id" }).waitTask({ timeout: 300_000 });
      if (task.status !== "succeeded") {
        throw new Error(`meilisearch: adding documents for rows ${rowIds[i]}..${rowIds[Math.min(i + BATCH, rowIds.length) - 1]} ${task.status}: ${task.error?.message ?? ""}`);
      }
    }
  }

  async search(req: SearchRequest, now?: Date): Promise<SearchResult> {
    const started = performance.now();
    const { page, pageSize } = pageOf(req);
    const mq = translateForMeili(parseQuery(req.q, { now }), sqliteExpander(this.conn()));
    const filters = [mq.filter, req.list ? `list = ${quote(req.list)}` : null].filter((f): f is string => f !== null);
    const sort = req.sort ?? "relevance";
    const params: SearchParams = {
      page,
      hitsPerPage: pageSize,
      filter: filters.length ? filters.join(" AND ") : undefined,
      // Without words relevance means nothing, so filter-only queries list newest first, as FTS5 does.
      sort: sort === "date-asc" ? ["date:asc"] : sort === "date-desc" || !mq.hasText ? ["date:desc"] : undefined,
      matchingStrategy: mq.matchingStrategy,
      attributesToSearchOn: mq.attributesToSearchOn ?? undefined,
      attributesToRetrieve: ["id", "messageId", "list", "subject", "fromName", "date", "threadRoot", "body"],
      attributesToCrop: ["body"],
      cropLength: CROP_WORDS,
      cropMarker: "…",
      attributesToHighlight: ["body"],
      highlightPreTag: MARK_OPEN,
      highlightPostTag: MARK_CLOSE,
    };
    const res = await this.index.search(mq.q, params);
    const hits: SearchHit[] = res.hits.map((h) => {
      const formatted = h._formatted?.body;
      return {
        messageId: h.messageId,
        list: req.list ?? h.list[0] ?? "",
        subject: h.subject,
        from: h.fromName,
        date: typeof h.date === "number" ? new Date(h.date).toISOString() : null,
        snippet: formatted ? markedToHtml(formatted) : escapeHtml(plainSnippet(h.body.slice(0, 4000))),
        threadRoot: h.threadRoot,
      };
    });
    const total = "totalHits" in res && typeof res.totalHits === "number" ? res.totalHits : (res.estimatedTotalHits ?? hits.length);
    return { total, page, pageSize, hits, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }
}
