// Mentions grouped by thread, the thread with the newest mention first: the thread's subject (linking to the
// thread view), then each message in it that mentions the entity.
import type { MentionMessage, ThreadGroup } from "../lib/queries/entities";
import { messageUrl } from "../lib/mail/url";
import { plural } from "../lib/plural";
import { MentionList } from "./mention-list";
import styles from "./entity-page.module.css";

export function ThreadMentions<G extends ThreadGroup<MentionMessage>>({ threads, detail, note }: { threads: G[]; detail?: (m: G["mentions"][number]) => React.ReactNode; note?: (t: G) => React.ReactNode }) {
  if (threads.length === 0) return <p className="empty">No threads.</p>;
  return (
    <div data-testid="thread-groups">
      {threads.map((t) => {
        const first = t.mentions[0];
        return (
          <section key={t.threadRoot} className={styles.thread} data-testid="thread-group">
            <h3>
              <a href={messageUrl(first.list, first.messageId, "thread")} data-testid="thread-link">
                {t.subject || "(no subject)"}
              </a>{" "}
              <span className={styles.meta}>
                {plural(t.mentions.length, "message")} {note?.(t)}
              </span>
            </h3>
            <MentionList mentions={t.mentions} detail={detail} />
          </section>
        );
      })}
    </div>
  );
}
