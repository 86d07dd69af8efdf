// lore-compatible URLs for messages and threads, and the way back from a request path to a Message-ID.

// public-inbox's mid_escape keeps RFC 3986 pchar characters as they are and percent-encodes the rest,
// so "/" (%2F), "%" (%25), "#" and "?" in a Message-ID never split or cut the URL.
const UNSAFE_IN_SEGMENT = /[^A-Za-z0-9\-._~!$&'()*+,;=:@]/gu;

/** A Message-ID as one URL path segment, escaped the way lore escapes it. */
export function escapeMessageId(mid: string): string {
  return mid.replace(UNSAFE_IN_SEGMENT, (c) => encodeURIComponent(c));
}

export type MessageView = "message" | "thread" | "nested" | "raw" | "mbox";

const VIEW_SUFFIX: Record<MessageView, string> = {
  message: "/",
  thread: "/T/",
  nested: "/t/",
  raw: "/raw",
  mbox: "/t.mbox.gz",
};

/** "/linux-kbuild/<escaped id>/T/" and friends. */
export function messageUrl(list: string, mid: string, view: MessageView = "message"): string {
  return `/${encodeURIComponent(list)}/${escapeMessageId(mid)}${VIEW_SUFFIX[view]}`;
}

/** lore's anchor for a message inside a thread page: "m" + id_compress(mid), without the "#". */
export function messageAnchorId(anchor: string): string {
  return `m${anchor}`;
}

/**
 * The Message-ID that path segments spell, whether its "/" came escaped (%2F, one segment) or raw
 * (several segments). Each segment is percent-decoded once; null when a segment is not valid
 * percent-encoding, so the caller can answer 404 instead of failing.
 */
export function messageIdFromSegments(segments: string[]): string | null {
  if (segments.length === 0) return null;
  try {
    const mid = segments.map((s) => decodeURIComponent(s)).join("/");
    return mid.trim() === "" ? null : mid;
  } catch {
    return null;
  }
}

export type ParsedMessagePath = { mid: string; view: Exclude<MessageView, "raw" | "mbox"> };

/**
 * Splits the segments after "/<list>/" into the Message-ID and the view: a trailing "T" is the flat
 * thread, "t" the nested one, anything else the message itself (an id never ends in a bare "T" segment
 * on lore either, which resolves the same ambiguity the same way).
 */
export function parseMessagePath(segments: string[]): ParsedMessagePath | null {
  const last = segments.at(-1);
  const view = last === "T" ? "thread" : last === "t" ? "nested" : "message";
  const mid = messageIdFromSegments(view === "message" ? segments : segments.slice(0, -1));
  return mid === null ? null : { mid, view };
}

/**
 * The Message-ID in a request path between a known prefix and suffix, read from the address as the
 * client sent it (so "%2F" and a raw "/" both work): messageIdInPath("/api/message/a%2Fb@x", "/api/message/")
 * is "a/b@x". A trailing "/" is ignored. null when the path does not have that shape or decodes to nothing.
 */
export function messageIdInPath(pathname: string, prefix: string, suffix = ""): string | null {
  if (!pathname.startsWith(prefix)) return null;
  let rest = pathname.slice(prefix.length);
  if (suffix) {
    if (!rest.endsWith(suffix)) return null;
    rest = rest.slice(0, -suffix.length);
  }
  return messageIdFromSegments(rest.split("/").filter((s) => s !== ""));
}

/** The Message-ID in "/<list>/<msgid>/raw"-style paths: everything between the list and `suffix`. */
export function messageIdBeforeSuffix(pathname: string, suffix: string): string | null {
  const slash = pathname.indexOf("/", 1);
  if (!pathname.startsWith("/") || slash === -1) return null;
  return messageIdInPath(pathname, pathname.slice(0, slash + 1), suffix);
}
