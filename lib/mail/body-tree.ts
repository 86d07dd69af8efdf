// Builds the HTML tree (hast) of a mail body from its blocks: quotes, diffs, code, signatures as structure,
// every piece of mail text as a text node, so nothing in a body is ever interpreted as markup.
import type { Element, ElementContent, Properties, Root } from "hast";
import type { Block, CodeKind } from "./blocks";
import { linkify } from "./linkify";

// An outermost quote longer than this (in lines, nested quotes included) starts folded: long quoted patches
// and full-message quotes otherwise bury the reply. Quotes inside it start open, so one click shows it all.
export const QUOTE_FOLD_LINES = 25;

export type DiffLineKind = "file" | "hunk" | "add" | "del" | "meta" | "ctx";

const FILE_HEADER =
  /^(diff --git |diff --cc |index [0-9a-f]|new file mode|deleted file mode|old mode|new mode|similarity index|dissimilarity index|rename from|rename to|copy from|copy to|Binary files )/;

/** The kind of each line of a unified diff; "--- a/x" counts as a file header only when "+++ " follows. */
export function classifyDiffLines(lines: string[]): DiffLineKind[] {
  return lines.map((line, i) => {
    if (FILE_HEADER.test(line)) return "file";
    if (line.startsWith("+++ ") && i > 0 && lines[i - 1].startsWith("--- ")) return "file";
    if (line.startsWith("--- ") && lines[i + 1]?.startsWith("+++ ")) return "file";
    if (line.startsWith("@@")) return "hunk";
    if (line.startsWith("+")) return "add";
    if (line.startsWith("-")) return "del";
    if (line.startsWith("\\")) return "meta"; // "\ No newline at end of file"
    return "ctx";
  });
}

const CODE_LABEL: Record<CodeKind, string> = {
  asm: "assembly",
  disasm: "disassembly",
  "llvm-ir": "LLVM IR",
  "bisect-log": "bisect log",
  "build-log": "build log",
  oops: "kernel report",
  code: "code",
};

/** A stored snippet to mark where it sits: the top-level listing or diff whose first line is `startLine`. */
export interface SnippetMark {
  id: number;
  kind: string; // asm | disasm | compiler-asm | llvm-ir | bisect-log | build-log | patch | oops
  arch: string | null;
  startLine: number; // 0-based line in the body
}

const SNIPPET_LABEL: Record<string, string> = {
  ...CODE_LABEL,
  "compiler-asm": "compiler assembly",
  patch: "patch",
};

/** The element id of a stored snippet in a rendered body; snippet row ids are unique, so it is unique on thread pages. */
export function snippetAnchorId(id: number): string {
  return `snippet-${id}`;
}

/** "build log · powerpc": what a snippet is, for its label in the body and in the facts panel. */
export function snippetLabel(kind: string, arch: string | null): string {
  const name = SNIPPET_LABEL[kind] ?? kind;
  return arch ? `${name} · ${arch}` : name;
}

function el(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: "element", tagName, properties, children };
}

function textLines(lines: string[]): ElementContent[] {
  return linkify(lines.join("\n"));
}

function blockLineCount(block: Block): number {
  return block.type === "quote" ? block.blocks.reduce((n, b) => n + blockLineCount(b), 0) : block.lines.length;
}

function diffElement(block: Extract<Block, { type: "diff" }>): Element {
  const kinds = classifyDiffLines(block.lines);
  const children: ElementContent[] = [];
  block.lines.forEach((line, i) => {
    children.push(el("span", { className: ["dl", `dl-${kinds[i]}`] }, linkify(line)));
    if (i < block.lines.length - 1) children.push({ type: "text", value: "\n" });
  });
  return el("pre", { className: ["diff"], dataFiles: block.files.join(" ") }, children);
}

function quoteElement(block: Extract<Block, { type: "quote" }>, nested: boolean): Element {
  const lines = blockLineCount(block);
  const summary: ElementContent[] = [];
  if (block.attribution) summary.push(el("span", { className: ["attribution"] }, linkify(block.attribution)));
  summary.push(el("span", { className: ["quote-size"] }, [{ type: "text", value: `${lines} quoted line${lines === 1 ? "" : "s"}` }]));
  return el("details", { className: ["quote"], dataDepth: String(block.depth), open: nested || lines <= QUOTE_FOLD_LINES }, [
    el("summary", {}, summary),
    el("blockquote", {}, block.blocks.map((b) => blockElement(b, true))),
  ]);
}

function snippetElement(mark: SnippetMark, listing: Element): Element {
  const id = snippetAnchorId(mark.id);
  // The snippet's label replaces the listing's own, which would say the same thing a second time.
  delete listing.properties.dataLabel;
  const props: Properties = { className: ["snippet"], id, dataSnippetKind: mark.kind };
  if (mark.arch) props.dataSnippetArch = mark.arch;
  return el("div", props, [el("a", { className: ["snippet-label"], href: `#${id}` }, [{ type: "text", value: snippetLabel(mark.kind, mark.arch) }]), listing]);
}

function blockElement(block: Block, inQuote: boolean): Element {
  switch (block.type) {
    case "paragraph":
      return el("p", { className: ["para"] }, textLines(block.lines));
    case "quote":
      return quoteElement(block, inQuote);
    case "diff":
      return diffElement(block);
    case "code": {
      const label = block.arch ? `${CODE_LABEL[block.kind]} · ${block.arch}` : CODE_LABEL[block.kind];
      return el("pre", { className: ["code", `code-${block.kind}`], dataKind: block.kind, dataLabel: label }, textLines(block.lines));
    }
    case "signature":
      return el("div", { className: ["sig"] }, textLines(block.lines));
    case "trailers":
      return el("div", { className: ["trailers"] }, textLines(block.lines));
  }
}

/**
 * The hast tree of a body: one element per block inside <div class="mail-body">. Each stored snippet (extracted
 * from the message's own, top-level listings and diffs) is wrapped where it starts, with an id to link to.
 */
export function blocksToHast(blocks: Block[], options: { snippets?: SnippetMark[] } = {}): Root {
  const marks = new Map((options.snippets ?? []).map((s) => [s.startLine, s]));
  const children = blocks.map((b) => {
    const element = blockElement(b, false);
    const mark = b.type === "diff" || b.type === "code" ? marks.get(b.start) : undefined;
    return mark ? snippetElement(mark, element) : element;
  });
  return { type: "root", children: [el("div", { className: ["mail-body"] }, children)] };
}
