// Search hits: subject linked to the message, author, date, list, and the highlighted snippet.
import type { SearchHit } from "../lib/search/types";
import { messageIdAnchor } from "../lib/mail/msgid";
import { messageAnchorId, messageUrl } from "../lib/mail/url";
import { DateText } from "./date-text";

// The backend promises escaped text with <mark> around matches; anything else that looks like a tag is
// escaped here as well, so a backend bug can never put markup from a mail into the page.
function snippetHtml(snippet: string): string {
  return snippet.replace(/<(?!\/?mark>)/g, "&lt;");
}

export function SearchResults({ hits }: { hits: SearchHit[] }) {
  return (
    <ol className="results" data-testid="search-results">
      {hits.map((h) => (
        <li className="result" key={h.messageId} data-testid="search-hit">
          <div className="result-title">
            <a href={messageUrl(h.list, h.messageId)}>{h.subject || "(no subject)"}</a>
          </div>
          <div className="result-meta">
            {h.from} · <DateText date={h.date} /> · <span className="pill">{h.list}</span> ·{" "}
            <a href={`${messageUrl(h.list, h.messageId, "thread")}#${messageAnchorId(messageIdAnchor(h.messageId))}`}>in thread</a>
          </div>
          {h.snippet && <p className="result-snippet" dangerouslySetInnerHTML={{ __html: snippetHtml(h.snippet) }} />}
        </li>
      ))}
    </ol>
  );
}
