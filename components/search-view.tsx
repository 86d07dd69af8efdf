// A search result page body: count and sort links, hits, pages; or the query's error; or a designed empty state.
import type { SearchOutcome, Sort } from "../lib/queries/search";
import { Pagination } from "./pagination";
import { SearchResults } from "./search-results";

const SORT_LABEL: Record<Sort, string> = { relevance: "relevance", "date-desc": "newest", "date-asc": "oldest" };

export function SearchView({ q, outcome, sort, href }: { q: string; outcome: SearchOutcome; sort: Sort; href: (page: number, sort: Sort) => string }) {
  if (!outcome.ok) {
    return (
      <div className="notice error" role="alert" data-testid="query-error">
        <h2>That query could not be read</h2>
        <p className="query-error">{outcome.error}</p>
        {outcome.position !== undefined && (
          <pre className="query-error" aria-hidden="true">
            {q}
            {"\n"}
            {" ".repeat(Math.max(0, outcome.position))}^
          </pre>
        )}
        <QueryHelp />
      </div>
    );
  }
  const { result } = outcome;
  if (result.total === 0) {
    return (
      <div className="empty" data-testid="search-empty">
        <p>
          No messages match <code className="mono">{q}</code>.
        </p>
        <QueryHelp />
      </div>
    );
  }
  const from = (result.page - 1) * result.pageSize + 1;
  const to = from + result.hits.length - 1;
  return (
    <>
      <div className="results-bar">
        <span data-testid="search-total">
          {from.toLocaleString("en-US")}–{to.toLocaleString("en-US")} of {result.total.toLocaleString("en-US")} messages ({result.tookMs.toFixed(0)} ms)
        </span>
        <span className="sort-links">
          sort:
          {(Object.keys(SORT_LABEL) as Sort[]).map((s) =>
            s === sort ? <strong key={s}>{SORT_LABEL[s]}</strong> : <a key={s} href={href(1, s)}>{SORT_LABEL[s]}</a>,
          )}
        </span>
      </div>
      <SearchResults hits={result.hits} />
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} href={(p) => href(p, sort)} />
    </>
  );
}

function QueryHelp() {
  return (
    <p className="hint">
      Plain words search everywhere; <code>"a phrase"</code>; prefixes as on lore: <code>s:</code> subject, <code>f:</code> from,{" "}
      <code>b:</code> body, <code>dfn:</code> file in a patch, <code>d:2024-01-01..</code> dates; <code>AND OR NOT ( )</code>.
    </p>
  );
}
