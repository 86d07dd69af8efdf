// The "Atom feed · mbox.gz" line under a list or search heading: the same view as a feed and as a download.
import { EXPORT_MAX_MESSAGES } from "../lib/queries/feeds";

/** `hits`: how many messages the search matched, to say when the download holds only the first of them. */
export function FeedLinks({ atom, mbox, hits }: { atom: string; mbox?: string; hits?: number }) {
  return (
    <p className="hint" data-testid="feed-links">
      <a href={atom} type="application/atom+xml">
        Atom feed
      </a>
      {mbox && (
        <>
          {" · "}
          <a href={mbox} type="application/gzip" rel="nofollow">
            mbox.gz
          </a>
          {hits !== undefined && hits > EXPORT_MAX_MESSAGES && ` (the first ${EXPORT_MAX_MESSAGES.toLocaleString("en-US")} of ${hits.toLocaleString("en-US")} messages)`}
        </>
      )}
    </p>
  );
}
