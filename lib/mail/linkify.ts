// Turns the URLs in plain mail text into links, without ever interpreting the text as markup.
import type { ElementContent } from "hast";

// Stops at whitespace and at characters that cannot appear unescaped in a URL written in mail.
const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`\u0000-\u001f\u007f]+/giu;
// Sentence punctuation after a URL ("see https://x.org/a.") belongs to the sentence.
const TRAILING_PUNCTUATION = /[.,;:!?*_]+$/u;
const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

/** Drops a closing bracket the URL does not open itself: "(see https://x/y)" links "https://x/y". */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING_PUNCTUATION, "");
    const last = url.at(-1);
    if (last && last in CLOSERS) {
      const open = CLOSERS[last];
      const opens = url.split(open).length - 1;
      const closes = url.split(last).length - 1;
      if (closes > opens) url = url.slice(0, -1);
    }
    if (url === before) return url;
  }
}

/** The URL as an href when it is a well-formed http(s) URL; null otherwise (it then stays text). */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return parsed.href;
  } catch {
    return null;
  }
}

/** Text and link nodes for a run of mail text: http(s) URLs become rel=nofollow links, the rest stays text. */
export function linkify(text: string): ElementContent[] {
  const out: ElementContent[] = [];
  let from = 0;
  for (const m of text.matchAll(URL_CANDIDATE)) {
    const url = trimUrl(m[0]);
    const href = safeHref(url);
    if (!href || url.length <= "https://".length) continue;
    const at = m.index;
    if (at > from) out.push({ type: "text", value: text.slice(from, at) });
    out.push({
      type: "element",
      tagName: "a",
      properties: { href, rel: ["nofollow", "noopener"], className: ["url"] },
      children: [{ type: "text", value: url }],
    });
    from = at + url.length;
  }
  if (from < text.length) out.push({ type: "text", value: text.slice(from) });
  return out;
}
