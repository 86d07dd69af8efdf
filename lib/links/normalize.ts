// One normal form per bug-tracker URL, so a message that links an issue and the issue page that links back
// meet on the same link_mention.norm_url, however each side spelled the link. Shared by extraction
// (link_mention rows) and the site (backlink lookups).
import { escapeMessageId } from "../mail/url";
import { messageIdFromUrl } from "./resolve";

// Query parameters that only say where a click came from; the same page without them.
const TRACKING_PARAMS = /^(utm_[a-z]+|fbclid|gclid|mc_[a-z]+)$/i;

// Bugzillas that also answer to a short form: gcc.gnu.org/PR12345, bugzilla.kernel.org/12345, llvm.org/PR123
// (which redirects to bugs.llvm.org, so both spellings are one bug).
const BUGZILLA_SHORT: { host: string; pattern: RegExp; showBugUrl: string }[] = [
  { host: "gcc.gnu.org", pattern: /^\/(?:PR|pr|bugzilla\/)(\d+)$/, showBugUrl: "gcc.gnu.org/bugzilla/show_bug.cgi" },
  { host: "sourceware.org", pattern: /^\/PR(\d+)$/, showBugUrl: "sourceware.org/bugzilla/show_bug.cgi" },
  { host: "bugzilla.kernel.org", pattern: /^\/(\d+)$/, showBugUrl: "bugzilla.kernel.org/show_bug.cgi" },
  { host: "bugs.llvm.org", pattern: /^\/(\d+)$/, showBugUrl: "bugs.llvm.org/show_bug.cgi" },
  { host: "llvm.org", pattern: /^\/(?:PR|pr)(\d+)$/, showBugUrl: "bugs.llvm.org/show_bug.cgi" },
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
    if (m) return `https://${short.showBugUrl}?id=${m[1]}`;
  }
  // show_bug.cgi carries other parameters (ctype, format) that show the same bug differently.
  if (path.endsWith("/show_bug.cgi")) {
    const id = params.find(([k]) => k === "id");
    if (id) return `https://${host}${path}?id=${id[1].trim().replace(/\/+$/, "")}`;
  }

  const query = params.length ? "?" + new URLSearchParams(params).toString() : "";
  return `https://${host}${url.port && !isDefaultPort(url) ? ":" + url.port : ""}${path === "/" && query === "" ? "" : path}${query}`;
}

function isDefaultPort(url: URL): boolean {
  return url.port === "" || url.port === "80" || url.port === "443";
}

// owner/repo#123, GitHub's own shorthand for an issue or pull request.
const GITHUB_SHORTHAND = /^([A-Za-z0-9][\w.-]*)\/([\w.-]+)#(\d{1,9})$/;
// "github.com/…", "bugs.llvm.org/…": a link pasted without its scheme.
const SCHEMELESS = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?\//i;

/** https://github.com/<owner>/<repo>/issues/<n> for "owner/repo#n" (GitHub redirects it to the PR when it is one). */
export function githubShorthandUrl(text: string): string | null {
  const m = GITHUB_SHORTHAND.exec(text.trim());
  return m ? `https://github.com/${m[1]}/${m[2]}/issues/${m[3]}` : null;
}

/**
 * What a person asking "which threads mention …?" typed, as the normal form link_mention.norm_url holds:
 * a tracker URL (with or without http(s)://) or GitHub shorthand owner/repo#N. Null when it is neither.
 */
export function normalizeLinkQuery(input: string): string | null {
  const text = input.trim();
  if (text === "") return null;
  const url = githubShorthandUrl(text) ?? (SCHEMELESS.test(text) ? `https://${text}` : text);
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    new URL(url);
  } catch {
    return null;
  }
  return normalizeTrackerUrl(url);
}
