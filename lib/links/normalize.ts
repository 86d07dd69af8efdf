// One normal form per bug-tracker URL, so a message that links an issue and the issue page that links back
// meet on the same link_mention.norm_url, however each side spelled the link. Shared by extraction
// (link_mention rows) and the site (backlink lookups).
import { escapeMessageId } from "../mail/url";
import { messageIdFromUrl } from "./resolve";

// Query parameters that only say where a click came from; the same page without them.
const TRACKING_PARAMS = /^(utm_[a-z]+|fbclid|gclid|mc_[a-z]+)$/i;

// Bugzillas that also answer to a short form: gcc.gnu.org/PR12345, bugzilla.kernel.org/12345.
const BUGZILLA_SHORT: { host: string; pattern: RegExp; showBug: string }[] = [
  { host: "gcc.gnu.org", pattern: /^\/(?:PR|pr|bugzilla\/)(\d+)$/, showBug: "/bugzilla/show_bug.cgi" },
  { host: "sourceware.org", pattern: /^\/PR(\d+)$/, showBug: "/bugzilla/show_bug.cgi" },
  { host: "bugzilla.kernel.org", pattern: /^\/(\d+)$/, showBug: "/show_bug.cgi" },
  { host: "bugs.llvm.org", pattern: /^\/(\d+)$/, showBug: "/show_bug.cgi" },
];

// github.com/<owner>/<repo>/<kind>/<n>[/<tab>]: a tab (files, commits, checks, …) is the same issue or PR.
const GITHUB_NUMBERED = /^\/([^/]+)\/([^/]+)\/(issues|pull|discussions)\/(\d+)(?:\/.*)?$/;
// Owner and repository names are case-insensitive on GitHub; paths below them are not.
const GITHUB_REPO = /^\/([^/]+)\/([^/]+)(\/.*)?$/;

// Prose around a pasted link ("(see https://…)", "https://….") leaves these at the end.
const TRAILING_PROSE = /[.,;:!?)\]>'"]+$/;

/**
 * The normal form of a tracker (or any http) URL: https, lower-case host without "www." and default port,
 * no fragment (#issuecomment-…, #c12), no tracking parameters, no trailing slash; GitHub owner/repo
 * lower-cased and issue or PR sub-pages folded into the issue or PR (issues/N and pull/N stay distinct);
 * Bugzilla short forms spelled as show_bug.cgi?id=N; a message on lore.kernel.org, lkml.kernel.org/r or
 * msgid.link as https://lore.kernel.org/r/<Message-ID> (escaped as lore does), whatever list, view or anchor
 * the link had, and on other public-inbox hosts as https://<host>/<list>/<Message-ID>.
 * Returns the input trimmed when it is not an http URL.
 */
export function normalizeTrackerUrl(input: string): string {
  const text = input.trim().replace(/^<(.*)>$/, "$1").replace(TRAILING_PROSE, "");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return text;
  const host = url.hostname.replace(/^www\./, "");
  let path = url.pathname.replace(/\/{2,}/g, "/");
  if (path.length > 1) path = path.replace(/\/+$/, "");
  const message = messageIdFromUrl(text);
  if (message.messageId !== null) {
    if (message.archive === "lkml.kernel.org" || message.archive === "msgid.link" || (message.archive === "public-inbox" && host === "lore.kernel.org")) {
      return `https://lore.kernel.org/r/${escapeMessageId(message.messageId)}`;
    }
    if (message.archive === "public-inbox" && message.list !== null && !url.pathname.startsWith("/lore/")) {
      return `https://${host}/${message.list}/${escapeMessageId(message.messageId)}`;
    }
  }
  const params = [...url.searchParams].filter(([k]) => !TRACKING_PARAMS.test(k));

  if (host === "github.com") {
    const numbered = GITHUB_NUMBERED.exec(path);
    if (numbered) {
      const [, owner, repo, kind, n] = numbered;
      return `https://github.com/${owner.toLowerCase()}/${repo.toLowerCase()}/${kind}/${n}`;
    }
    const repo = GITHUB_REPO.exec(path);
    if (repo) path = `/${repo[1].toLowerCase()}/${repo[2].toLowerCase()}${repo[3] ?? ""}`;
  }

  for (const short of BUGZILLA_SHORT) {
    const m = host === short.host && params.length === 0 ? short.pattern.exec(path) : null;
    if (m) return `https://${host}${short.showBug}?id=${m[1]}`;
  }
  // show_bug.cgi carries other parameters (ctype, format) that show the same bug differently.
  if (path.endsWith("/show_bug.cgi")) {
    const id = params.find(([k]) => k === "id");
    if (id) return `https://${host}${path}?id=${id[1].trim()}`;
  }

  const query = params.length ? "?" + new URLSearchParams(params).toString() : "";
  return `https://${host}${url.port && !isDefaultPort(url) ? ":" + url.port : ""}${path === "/" && query === "" ? "" : path}${query}`;
}

function isDefaultPort(url: URL): boolean {
  return url.port === "" || url.port === "80" || url.port === "443";
}
