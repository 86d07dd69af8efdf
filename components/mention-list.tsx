// Messages that mention an entity, one row each: date, subject linking to the message, sender and list, and
// optionally what the message said about it (the diagnostic line, the version string, the Kconfig value).
import type { MentionMessage } from "../lib/queries/entities";
import { messageUrl } from "../lib/mail/url";
import { DateText } from "./date-text";
import styles from "./entity-page.module.css";

export function MentionList<T extends MentionMessage>({ mentions, detail, showList = true }: { mentions: T[]; detail?: (m: T) => React.ReactNode; showList?: boolean }) {
  return (
    <ul className={styles.mentions} data-testid="mention-list">
      {mentions.map((m, i) => {
        const extra = detail?.(m);
        return (
          <li key={`${m.messageId}-${i}`} data-testid="mention">
            <span className={styles.date}>
              <DateText date={m.date} />
            </span>
            <a className={styles.subject} href={messageUrl(m.list, m.messageId)} data-testid="mention-link">
              {m.subject || "(no subject)"}
            </a>
            <span className={styles.meta}>
              {m.fromName || m.fromAddr}
              {showList && (
                <>
                  {" "}
                  <span className="pill">{m.list}</span>
                </>
              )}
            </span>
            {extra && <span className={styles.detail}>{extra}</span>}
          </li>
        );
      })}
    </ul>
  );
}
