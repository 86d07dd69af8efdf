// The tracker and archive URLs the most threads link, each leading to its backlinks.
import type { LinkedUrl, LinkKind } from "../lib/queries/links";
import { DateText } from "./date-text";

const KIND_LABEL: Record<string, string> = { bug: "bug trackers", list: "archived messages" };

export function LinkedUrls({ urls, kind }: { urls: LinkedUrl[]; kind: LinkKind | null }) {
  return (
    <section data-testid="linked-urls">
      <p className="sort-links">
        Show: {kind === null ? <strong>all</strong> : <a href="/links">all</a>} ·{" "}
        {kind === "bug" ? <strong>{KIND_LABEL.bug}</strong> : <a href="/links?kind=bug">{KIND_LABEL.bug}</a>} ·{" "}
        {kind === "list" ? <strong>{KIND_LABEL.list}</strong> : <a href="/links?kind=list">{KIND_LABEL.list}</a>}
      </p>
      {urls.length === 0 ? (
        <p className="empty">No links of this kind in the archive yet.</p>
      ) : (
        <ul className="thread-list">
          {urls.map((u) => (
            <li key={u.normUrl}>
              <a className="subject mono" href={`/links?url=${encodeURIComponent(u.normUrl)}`}>
                {u.normUrl}
              </a>
              <span className="meta">
                <span className="pill">{u.kind}</span> {u.threads} thread{u.threads === 1 ? "" : "s"}
              </span>
              <span className="meta">
                <DateText date={u.lastDate} dayOnly />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
