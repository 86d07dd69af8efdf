// Threads by latest activity: subject, size, list, last date.
import type { ThreadSummary } from "../lib/queries/threads";
import { messageUrl } from "../lib/mail/url";
import { DateText } from "./date-text";

export function ThreadList({ threads, showList = true }: { threads: ThreadSummary[]; showList?: boolean }) {
  if (threads.length === 0) {
    return (
      <p className="empty" data-testid="threads-empty">
        No threads here yet.
      </p>
    );
  }
  return (
    <ul className="thread-list" data-testid="thread-list">
      {threads.map((t) => (
        <li key={t.rootMessageId}>
          <a className="subject" href={messageUrl(t.list, t.linkMessageId, "thread")}>
            {t.subject || "(no subject)"}
          </a>
          <span className="meta">
            {showList && <span className="pill">{t.list}</span>} {t.messageCount} {t.messageCount === 1 ? "message" : "messages"}
          </span>
          <span className="meta">
            <DateText date={t.lastDate} />
          </span>
        </li>
      ))}
    </ul>
  );
}
