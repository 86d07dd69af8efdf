// URLs of search result pages: /search?q= for all lists, /<list>/?q= for one (as on lore).
import type { Sort } from "./search";

export function searchUrl(q: string, options: { list?: string; page?: number; sort?: Sort } = {}): string {
  const params = new URLSearchParams({ q });
  if (options.sort && options.sort !== "relevance") params.set("sort", options.sort);
  if (options.page && options.page > 1) params.set("page", String(options.page));
  const base = options.list ? `/${encodeURIComponent(options.list)}/` : "/search";
  return `${base}?${params}`;
}
