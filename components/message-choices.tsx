// lore's answer to a Message-ID fragment that starts several Message-IDs: one line per candidate to choose from.
import type { PageView } from "../lib/links/go";
import { messageUrl } from "../lib/mail/url";
import type { MessageSummary } from "../lib/queries/message-lookup";
import { DateText } from "./date-text";

export function MessageChoices({ fragment, view, choices, truncated }: { fragment: string; view: PageView; choices: MessageSummary[]; truncated: boolean }) {
  return (
    <section data-testid="message-choices">
      <h1>Several messages match</h1>
      <p>
        No Message-ID is exactly <code className="mono">&lt;{fragment}&gt;</code>, but {truncated ? "more than " : ""}
        {choices.length} start{choices.length === 1 ? "s" : ""} with it. Pick one:
      </p>
      <ul className="thread-list">
        {choices.map((c) => (
          <li key={c.messageId}>
            <a className="subject" href={messageUrl(c.list, c.messageId, view)}>
              {c.subject || "(no subject)"}
              <br />
              <span className="mono faint">&lt;{c.messageId}&gt;</span>
            </a>
            <span className="meta">{c.fromName || c.fromAddr}</span>
            <span className="meta">
              <DateText date={c.date} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
