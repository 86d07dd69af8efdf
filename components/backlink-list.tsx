// The threads that mention one tracker URL, each with the messages that link it (and how they wrote it).
import { messageIdAnchor } from "../lib/mail/msgid";
import { messageAnchorId, messageUrl } from "../lib/mail/url";
import type { Backlinks } from "../lib/queries/links";
import { DateText } from "./date-text";
import styles from "./backlink-list.module.css";

// A patch series links its bug from every patch: a few of a thread's mentions say enough.
const MENTIONS_SHOWN = 5;

export function BacklinkList({ backlinks }: { backlinks: Backlinks }) {
  const { normUrl, threads, messageCount, truncated } = backlinks;
  if (threads.length === 0) {
    return (
      <p className="empty" data-testid="backlinks-empty">
        No message here links <span className="mono">{normUrl}</span>.
      </p>
    );
  }
  return (
    <section data-testid="backlinks">
      <p className="dim">
        {threads.length} thread{threads.length === 1 ? "" : "s"}, {truncated ? "the newest " : ""}
        {messageCount} message{messageCount === 1 ? "" : "s"} linking it.
      </p>
      <ul className={`thread-list ${styles.threads}`}>
        {threads.map((t) => (
          <li key={t.threadId ?? t.mentions[0].messageId} data-testid="backlink-thread">
            <div>
              <a className="subject" href={messageUrl(t.mentions[0].list, t.mentions[0].messageId, "thread")}>
                {t.subject || "(no subject)"}
              </a>
              <ul className={styles.mentions}>
                {t.mentions.slice(0, MENTIONS_SHOWN).map((m) => (
                  <li key={m.messageId}>
                    <a href={`${messageUrl(m.list, m.messageId, "thread")}#${messageAnchorId(messageIdAnchor(m.messageId))}`}>{m.fromName || m.fromAddr}</a>{" "}
                    <DateText date={m.date} dayOnly />
                    {m.url.toLowerCase() !== normUrl.toLowerCase() && <span className="faint mono"> as {m.url}</span>}
                  </li>
                ))}
                {t.mentions.length > MENTIONS_SHOWN && <li>and {t.mentions.length - MENTIONS_SHOWN} more messages in this thread</li>}
              </ul>
            </div>
            <span className="meta">
              <span className="pill">{t.mentions[0].list}</span> {t.messageCount} {t.messageCount === 1 ? "message" : "messages"}
            </span>
            <span className="meta">
              <DateText date={t.lastDate} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
