// The one search entry point for the site and the API: Meilisearch when MEILI_URL is set, else SQLite FTS5.
import { meiliUrl } from "../config";
import { Fts5Backend } from "./fts5";
import { MeiliBackend } from "./meilisearch";
import type { SearchBackend } from "./types";

export { QueryError } from "./types";
export type { SearchBackend, SearchHit, SearchRequest, SearchResult } from "./types";

const globalForSearch = globalThis as unknown as { crossloreSearch?: SearchBackend };

/** The configured backend, one per process (the FTS5 one holds a read-only SQLite connection). */
export function getSearchBackend(): SearchBackend {
  globalForSearch.crossloreSearch ??= meiliUrl() ? new MeiliBackend() : new Fts5Backend();
  return globalForSearch.crossloreSearch;
}
