// Bug-tracker and list-archive links in a message's own text, with a normalized URL and the Message-ID they point to.
// The normal form is lib/links/normalize.ts's, the one the site's backlink lookups use too.
import { normalizeTrackerUrl } from "../../lib/links/normalize";
import { messageIdFromUrl } from "../../lib/links/resolve";
import type { LinkRef } from "./types";
import type { ExtractContext } from "./context";
import { matches } from "./matches";

const URL_RE = /\bhttps?:\/\/[^\s<>"'`\]\[{}|\\^]{1,2000}/g;
// owner/repo#123 for the trackers the community writes that way
const GITHUB_SHORT = /(?<![\w/.-])(ClangBuiltLinux\/linux|llvm\/llvm-project|Rust-for-Linux\/linux|KSPP\/linux|rust-lang\/rust)#(\d{1,7})\b/g;

/**
 * Whether `text` may hold an owner/repo#N reference: a "#" right after one of the repositories' names and before a
 * digit. Found from the "#"s (a few per block, even in diffs of C) rather than by a regex, which for an
 * alternation like this one reads every character; this was a quarter of the extractor's time.
 */
function mayHoldShortRef(text: string): boolean {
  for (let at = text.indexOf("#"); at !== -1; at = text.indexOf("#", at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (next >= 0x30 && next <= 0x39 && (text.endsWith("linux", at) || text.endsWith("llvm-project", at) || text.endsWith("rust", at))) return true;
  }
  return false;
}

const BUG_PATTERNS: RegExp[] = [
  /^github\.com\/[^/]+\/[^/]+\/(?:issues|pull)\/\d+/,
  /^gitlab\.[^/]+\/.+\/-\/issues\/\d+/,
  /show_bug\.cgi\?id=\w+/, // bugzilla.kernel.org, gcc.gnu.org/bugzilla, bugs.llvm.org, sourceware.org/bugzilla, …
  /^gcc\.gnu\.org\/(?:PR|pr)\d+/,
  /^gcc\.gnu\.org\/bugzilla\/\d+/,
  /^llvm\.org\/(?:PR|pr)\d+/,
  /^syzkaller\.appspot\.com\/bug\?(?:ext)?id=/,
  /^bugs\.chromium\.org\/p\/[^/]+\/issues\/detail\?id=\d+/,
  /^issuetracker\.google\.com\/issues\/\d+/,
  /^bugs\.launchpad\.net\/.+\/\+bug\/\d+/,
  /^bugs\.debian\.org\/\d+/,
  /^bugs\.debian\.org\/cgi-bin\/bugreport\.cgi\?bug=\d+/,
];

const LIST_HOSTS = /^(?:lore\.kernel\.org|lkml\.kernel\.org|msgid\.link|patch\.msgid\.link|marc\.info|lkml\.org|patchwork\.kernel\.org|lists\.linux\.dev|lists\.infradead\.org|lists\.ozlabs\.org|inbox\.sourceware\.org|sourceware\.org\/pipermail|gcc\.gnu\.org\/pipermail|lists\.llvm\.org|groups\.google\.com)/;

// Pages of a list archive that are not one message: the list's home page, search, Atom feeds.
function isArchiveMessage(host: string, path: string, search: string): boolean {
  const segs = path.split("/").filter(Boolean);
  switch (host) {
    case "lore.kernel.org":
    case "lkml.kernel.org":
      return segs.some((s) => decodeSafe(s).includes("@")) || (segs[0] === "r" && segs.length >= 2);
    case "msgid.link":
    case "patch.msgid.link":
      return segs.length >= 1;
    case "marc.info":
      return /[?&]m=/.test(search);
    case "lkml.org":
      return /^\/lkml\/\d{4}\/\d{1,2}\/\d{1,2}\/\d+/.test(path);
    case "patchwork.kernel.org":
      return /\/(?:patch|project\/[^/]+\/patch|cover|series)\/\d+|\/patch\/[^/]+@/.test(path);
    case "groups.google.com":
      return /\/(?:c|d\/msg|g\/[^/]+\/c)\//.test(path) && !/\/d\/msgid\//.test(path);
    default:
      return /\/pipermail\/[^/]+\/\d{4}-\w+\/\d+\.html/.test(path) || segs.some((s) => decodeSafe(s).includes("@"));
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The Message-ID a list-archive URL points to, when it carries one (lore, lkml.kernel.org/r, msgid.link, …). */
export function linkMessageId(url: string): string | null {
  return messageIdFromUrl(url).messageId;
}

function trimUrl(raw: string): string {
  let url = raw.replace(/[.,;:!?'"]+$/, "");
  // a closing parenthesis belongs to the URL only when it opened one
  while (url.endsWith(")") && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) url = url.slice(0, -1).replace(/[.,;:!?]+$/, "");
  while (url.endsWith(">")) url = url.slice(0, -1);
  return url;
}

/** Link kind: "bug" for a tracker entry, "list" for an archived message; null for anything else. */
export function linkKind(url: string): "bug" | "list" | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, "");
  const hostPath = `${host}${u.pathname}${u.search}`;
  if (host === "reviews.llvm.org") return null; // code review, neither tracker nor archive
  if (BUG_PATTERNS.some((re) => re.test(hostPath))) return "bug";
  if (LIST_HOSTS.test(hostPath) && isArchiveMessage(host, u.pathname, u.search)) return "list";
  return null;
}

export function extractLinks(ctx: ExtractContext): LinkRef[] {
  const out: LinkRef[] = [];
  const seen = new Set<string>();
  const add = (url: string) => {
    const kind = linkKind(url);
    if (!kind) return;
    const normUrl = normalizeTrackerUrl(url);
    if (seen.has(normUrl)) return;
    seen.add(normUrl);
    const ref: LinkRef = { url, normUrl, kind };
    const mid = kind === "list" ? linkMessageId(url) : null;
    if (mid) ref.messageId = mid;
    out.push(ref);
  };
  for (const { text } of ctx.own) {
    if (text.includes("http")) for (const m of matches(URL_RE, text)) add(trimUrl(m[0]));
    if (mayHoldShortRef(text)) for (const m of matches(GITHUB_SHORT, text)) add(`https://github.com/${m[1]}/issues/${m[2]}`);
  }
  return out;
}
