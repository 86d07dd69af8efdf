// The "Atom · mbox.gz" line under a list or search heading: the same view as a feed and as a download.
export function FeedLinks({ atom, mbox }: { atom: string; mbox?: string }) {
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
        </>
      )}
    </p>
  );
}
