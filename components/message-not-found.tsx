// The 404 for an unknown Message-ID: says what was looked up and offers a search for it.
import { messageUrl } from "../lib/mail/url";
import { MessageIdLookups } from "./message-id-lookups";

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
      <MessageIdLookups messageId={messageId} />
    </div>
  );
}
