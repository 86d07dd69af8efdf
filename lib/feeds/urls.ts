// Where the feeds and search exports live: beside the page each one follows, as on lore.
import { escapeMessageId } from "../mail/url";

const listPath = (list: string) => `/${encodeURIComponent(list)}/`;

/** /<list>/new.atom, /all/new.atom: the newest messages. */
export function listFeedUrl(list: string): string {
  return `${listPath(list)}new.atom`;
}

/** /<list>/<msgid>/t.atom: the messages of a thread. */
export function threadFeedUrl(list: string, messageId: string): string {
  return `${listPath(list)}${escapeMessageId(messageId)}/t.atom`;
}

function searchWith(q: string, list: string | undefined, x: "A" | "m", sort?: string): string {
  const params = new URLSearchParams({ q, x });
  if (sort && sort !== "relevance") params.set("sort", sort);
  return `${list ? listPath(list) : "/search"}?${params}`;
}

/** A search's newest hits as Atom: /search?q=…&x=A, or /<list>/?q=…&x=A. */
export function searchFeedUrl(q: string, list?: string): string {
  return searchWith(q, list, "A");
}

/**
 * A search's hits as mboxrd.gz: /search?q=…&x=m, or /<list>/?q=…&x=m (what b4 fetches). `sort` keeps the order the
 * page shows (relevance, the default, is left out of the URL).
 */
export function searchMboxUrl(q: string, list?: string, sort?: string): string {
  return searchWith(q, list, "m", sort);
}
