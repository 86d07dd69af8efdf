// Atom 1.0 (RFC 4287) feeds of messages, shaped like public-inbox's: one entry per message, the text in an
// XHTML <pre> so line structure survives feed readers, threading through RFC 4685 thr:in-reply-to.
import { escapeMessageId } from "../mail/url";
import { xmlEscape } from "./xml";

export interface AtomAuthor {
  name: string;
  email?: string | null;
}

export interface AtomEntry {
  /** Permanent and unique: messageEntryId() or a tagUri(). */
  id: string;
  title: string;
  updated: Date | null;
  published?: Date | null;
  author: AtomAuthor;
  /** The message page. */
  link: string;
  /** The parent message, for readers that thread (thr:in-reply-to). */
  inReplyTo?: { ref: string; href?: string } | null;
  /** "text": plain content; "xhtml-pre": the text in a <pre> inside an XHTML div, as public-inbox does. */
  content: { type: "text" | "xhtml-pre"; text: string };
}

export interface AtomFeedInput {
  id: string;
  title: string;
  subtitle?: string;
  /** Defaults to the newest entry's date. */
  updated?: Date | null;
  selfUrl: string;
  alternateUrl: string;
  entries: AtomEntry[];
}

// A feed must carry a date; a message without a usable one is dated at the epoch rather than invented as "now",
// which would make it jump to the top of every reader on every fetch.
const EPOCH = "1970-01-01T00:00:00Z";

/** RFC 3339 date-time in UTC. */
export function rfc3339(d: Date | null | undefined): string {
  return d && !Number.isNaN(d.getTime()) ? d.toISOString().replace(/\.000Z$/, "Z") : EPOCH;
}

/** RFC 4151 tag URI: "tag:example.org,2024-01-02:<specific>", for ids of pages that are not one message. */
export function tagUri(authority: string, date: Date, specific: string): string {
  return `tag:${authority},${rfc3339(date).slice(0, 10)}:${encodeURI(specific)}`;
}

/** The lore-compatible URL of a message, used as its entry id: the same message keeps the same id everywhere. */
export function messageEntryId(base: string, messageId: string): string {
  return `${base.replace(/\/+$/, "")}/all/${escapeMessageId(messageId)}/`;
}

function element(name: string, text: string, attrs = ""): string {
  return `<${name}${attrs}>${xmlEscape(text)}</${name}>`;
}

function entryXml(e: AtomEntry): string {
  const parts = [
    "<entry>",
    `<author>${element("name", e.author.name || e.author.email || "unknown")}${e.author.email ? element("email", e.author.email) : ""}</author>`,
    element("title", e.title, ' type="text"'),
    element("updated", rfc3339(e.updated)),
  ];
  if (e.published) parts.push(element("published", rfc3339(e.published)));
  parts.push(`<link rel="alternate" type="text/html" href="${xmlEscape(e.link)}"/>`, element("id", e.id));
  if (e.inReplyTo) {
    const href = e.inReplyTo.href ? ` href="${xmlEscape(e.inReplyTo.href)}"` : "";
    parts.push(`<thr:in-reply-to ref="${xmlEscape(e.inReplyTo.ref)}"${href}/>`);
  }
  if (e.content.type === "text") parts.push(element("content", e.content.text, ' type="text"'));
  else {
    parts.push(
      `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><pre style="white-space:pre-wrap">${xmlEscape(e.content.text)}</pre></div></content>`,
    );
  }
  parts.push("</entry>");
  return parts.join("");
}

/** The feed document, UTF-8, XML 1.0. */
export function atomFeed(feed: AtomFeedInput): string {
  const newest = feed.entries.reduce<Date | null>((max, e) => (e.updated && !Number.isNaN(e.updated.getTime()) && (!max || e.updated > max) ? e.updated : max), null);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">',
    element("title", feed.title, ' type="text"'),
    feed.subtitle ? element("subtitle", feed.subtitle, ' type="text"') : "",
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(feed.alternateUrl)}"/>`,
    element("id", feed.id),
    element("updated", rfc3339(feed.updated ?? newest)),
    ...feed.entries.map(entryXml),
    "</feed>\n",
  ].join("");
}
