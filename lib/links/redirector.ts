// What proxy.ts answers before any page runs, for the two requests whose HTTP status a page cannot set:
// /go?url=<link> (302 to the message, or 300 / 400 / 404 pages) and a message path that names no Message-ID
// exactly but starts one (302 to the only match, or a 300 choice page at the same address).
import { parseMessagePath } from "../mail/url";
import type { MessageLookup } from "../queries/message-lookup";
import { goOutcome, messageTarget, type PageView } from "./go";
import { MIN_PARTIAL_LEN } from "./partial-mid";

export type ProxyAnswer =
  | { action: "next" }
  | { action: "redirect"; location: string }
  /** Render the page this address names, answering with `status` (400 or 404 on /go). */
  | { action: "status"; status: number }
  /** Render the choice page for `query` (see choicesQuery) at this address, with HTTP 300. */
  | { action: "choices"; query: string };

/**
 * The request header that carries a choice page's query from proxy.ts to next.config.ts, whose rewrite sends a
 * request bearing it to /go/choices. A rewrite returned by the proxy itself would do, but Next.js 16 treats it as
 * an external URL (and proxies to it, losing the status) whenever `next start -H <address>` is used.
 */
export const CHOICES_HEADER = "x-crosslore-choices";

// Path prefixes that stand for "any list", as on lore.
const ANY_LIST = new Set(["r", "all"]);
// Downloads under a message's address (next.config.ts rewrites them): never a fragment to complete.
const DOWNLOAD_SUFFIX = new Set(["raw", "t.mbox.gz"]);

/** The query of the page that lists the messages a Message-ID fragment could mean: "mid=…&view=…". */
export function choicesQuery(fragment: string, view: PageView): string {
  return new URLSearchParams({ mid: fragment, view }).toString();
}

/** The answer for GET /go?url=…; "next" when there is no url parameter at all (the form). */
export function goAnswer(lookup: MessageLookup, search: URLSearchParams): ProxyAnswer {
  if (!search.has("url")) return { action: "next" };
  const outcome = goOutcome(lookup, search.get("url"));
  switch (outcome.kind) {
    case "redirect":
      return { action: "redirect", location: outcome.location };
    case "choices":
      return { action: "choices", query: choicesQuery(outcome.fragment, outcome.view) };
    case "not-in-archive":
      return { action: "status", status: 404 };
    case "bad-request":
      return { action: "status", status: 400 };
  }
}

/**
 * The answer for a path that may be /<list>/<Message-ID>/[T/|t/]: "next" for every other path and for any
 * Message-ID that exists exactly (the page shows it), else the partial match. `pathname` is as the client sent it.
 */
export function messagePathAnswer(lookup: MessageLookup, pathname: string): ProxyAnswer {
  const segments = pathname.split("/").filter((s) => s !== "");
  // "/<list>/<id>" needs two segments, and fragments shorter than the minimum are never tried.
  if (segments.length < 2 || pathname.length < MIN_PARTIAL_LEN + 3) return { action: "next" };
  const list = segments[0];
  if (DOWNLOAD_SUFFIX.has(segments.at(-1)!)) return { action: "next" };
  if (!ANY_LIST.has(list) && !lookup.listNames().has(safeDecode(list))) return { action: "next" };
  const parsed = parseMessagePath(segments.slice(1));
  if (!parsed || parsed.mid.length < MIN_PARTIAL_LEN || lookup.exists(parsed.mid)) return { action: "next" };
  const target = messageTarget(lookup, parsed.mid, parsed.view);
  if (target.kind === "redirect") return { action: "redirect", location: target.location };
  if (target.kind === "choices") return { action: "choices", query: choicesQuery(parsed.mid, parsed.view) };
  return { action: "next" };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
