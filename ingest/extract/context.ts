// What every extractor reads: the subject and the message's own (unquoted) lines, with the blocks they sit in.
// Texts are joined when an extractor first asks for them: a patch's diff is most of a message and most
// extractors never read it whole.
import type { Block } from "../../lib/mail/blocks";
import { segmentBody } from "../../lib/mail/segment";

export interface OwnBlock {
  block: Block; // a top-level block that is not a quote or the signature
  text: string; // its lines joined
}

export interface ExtractContext {
  subject: string;
  body: string;
  blocks: Block[];
  own: OwnBlock[];
  /** Own prose: paragraphs and trailers, where references are written in words. */
  prose: string;
  /** All own text: prose, code listings and diffs. */
  all: string;
}

class Own implements OwnBlock {
  #text: string | undefined;
  constructor(
    readonly block: Block & { lines: string[] },
    private readonly lines: LineOffsets,
  ) {}
  get text(): string {
    return (this.#text ??= this.lines.slice(this.block) ?? this.block.lines.join("\n"));
  }
}

/**
 * Where each body line starts, found when first needed. A top-level block's lines are body lines, so its text
 * is a slice of the body (V8 shares the body's characters) rather than a copy joined from its lines.
 */
class LineOffsets {
  #starts: number[] | undefined;
  constructor(private readonly body: string) {}
  slice(block: { start: number; lines: string[] }): string | null {
    const starts = (this.#starts ??= lineStarts(this.body));
    const n = block.lines.length;
    const from = starts[block.start];
    if (n === 0 || from === undefined) return null;
    const to = block.start + n < starts.length ? starts[block.start + n] - 1 : this.body.length;
    let length = n - 1;
    for (const line of block.lines) length += line.length;
    if (to - from !== length || !this.body.startsWith(block.lines[0], from)) return null; // not the body's own lines
    return this.body.slice(from, to);
  }
}

function lineStarts(body: string): number[] {
  const starts = [0];
  for (let at = body.indexOf("\n"); at !== -1; at = body.indexOf("\n", at + 1)) starts.push(at + 1);
  return starts;
}

class Context implements ExtractContext {
  #prose: string | undefined;
  #all: string | undefined;
  constructor(
    readonly subject: string,
    readonly body: string,
    readonly blocks: Block[],
    readonly own: OwnBlock[],
  ) {}
  get prose(): string {
    return (this.#prose ??= this.own
      .filter((o) => o.block.type === "paragraph" || o.block.type === "trailers")
      .map((o) => o.text)
      .join("\n\n"));
  }
  get all(): string {
    return (this.#all ??= this.own.map((o) => o.text).join("\n\n"));
  }
}

export function extractContext(subject: string, body: string, blocks: Block[] = segmentBody(body)): ExtractContext {
  const own: OwnBlock[] = [];
  const lines = new LineOffsets(body);
  for (const block of blocks) if (block.type !== "quote" && block.type !== "signature") own.push(new Own(block, lines));
  return new Context(subject, body, blocks, own);
}

/** Own blocks of the given types (and, for code, kinds). */
export function ownOf(ctx: ExtractContext, pred: (b: Block) => boolean): OwnBlock[] {
  return ctx.own.filter((o) => pred(o.block));
}
