// Finds the Message-ID inside a link to a mail archive (lore and other public-inbox hosts, lkml.kernel.org/r,
// msgid.link, patchwork, marc.info, mail-archive.com), so a link pasted into a bug tracker opens the thread here.
import { cleanMessageId } from "../mail/msgid";

export type ArchiveKind = "public-inbox" | "lkml.kernel.org" | "msgid.link" | "patchwork" | "marc.info" | "mail-archive";

export type MessageIdFromUrl =
  | { messageId: string; list: string | null; archive: ArchiveKind }
  | { messageId: null; reason: string; cause: UnresolvedCause };

/** Why a link gave no Message-ID: not an http(s) URL at all, a host that is no mail archive, or an archive page without one. */
export type UnresolvedCause = "not-a-url" | "unknown-host" | "no-message-id";

// public-inbox hosts that live below a path rather than at the root of their own host.
const PREFIXED_INBOX_HOSTS: Record<string, string> = {
  "yhbt.net": "lore",
};
// Hosts that serve public-inbox at the root but are not named lore.* or inbox.*.
const ROOT_INBOX_HOSTS = new Set(["public-inbox.org"]);

// Pages of a public-inbox that sit where a Message-ID would and are not messages.
const INBOX_PAGES = new Set(["_", "new.atom", "new.html", "lists.html", "manifest.js.gz", "description", "README"]);

// Prose around a pasted link ("see https://…/.", "(https://…)") leaves these at the end.
const TRAILING_PROSE = /[.,;:!?)\]>'"]+$/;

function fail(reason: string, cause: UnresolvedCause = "no-message-id"): MessageIdFromUrl {
  return { messageId: null, reason, cause };
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function found(raw: string, list: string | null, archive: ArchiveKind, url: string): MessageIdFromUrl {
  if (/[\s\x00-\x1f\x7f]/.test(raw.trim())) return fail(`${url}: Message-ID contains whitespace or control characters`);
  const mid = cleanMessageId(raw);
  if (!mid) return fail(`${url}: no usable Message-ID`);
  return { messageId: mid, list, archive };
}

function isInboxHost(host: string): boolean {
  return host === "lore.kernel.org" || host.startsWith("lore.") || host.startsWith("inbox.") || ROOT_INBOX_HOSTS.has(host);
}

function fromInboxPath(segments: string[], url: string): MessageIdFromUrl {
  const [first, second] = segments;
  if (first === undefined || first === "") return fail(`${url}: archive front page, no message`);
  if (first === "patchwork") return fail(`${url}: lore patchwork link by number, it carries no Message-ID`);
  if (INBOX_PAGES.has(first)) return fail(`${url}: archive page, not a message`);
  // lore accepts /<mid>/ at the root and redirects it to the message in whichever inbox holds it.
  if (first.includes("@")) return found(first, null, "public-inbox", url);
  if (second === undefined || second === "") return fail(`${url}: list page of "${first}", no message`);
  if (INBOX_PAGES.has(second)) return fail(`${url}: page of list "${first}", not a message`);
  if (first === "r" || first === "all") return found(second, null, "public-inbox", url);
  return found(second, first, "public-inbox", url);
}

/** A pasted link without the prose around it: surrounding space, <angle brackets>, a closing "." or ")". */
export function linkText(input: string): string {
  return input.trim().replace(/^<(.*)>$/, "$1").replace(TRAILING_PROSE, "");
}

/**
 * The Message-ID a mail-archive URL points at, with the list when the URL names one;
 * otherwise `messageId: null` and a reason naming the URL.
 */
export function messageIdFromUrl(input: string): MessageIdFromUrl {
  const text = linkText(input);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(`${JSON.stringify(input)}: not a URL`, "not-a-url");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return fail(`${text}: not an http(s) URL`, "not-a-url");
  const host = url.hostname.replace(/^www\./, "");
  const decoded = url.pathname.split("/").slice(1).map(decode);
  if (decoded.some((s) => s === null)) return fail(`${text}: malformed percent-escape in the path`);
  const segments = decoded as string[];

  if (host === "lkml.kernel.org") {
    if (segments[0] === "r" && segments[1]) return found(segments[1], null, "lkml.kernel.org", text);
    return fail(`${text}: lkml.kernel.org links carry a Message-ID only as /r/<Message-ID>`);
  }
  if (host === "msgid.link" || host === "patch.msgid.link") {
    const mid = segments[0] === "r" ? segments[1] : segments[0];
    return mid ? found(mid, null, "msgid.link", text) : fail(`${text}: no Message-ID after the host`);
  }
  if (host === "marc.info") {
    const mid = url.searchParams.get("i");
    if (mid) return found(mid, null, "marc.info", text);
    if (url.searchParams.has("m")) return fail(`${text}: marc.info link by archive number (m=), it carries no Message-ID`);
    if (url.searchParams.has("t")) return fail(`${text}: marc.info thread link by number (t=), it carries no Message-ID`);
    return fail(`${text}: marc.info link without ?i=<Message-ID>`);
  }
  if (host === "mail-archive.com") {
    const q = url.searchParams.get("q");
    if (url.pathname === "/search" && url.searchParams.get("l") === "mid" && q) return found(q, null, "mail-archive", text);
    return fail(`${text}: mail-archive.com link by page number, it carries no Message-ID (only /search?l=mid&q= does)`);
  }
  if (host === "mid.mail-archive.com") {
    return segments[0] ? found(segments[0], null, "mail-archive", text) : fail(`${text}: no Message-ID after the host`);
  }
  if (host.startsWith("patchwork.")) {
    // /project/<p>/patch/<mid>/, /project/<p>/cover/<mid>/, and the older /patch/<number>/.
    const at = segments.findIndex((s) => s === "patch" || s === "cover");
    const id = at >= 0 ? segments[at + 1] : undefined;
    if (id && id.includes("@")) return found(id, null, "patchwork", text);
    return fail(`${text}: patchwork link by number, it carries no Message-ID`);
  }
  const prefix = PREFIXED_INBOX_HOSTS[host];
  if (prefix !== undefined) {
    if (segments[0] !== prefix) return fail(`${text}: public-inbox on ${host} lives under /${prefix}/`);
    return fromInboxPath(segments.slice(1), text);
  }
  if (isInboxHost(host)) return fromInboxPath(segments, text);
  return fail(`${text}: ${host} is not a known mail archive`, "unknown-host");
}
