// The search a feed (x=A) or export (x=m) request asks for: query, list and sort from the URL, or the
// response that refuses it (400 with a JSON error for a missing query, 404 for an unknown list).
import { listByName } from "./lists";
import { parseSort, type Sort } from "./search";

// lore's name for "every list".
const ALL = "all";

export interface SearchAsked {
  q: string;
  /** The list named in the URL ("all" included), for titles and links; undefined for /search. */
  listName?: string;
  /** The list the search is limited to: undefined for /search and /all/. */
  list?: string;
  sort: Sort;
}

/** `listParam` is the route's (already decoded) list parameter, undefined for /search. */
export async function searchAsked(url: URL, listParam: string | undefined, defaultSort: Sort): Promise<SearchAsked | Response> {
  const q = url.searchParams.get("q")?.trim() ?? "";
  const sort = url.searchParams.has("sort") ? parseSort(url.searchParams.get("sort")) : defaultSort;
  let listName: string | undefined;
  if (listParam !== undefined) {
    if (listParam !== ALL && !(await listByName(listParam))) {
      return Response.json({ error: `no list named ${JSON.stringify(listParam)} in this archive` }, { status: 404 });
    }
    listName = listParam;
  }
  if (!q) return Response.json({ error: "the q parameter (the query) is missing or empty" }, { status: 400 });
  return { q, listName, list: listName === ALL ? undefined : listName, sort };
}

/** The 400 for a query the parser refused, with its reason and where in the query it went wrong. */
export function queryErrorResponse(q: string, error: string, position?: number): Response {
  return Response.json({ error, position: position ?? null, query: q }, { status: 400 });
}
