// Atom feeds of mailing-list messages: each entry links to the message's page and carries the start of what
// the author wrote (quotes and signature left out), so a reader shows the news, not the quoted context.
import { segmentBody, ownLines } from "../mail/segment";
import { messageUrl } from "../mail/url";
import { atomFeed, messageEntryId } from "./atom";

/** About a screenful: enough to decide whether to open the message. */
export const LEAD_MAX_CHARS = 2000;
export const LEAD_MAX_LINES = 40;

export interface FeedMessageInput {
  messageId: string;
  subject: string;
  fromName: string;
  fromAddr: string;
  date: Date | null;
  body: string;
  parentId: string | null;
  /** The list its page lives under (the first list it came through), or null for list-less mail. */
  list: string | null;
}

export interface MessageFeedInput {
  /** Site origin, no trailing slash: publicBaseUrl(). */
  base: string;
  title: string;
  subtitle?: string;
  /** Path (with query) the feed is served at. */
  selfPath: string;
  /** Path of the HTML page the feed follows. */
  alternatePath: string;
  messages: FeedMessageInput[];
}

/**
 * The first part of a message's own new text: quoted lines and signature dropped, runs of blank lines folded
 * to one, cut at a line end after LEAD_MAX_LINES lines or LEAD_MAX_CHARS characters, with "[…]" when cut.
 */
export function newTextLead(body: string): string {
  const lines: string[] = [];
  for (const line of ownLines(segmentBody(body.replace(/\r\n/g, "\n")))) {
    const blank = line.trim() === "";
    if (blank && (lines.length === 0 || lines.at(-1) === "")) continue;
    lines.push(blank ? "" : line.trimEnd());
  }
  while (lines.at(-1) === "") lines.pop();
  const out: string[] = [];
  let chars = 0;
  for (const line of lines) {
    if (out.length === LEAD_MAX_LINES || chars + line.length > LEAD_MAX_CHARS) {
      // A single huge first line is still shown in part rather than not at all.
      if (out.length === 0) out.push(line.slice(0, LEAD_MAX_CHARS));
      out.push("[…]");
      break;
    }
    out.push(line);
    chars += line.length + 1;
  }
  return out.join("\n");
}

/** The feed document for messages in the order given (the queries return them newest first). */
export function messageFeed(f: MessageFeedInput): string {
  const page = (list: string | null, mid: string) => `${f.base}${messageUrl(list ?? "all", mid)}`;
  return atomFeed({
    id: `${f.base}${f.selfPath}`,
    title: f.title,
    subtitle: f.subtitle,
    selfUrl: `${f.base}${f.selfPath}`,
    alternateUrl: `${f.base}${f.alternatePath}`,
    entries: f.messages.map((m) => ({
      id: messageEntryId(f.base, m.messageId),
      title: m.subject || "(no subject)",
      updated: m.date,
      author: { name: m.fromName || m.fromAddr, email: m.fromAddr || null },
      link: page(m.list, m.messageId),
      inReplyTo: m.parentId ? { ref: messageEntryId(f.base, m.parentId), href: page(m.list, m.parentId) } : null,
      content: { type: "xhtml-pre", text: newTextLead(m.body) },
    })),
  });
}

/** Headers for a feed response. */
export function atomResponse(xml: string, status = 200): Response {
  return new Response(xml, { status, headers: { "content-type": "application/atom+xml; charset=utf-8" } });
}
