// The 404 for a link that leads to no message here: the original link (so the reader can still follow it),
// and why — a host that is no mail archive, an archive page without a Message-ID, or a message not ingested.
import type { NotInArchiveCause } from "../lib/links/go";
import { MessageIdLookups } from "./message-id-lookups";

const WHY: Record<NotInArchiveCause, string> = {
  "unknown-host": "Its host is not a mail archive this site knows how to read a Message-ID from.",
  "no-message-id": "It points at a mail archive, but at a page that names no single message (a list, a search, a numbered patchwork or marc.info entry).",
  "not-ingested": "It names a message that this archive does not hold: the list or the period it was sent to has not been ingested.",
};

export function NotInArchive({ url, cause, reason, messageId }: { url: string; cause: NotInArchiveCause; reason: string; messageId: string | null }) {
  const href = /^https?:\/\//i.test(url) ? url : null;
  return (
    <div className="notice" data-testid="not-in-archive" data-cause={cause}>
      <h1>Not in this archive</h1>
      <p>
        The link{" "}
        {href ? (
          <a className="mono" href={href} rel="nofollow noopener noreferrer" data-testid="original-link">
            {url}
          </a>
        ) : (
          <code className="mono">{url}</code>
        )}{" "}
        does not lead to a message here.
      </p>
      <p>{WHY[cause]}</p>
      <p className="hint mono">{reason}</p>
      {messageId && <MessageIdLookups messageId={messageId} />}
    </div>
  );
}
