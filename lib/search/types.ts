// The one search interface both backends (SQLite FTS5, Meilisearch) implement.

export interface SearchRequest {
  q: string; // lore-style query text
  list?: string; // restrict to one list (the /<list>/?q= form)
  page?: number; // 1-based
  pageSize?: number; // default 20
  sort?: "relevance" | "date-desc" | "date-asc";
}

export interface SearchHit {
  messageId: string;
  list: string; // first list the message belongs to
  subject: string;
  from: string;
  date: string | null; // ISO 8601
  snippet: string; // HTML-safe: text escaped, matches wrapped in <mark>
  threadRoot: string; // Message-ID of the thread's root (may be a ghost)
}

export interface SearchResult {
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  tookMs: number;
}

/** A query the user can fix; its message is shown as is. */
export class QueryError extends Error {
  constructor(
    message: string,
    public readonly position?: number,
  ) {
    super(message);
    this.name = "QueryError";
  }
}

export interface SearchBackend {
  readonly name: "fts5" | "meilisearch";
  search(req: SearchRequest): Promise<SearchResult>;
  /** Adds or replaces the given stored messages (by message row id) in the index. */
  indexMessages(rowIds: number[]): Promise<void>;
}
