// What every extractor reads: the subject and the message's own (unquoted) lines, with the blocks they sit in.
// A block's text is made when an extractor first asks for it, as a slice of the body (no copy); the joined
// prose and all-text are made only for the extractor that reads them.
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
    private readonly body: string,
    private readonly from: number | null,
  ) {}
  get text(): string {
    return (this.#text ??= this.slice() ?? this.block.lines.join("\n"));
  }
  /** The block's lines as a slice of the body (V8 shares the body's characters), when they are the body's own. */
  private slice(): string | null {
    const lines = this.block.lines;
    if (this.from === null || lines.length === 0) return null;
    let length = lines.length - 1;
    for (const line of lines) length += line.length;
    const to = this.from + length;
    if (to > this.body.length || (to < this.body.length && this.body.charCodeAt(to) !== 0x0a) || !this.body.startsWith(lines[0], this.from)) return null;
    return this.body.slice(this.from, to);
  }
}

/**
 * Where each top-level block starts in the body, in one walk: a block with lines moves on by their lengths, a
 * quote (its lines are stored without their "> ") and the blank lines between blocks by the newlines they
 * hold. Null from the first block whose lines turn out not to be the body's own.
 */
function blockOffsets(body: string, blocks: Block[]): (number | null)[] {
  const out: (number | null)[] = [];
  let line = 0;
  let at = 0;
  for (const block of blocks) {
    while (line < block.start && at !== -1) {
      const nl = body.indexOf("\n", at);
      at = nl === -1 ? -1 : nl + 1;
      line++;
    }
    if (at === -1 || line !== block.start) {
      out.push(null);
      at = -1;
      continue;
    }
    out.push(at);
    if (block.type === "quote") continue;
    for (const l of block.lines) at += l.length + 1;
    line += block.lines.length;
    // the lines must end where the body's newlines are; otherwise walk no further
    if (at - 1 < body.length && body.charCodeAt(at - 1) !== 0x0a) at = -1;
  }
  return out;
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
  const offsets = blockOffsets(body, blocks);
  blocks.forEach((block, i) => {
    if (block.type !== "quote" && block.type !== "signature") own.push(new Own(block, body, offsets[i]));
  });
  return new Context(subject, body, blocks, own);
}

/** Own blocks of the given types (and, for code, kinds). */
export function ownOf(ctx: ExtractContext, pred: (b: Block) => boolean): OwnBlock[] {
  return ctx.own.filter((o) => pred(o.block));
}
