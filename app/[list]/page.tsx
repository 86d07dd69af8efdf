// /<list>/: the list's threads by latest activity; /<list>/?q= searches the list (and /all/?q= everything).
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { FeedLinks } from "../../components/feed-links";
import { Pagination } from "../../components/pagination";
import { SearchForm } from "../../components/search-form";
import { SearchView } from "../../components/search-view";
import { ThreadList } from "../../components/thread-list";
import { publicBaseUrl } from "../../lib/config";
import { listFeedUrl, searchFeedUrl, searchMboxUrl } from "../../lib/feeds/urls";
import { listByName } from "../../lib/queries/lists";
import { parsePage, parseSort, searchMessages } from "../../lib/queries/search";
import { searchUrl } from "../../lib/queries/search-url";
import { recentThreads, threadCount, THREADS_PER_PAGE } from "../../lib/queries/threads";

export const dynamic = "force-dynamic";

// lore's name for "every list"; a list cannot be called this.
const ALL = "all";

type Props = {
  params: Promise<{ list: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function listName(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const list = listName((await params).list);
  const q = first((await searchParams).q)?.trim();
  const feed = `${publicBaseUrl(await headers())}${q ? searchFeedUrl(q, list) : listFeedUrl(list)}`;
  return {
    title: q ? `${q} (${list})` : list,
    alternates: { types: { "application/atom+xml": [{ url: feed, title: q ? `${list}: ${q}` : `${list}: new messages` }] } },
  };
}

export default async function ListPage({ params, searchParams }: Props) {
  const list = listName((await params).list);
  const query = await searchParams;
  const q = first(query.q)?.trim() ?? "";
  const page = parsePage(first(query.page));
  const isAll = list === ALL;
  const summary = isAll ? null : await listByName(list);
  if (!isAll && !summary) notFound();
  const scope = isAll ? undefined : list;

  if (q) {
    const sort = parseSort(first(query.sort));
    const outcome = await searchMessages({ q, list: scope, page, sort });
    return (
      <>
        <h1>
          <a href={`/${encodeURIComponent(list)}/`}>{list}</a>: <span className="mono">{q}</span>
        </h1>
        {outcome.ok && outcome.result.total > 0 && <FeedLinks atom={searchFeedUrl(q, list)} mbox={searchMboxUrl(q, list, sort)} hits={outcome.result.total} />}
        <SearchView q={q} outcome={outcome} sort={sort} href={(p, s) => searchUrl(q, { list, page: p, sort: s })} />
      </>
    );
  }

  const [threads, total] = await Promise.all([recentThreads({ list: scope, page }), threadCount(scope)]);
  return (
    <>
      <h1>{isAll ? "All lists" : list}</h1>
      <p className="dim" data-testid="list-summary">
        {summary ? `${summary.messageCount.toLocaleString("en-US")} messages · ` : ""}
        {total.toLocaleString("en-US")} threads{summary?.address ? ` · ${summary.address}` : ""}
      </p>
      <FeedLinks atom={listFeedUrl(list)} />
      <div className="search-hero">
        <SearchForm list={list} />
      </div>
      <ThreadList threads={threads} showList={isAll} />
      <Pagination page={page} pageSize={THREADS_PER_PAGE} total={total} href={(p) => `/${encodeURIComponent(list)}/?page=${p}`} />
    </>
  );
}
