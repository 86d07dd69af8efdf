// Pieces both search backends share: paging, the terms that drive ranking, and HTML-safe snippets.
import type { QueryNode } from "./query";
import type { SearchRequest } from "./types";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
// Deep pages cost a sort over every match; nobody reads page 500 of a mailing-list search.
export const MAX_OFFSET = 10_000;

/** Page and page size from a request, clamped to sane values whatever the caller passed. */
export function pageOf(req: SearchRequest): { page: number; pageSize: number; offset: number } {
  const size = Number.isFinite(req.pageSize) ? Math.trunc(req.pageSize!) : DEFAULT_PAGE_SIZE;
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, size));
  const p = Number.isFinite(req.page) ? Math.trunc(req.page!) : 1;
  const page = Math.min(Math.max(1, p), Math.floor(MAX_OFFSET / pageSize) + 1);
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** Text terms that a matching message may contain: not under an odd number of NOTs. */
export function positiveTerms(node: QueryNode, negated = false): Extract<QueryNode, { kind: "text" }>[] {
  switch (node.kind) {
    case "text":
      return negated ? [] : [node];
    case "not":
      return positiveTerms(node.child, !negated);
    case "and":
    case "or":
      return node.children.flatMap((c) => positiveTerms(c, negated));
    default:
      return [];
  }
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

// Private-use characters mark matches inside a backend's snippet until the text is escaped; real mail
// text that happens to contain them cannot open an unbalanced <mark>, see markedToHtml.
export const MARK_OPEN = "\uE000";
export const MARK_CLOSE = "\uE001";

/** A snippet with matches between MARK_OPEN/MARK_CLOSE → escaped HTML with balanced <mark> elements. */
export function markedToHtml(marked: string): string {
  let out = "";
  let open = false;
  for (const part of collapseSpace(marked).split(/([\uE000\uE001])/)) {
    if (part === MARK_OPEN) {
      if (!open) out += "<mark>";
      open = true;
    } else if (part === MARK_CLOSE) {
      if (open) out += "</mark>";
      open = false;
    } else {
      out += escapeHtml(part);
    }
  }
  return open ? out + "</mark>" : out;
}

function collapseSpace(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

const PLAIN_SNIPPET_CHARS = 240;

/** The opening of a body, for hits that matched by filters alone: quoted lines skipped, whitespace folded. */
export function plainSnippet(body: string): string {
  const lines = body.split("\n").filter((l) => !/^\s*>/.test(l) && l.trim() !== "");
  const text = collapseSpace(lines.join(" ")).replace(/[\uE000\uE001]/g, "");
  return text.length > PLAIN_SNIPPET_CHARS ? text.slice(0, PLAIN_SNIPPET_CHARS).replace(/\s+\S*$/, "") + "…" : text;
}
