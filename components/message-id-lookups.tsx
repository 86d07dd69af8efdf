// Where to look next for a Message-ID this archive lacks: a search for it here, and lore.kernel.org.
import { escapeMessageId } from "../lib/mail/url";

export function MessageIdLookups({ messageId }: { messageId: string }) {
  return (
    <p>
      <a className="button" href={`/search?q=${encodeURIComponent(`m:"${messageId.replaceAll(`"`, "")}"`)}`}>
        Search for this Message-ID
      </a>{" "}
      <a href={`https://lore.kernel.org/all/${escapeMessageId(messageId)}/`} rel="nofollow noopener">
        look it up on lore.kernel.org
      </a>
    </p>
  );
}
