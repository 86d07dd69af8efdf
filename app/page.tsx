// Front page: search, the lists with their sizes, the latest threads.
import { ListTable } from "../components/list-table";
import { SearchForm } from "../components/search-form";
import { ThreadList } from "../components/thread-list";
import { listsWithCounts } from "../lib/queries/lists";
import { recentThreads } from "../lib/queries/threads";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [lists, threads] = await Promise.all([listsWithCounts(), recentThreads({ pageSize: 30 })]);
  return (
    <>
      <section className="search-hero">
        <SearchForm autoFocus />
        <p className="hint">
          e.g. <a href="/search?q=s%3Aobjtool">s:objtool</a> · <a href="/search?q=%22stack+protector%22">"stack protector"</a> ·{" "}
          <a href="/search?q=dfn%3AMakefile+f%3Anathan">dfn:Makefile f:nathan</a>
        </p>
      </section>
      <div className="home-grid">
        <section>
          <h2>Recent threads</h2>
          <ThreadList threads={threads} />
        </section>
        <aside>
          <h2>Lists</h2>
          <ListTable lists={lists} />
          <p className="hint">
            <a href="/all/">all lists</a>
          </p>
        </aside>
      </div>
    </>
  );
}
