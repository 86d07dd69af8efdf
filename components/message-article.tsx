// One message as a card: headers, links (permalink, raw, thread, mbox, cite), body with its snippets marked, attachments.
import type { SnippetMark } from "../lib/mail/body-tree";
import type { MessageDetail } from "../lib/queries/messages";
import { messageIdAnchor } from "../lib/mail/msgid";
import { messageAnchorId, messageUrl } from "../lib/mail/url";
import { AttachmentList } from "./attachment-list";
import { DateText } from "./date-text";
import { MessageBody } from "./message-body";

export function MessageArticle({
  message: m,
  list,
  headingLevel = 2,
  depth,
  snippets,
  cite,
}: {
  message: MessageDetail;
  list: string;
  headingLevel?: 1 | 2;
  depth?: number;
  /** Stored snippets of this message, marked where they sit in the body. */
  snippets?: SnippetMark[];
  /** The cite menu (components/cite-menu.tsx), placed with the message's links. */
  cite?: React.ReactNode;
}) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const anchor = messageAnchorId(messageIdAnchor(m.messageId));
  const from = m.fromName ? `${m.fromName} <${m.fromAddr}>` : m.fromAddr;
  return (
    <article
      className="message"
      id={anchor}
      data-testid="message"
      data-message-id={m.messageId}
      style={depth === undefined ? undefined : ({ "--depth": depth } as React.CSSProperties)}
    >
      <header className="message-head">
        <Heading className="subject" style={headingLevel === 2 ? { fontSize: "1rem", margin: 0 } : undefined}>
          {m.subject || "(no subject)"}
        </Heading>
        <dl className="headers">
          <dt>From</dt>
          <dd data-testid="message-from">{from || "(unknown)"}</dd>
          <dt>Date</dt>
          <dd>
            <DateText date={m.date} /> UTC
          </dd>
          {m.toText && (
            <>
              <dt>To</dt>
              <dd>{m.toText}</dd>
            </>
          )}
          {m.ccText && (
            <>
              <dt>Cc</dt>
              <dd>{m.ccText}</dd>
            </>
          )}
          <dt>Message-ID</dt>
          <dd className="mono">{m.messageId}</dd>
        </dl>
        <div className="message-links">
          <a href={messageUrl(list, m.messageId)}>permalink</a>
          <a href={`#${anchor}`}>#</a>
          <a href={messageUrl(list, m.messageId, "raw")} data-testid="raw-link">raw</a>
          <a href={messageUrl(list, m.messageId, "thread")}>thread</a>
          <a href={messageUrl(list, m.messageId, "mbox")}>mbox.gz</a>
          {m.parentId && <a href={messageUrl(list, m.parentId)}>parent</a>}
          {m.lists.length > 1 && <span className="dim">also on {m.lists.filter((l) => l !== list).join(", ")}</span>}
          {cite}
        </div>
      </header>
      <div className="message-body-wrap">
        <MessageBody body={m.body} snippets={snippets} />
      </div>
      <AttachmentList attachments={m.attachments} />
    </article>
  );
}
