// Runs a search for the pages and the JSON API: a malformed query comes back as a message, not an exception.
import { getSearchBackend } from "../search/index";
import { QueryError, type SearchRequest, type SearchResult } from "../search/types";

export const SEARCH_PAGE_SIZE = 20;
export const SORTS = ["relevance", "date-desc", "date-asc"] as const;
export type Sort = (typeof SORTS)[number];

export type SearchOutcome = { ok: true; result: SearchResult } | { ok: false; error: string; position?: number };

/** A sort parameter from a URL, with anything unknown meaning relevance. */
export function parseSort(value: string | undefined | null): Sort {
  return SORTS.find((s) => s === value) ?? "relevance";
}

/** A 1-based page number from a URL; anything that is not a positive integer means page 1. */
export function parsePage(value: string | undefined | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

export async function searchMessages(req: SearchRequest): Promise<SearchOutcome> {
  try {
    const backend = await getSearchBackend();
    const result = await backend.search({ pageSize: SEARCH_PAGE_SIZE, ...req });
    return { ok: true, result };
  } catch (e) {
    // By name as well as class: Next.js may load lib/search twice (page and route bundles), so the
    // QueryError the backend throws need not be this module's QueryError.
    if (e instanceof QueryError || (e instanceof Error && e.name === "QueryError")) {
      return { ok: false, error: e.message, position: (e as QueryError).position };
    }
    throw e;
  }
}
