// The 404 for an unknown Message-ID: says what was looked up and offers a search for it.
import { escapeMessageId, messageUrl } from "../lib/mail/url";

export function MessageNotFound({ messageId, referencedIn }: { messageId: string; referencedIn?: { list: string; messageId: string } }) {
  return (
    <div className="notice" data-testid="message-not-found">
      <h1>Message not found</h1>
      <p>
        No message with Message-ID <code className="mono">&lt;{messageId}&gt;</code> is in this archive.
      </p>
      {referencedIn && (
        <p>
          Other messages refer to it: <a href={messageUrl(referencedIn.list, referencedIn.messageId, "thread")}>see the thread</a>.
        </p>
      )}
      <p>
        <a className="button" href={`/search?q=${encodeURIComponent(`m:"${messageId.replaceAll(`"`, "")}"`)}`}>
          Search for this Message-ID
        </a>{" "}
        <a href={`https://lore.kernel.org/all/${escapeMessageId(messageId)}/`} rel="nofollow noopener">
          look it up on lore.kernel.org
        </a>
      </p>
    </div>
  );
}
