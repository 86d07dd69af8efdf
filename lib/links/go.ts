// Where /go?url=<link> and a lore-style message path lead: the message here (with the view and anchor the link
// had), a choice among messages whose Message-ID starts with a pasted fragment, or why the link leads nowhere.
import { cleanMessageId } from "../mail/msgid";
import { messageUrl, type MessageView } from "../mail/url";
import type { PartialMatch } from "./partial-mid";
import { linkText, messageIdFromUrl, type UnresolvedCause } from "./resolve";
import type { MessageLookup } from "../queries/message-lookup";
import { partialMatch } from "../queries/message-lookup";

export type PageView = Extract<MessageView, "message" | "thread" | "nested">;

export type NotInArchiveCause = Exclude<UnresolvedCause, "not-a-url"> | "not-ingested";

export type GoOutcome =
  /** 302 to `location` (a path here, with the link's anchor). */
  | { kind: "redirect"; location: string }
  /** HTTP 300: several messages start with `fragment`. */
  | { kind: "choices"; fragment: string; view: PageView; messageIds: string[]; truncated: boolean }
  /** HTTP 404: a link that names no message in this archive, and why. */
  | { kind: "not-in-archive"; url: string; cause: NotInArchiveCause; reason: string; messageId: string | null }
  /** HTTP 400: no link, or text that is not an http(s) URL. */
  | { kind: "bad-request"; reason: string };

// A bare Message-ID pasted instead of a link: "<id@host>" or "id@host", one token ("/" allowed), no scheme.
const BARE_MESSAGE_ID = /^<?[^\s<>@]+@[^\s<>]+>?$/;

// lore's in-page anchors worth keeping: "#m<id>" (a message in a thread) and "#r<id>" (a reply). "#u", "#t" and
// "#Z…" only mark lore's own navigation.
const KEPT_ANCHOR = /^#[mr][^\s#]+$/;

/** The page view a lore link asks for: /T/ is the flat thread, /t/ the nested one. */
export function viewOfLink(url: URL): PageView {
  const segments = url.pathname.split("/").filter((s) => s !== "");
  const last = segments.at(-1);
  return last === "T" ? "thread" : last === "t" ? "nested" : "message";
}

export type MessageTarget =
  /** The message's page here (its own list, the view asked for, the anchor kept). */
  | { kind: "redirect"; location: string }
  | Exclude<PartialMatch, { kind: "redirect" }>;

/** Where a full or partial Message-ID leads among the messages here, as a message path would. */
export function messageTarget(lookup: MessageLookup, mid: string, view: PageView, anchor = ""): MessageTarget {
  const home = lookup.homeList(mid);
  if (home !== null) return { kind: "redirect", location: messageUrl(home, mid, view) + anchor };
  const match = partialMatch(lookup, mid);
  if (match.kind !== "redirect") return match;
  return { kind: "redirect", location: messageUrl(lookup.homeList(match.messageId) ?? "all", match.messageId, view) + anchor };
}

/** The outcome for the `url` parameter of /go (null when absent): an archive link, or a bare Message-ID. */
export function goOutcome(lookup: MessageLookup, input: string | null): GoOutcome {
  const text = input?.trim() ?? "";
  if (text === "") return { kind: "bad-request", reason: "No link given: pass one as /go?url=<link>." };
  if (BARE_MESSAGE_ID.test(text) && !text.includes("://")) return messageOutcome(lookup, cleanMessageId(text), text, "message", "");
  const resolved = messageIdFromUrl(text);
  if (resolved.messageId === null) {
    if (resolved.cause === "not-a-url") return { kind: "bad-request", reason: resolved.reason };
    return { kind: "not-in-archive", url: text, cause: resolved.cause, reason: resolved.reason, messageId: null };
  }
  const url = new URL(linkText(text));
  const view = viewOfLink(url);
  const anchor = KEPT_ANCHOR.test(url.hash) ? url.hash : "";
  return messageOutcome(lookup, resolved.messageId, text, view, anchor);
}

function messageOutcome(lookup: MessageLookup, mid: string, text: string, view: PageView, anchor: string): GoOutcome {
  const target = messageTarget(lookup, mid, view, anchor);
  if (target.kind === "redirect") return target;
  if (target.kind === "choices") return { kind: "choices", fragment: mid, view, messageIds: target.messageIds, truncated: target.truncated };
  return {
    kind: "not-in-archive",
    url: text,
    cause: "not-ingested",
    reason: `<${mid}> is not in this archive${lookup.exists(mid) ? " (messages here refer to it, but the message itself was not archived)" : ""}.`,
    messageId: mid,
  };
}
