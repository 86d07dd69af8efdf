// Link previews: OpenGraph and Twitter card text for a message page, so a thread pasted into a chat or a bug
// tracker shows its subject, author, date and the first words the author wrote (not what they quoted).
import { segmentBody } from "../mail/segment";

/** About the length chat apps and trackers show before cutting a description. */
export const DESCRIPTION_MAX = 200;

// Lines that are not prose even inside a paragraph block.
const TRAILER = /^[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*:\s+\S/; // Signed-off-by:, Fixes:, Link:, Cc:
const ATTRIBUTION = /(?:wrote|writes|said|schrieb|a écrit|escribió|ha scritto)\s?:\s*$/i;
const DIFFSTAT = /^\s*(?:\S+\s+\|\s+(?:\d+ ?[+-]*|Bin\b.*)|\d+ files? changed\b.*)$/;
const SEPARATOR = /^(?:---|-{3,} ?8<.*|>8.*)\s*$/;

/**
 * The message's first words of new text: paragraphs only (no quotes, attribution lines, trailers, diffs,
 * code, diffstat or signature), whitespace folded, cut at a word boundary to at most `max` characters.
 */
export function newTextExcerpt(body: string, max: number = DESCRIPTION_MAX): string {
  const words: string[] = [];
  let length = 0;
  outer: for (const block of segmentBody(body)) {
    if (block.type !== "paragraph") continue;
    for (const line of block.lines) {
      if (SEPARATOR.test(line)) break outer; // what follows "---" in a patch is notes and the diff
      if (TRAILER.test(line) || ATTRIBUTION.test(line) || DIFFSTAT.test(line)) continue;
      for (const w of line.split(/\s+/)) {
        if (!w) continue;
        words.push(w);
        length += w.length + 1;
        if (length > max + 1) break outer;
      }
    }
  }
  return cutAtWord(words.join(" "), max);
}

/** `text` shortened to at most `max` characters at a word boundary, with "…" when cut. */
export function cutAtWord(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const room = t.slice(0, max); // "…" takes the place of the space before the cut
  const space = room.lastIndexOf(" ");
  return (space > max / 2 ? room.slice(0, space) : room.slice(0, max - 1)).replace(/[\s,;:.-]+$/, "") + "…";
}

export interface PreviewInput {
  subject: string;
  authorName: string; // display name, or the address when there is none
  date: Date | null;
  body: string;
  /** Absolute URL of the message page. */
  url: string;
  siteName: string;
}

/** The shape Next.js's Metadata takes for title, description, openGraph and twitter. */
export interface PreviewMeta {
  title: string;
  description: string;
  openGraph: { type: "article"; title: string; description: string; url: string; siteName: string; publishedTime?: string; authors: string[] };
  twitter: { card: "summary"; title: string; description: string };
}

/** Title and description for a message page's meta tags. */
export function previewMeta(input: PreviewInput): PreviewMeta {
  const title = cutAtWord(input.subject || "(no subject)", 120);
  const day = input.date && !Number.isNaN(input.date.getTime()) ? input.date.toISOString().slice(0, 10) : null;
  const byline = [input.authorName, day].filter(Boolean).join(", ");
  const excerpt = newTextExcerpt(input.body, Math.max(40, DESCRIPTION_MAX - byline.length - 2));
  const description = cutAtWord([byline, excerpt].filter(Boolean).join(": "), DESCRIPTION_MAX);
  return {
    title,
    description,
    openGraph: {
      type: "article",
      title,
      description,
      url: input.url,
      siteName: input.siteName,
      ...(day ? { publishedTime: input.date!.toISOString() } : {}),
      authors: input.authorName ? [input.authorName] : [],
    },
    twitter: { card: "summary", title, description },
  };
}
