// Citing a message: the kernel `Link:` trailer, a Markdown link, and a short Markdown summary for a bug report.
// Markdown is built as an mdast tree and serialized by remark, so subjects full of [brackets], *pointers* and
// under_scores come out escaped by the serializer rather than by hand.
import type { List, ListItem, Paragraph, PhrasingContent, Root } from "mdast";
import { remark } from "remark";
import type { CommitRole } from "../../ingest/extract/types";
import { escapeMessageId } from "../mail/url";

export interface CiteInput {
  /** Site base URL, e.g. "https://lore.kernel.org" or this site's origin. */
  base: string;
  messageId: string;
  subject: string;
  authorName: string;
  date: Date | null;
  commits: { sha: string; role: CommitRole; subject: string | null }[];
  toolchains: { name: string; version: string }[];
  diagnostics: { title: string }[];
}

// Abbreviated hashes in citations use the kernel's Fixes: convention of 12 characters.
const SHA_ABBREV = 12;

/** How a commit's role reads in prose: "bisected to", "fixes"… */
export const ROLE_LABEL: Record<CommitRole, string> = {
  "introduced-by": "introduced by",
  "bisected-to": "bisected to",
  fixes: "fixes",
  reverts: "reverts",
  base: "base",
  upstream: "upstream",
  "bisect-good": "bisect good",
  "bisect-bad": "bisect bad",
  mention: "mentioned",
};

/** `<base>/r/<Message-ID>`, the short permalink lore and b4 use. */
export function permalink(base: string, messageId: string): string {
  return `${base.replace(/\/+$/, "")}/r/${escapeMessageId(messageId)}`;
}

/** The trailer for a commit message: "Link: https://lore.kernel.org/r/<Message-ID>". */
export function linkTrailer(base: string, messageId: string): string {
  return `Link: ${permalink(base, messageId)}`;
}

const serializer = remark().data("settings", { bullet: "-", emphasis: "_", strong: "*", listItemIndent: "one", rule: "-" });

function toMarkdown(tree: Root): string {
  return serializer.stringify(tree);
}

function subjectLink(input: CiteInput): PhrasingContent {
  return { type: "link", url: permalink(input.base, input.messageId), children: [{ type: "text", value: input.subject || "(no subject)" }] };
}

/** "[subject](permalink)" as Markdown. */
export function markdownLink(input: Pick<CiteInput, "base" | "messageId" | "subject">): string {
  return toMarkdown({ type: "root", children: [{ type: "paragraph", children: [subjectLink(input as CiteInput)] }] }).trimEnd();
}

function item(label: string, content: PhrasingContent[]): ListItem {
  return { type: "listItem", spread: false, children: [{ type: "paragraph", children: [{ type: "strong", children: [{ type: "text", value: label }] }, { type: "text", value: ": " }, ...content] }] };
}

function joined(parts: PhrasingContent[][]): PhrasingContent[] {
  return parts.flatMap((p, i) => (i === 0 ? p : [{ type: "text", value: "; " } as PhrasingContent, ...p]));
}

/** A few lines of Markdown: the linked subject, author and date, then commits with roles, toolchains, diagnostics. */
export function markdownSummary(input: CiteInput): string {
  const day = input.date && !Number.isNaN(input.date.getTime()) ? input.date.toISOString().slice(0, 10) : null;
  const byline: Paragraph = { type: "paragraph", children: [subjectLink(input), { type: "text", value: ` (${[input.authorName, day].filter(Boolean).join(", ")})` }] };
  const facts: ListItem[] = [];
  if (input.commits.length) {
    facts.push(
      item(
        "Commits",
        joined(
          input.commits.map((c) => [
            { type: "inlineCode", value: c.sha.slice(0, SHA_ABBREV) },
            { type: "text", value: ` ${ROLE_LABEL[c.role] ?? c.role}${c.subject ? ` ("${c.subject}")` : ""}` },
          ]),
        ),
      ),
    );
  }
  if (input.toolchains.length) facts.push(item("Toolchains", [{ type: "text", value: input.toolchains.map((t) => `${t.name} ${t.version}`).join(", ") }]));
  if (input.diagnostics.length) facts.push(item("Diagnostics", joined(input.diagnostics.map((d) => [{ type: "inlineCode", value: d.title }]))));
  const list: List = { type: "list", ordered: false, spread: false, children: facts };
  return toMarkdown({ type: "root", children: facts.length ? [byline, list] : [byline] });
}

export interface CiteTexts {
  trailer: string;
  link: string;
  summary: string;
}

/** The three ways to cite a message, as offered on its page. */
export function citeTexts(input: CiteInput): CiteTexts {
  return { trailer: linkTrailer(input.base, input.messageId), link: markdownLink(input), summary: markdownSummary(input) };
}
