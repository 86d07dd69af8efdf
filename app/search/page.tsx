// /search?q=: ranked results over every list.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { FeedLinks } from "../../components/feed-links";
import { SearchForm } from "../../components/search-form";
import { SearchView } from "../../components/search-view";
import { publicBaseUrl } from "../../lib/config";
import { searchFeedUrl, searchMboxUrl } from "../../lib/feeds/urls";
import { parsePage, parseSort, searchMessages } from "../../lib/queries/search";
import { searchUrl } from "../../lib/queries/search-url";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = first((await searchParams).q)?.trim();
  if (!q) return { title: "Search" };
  const feed = `${publicBaseUrl(await headers())}${searchFeedUrl(q)}`;
  return { title: `${q} (search)`, alternates: { types: { "application/atom+xml": [{ url: feed, title: `Search: ${q}` }] } } };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = first(params.q)?.trim() ?? "";
  const sort = parseSort(first(params.sort));
  const page = parsePage(first(params.page));
  if (!q) {
    return (
      <section className="search-hero">
        <h1>Search</h1>
        <SearchForm autoFocus />
        <p className="hint">Type a query above; the same syntax as lore.kernel.org works here.</p>
      </section>
    );
  }
  const outcome = await searchMessages({ q, page, sort });
  return (
    <>
      <h1>
        Search: <span className="mono">{q}</span>
      </h1>
      {outcome.ok && outcome.result.total > 0 && <FeedLinks atom={searchFeedUrl(q)} mbox={searchMboxUrl(q, undefined, sort)} hits={outcome.result.total} />}
      <SearchView q={q} outcome={outcome} sort={sort} href={(p, s) => searchUrl(q, { page: p, sort: s })} />
    </>
  );
}
