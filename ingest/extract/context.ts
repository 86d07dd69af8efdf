// What every extractor reads: the subject and the message's own (unquoted) lines, with the blocks they sit in.
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

export function extractContext(subject: string, body: string, blocks: Block[] = segmentBody(body)): ExtractContext {
  const own: OwnBlock[] = [];
  for (const block of blocks) {
    if (block.type === "quote" || block.type === "signature") continue;
    own.push({ block, text: block.lines.join("\n") });
  }
  const prose = own
    .filter((o) => o.block.type === "paragraph" || o.block.type === "trailers")
    .map((o) => o.text)
    .join("\n\n");
  return { subject, body, blocks, own, prose, all: own.map((o) => o.text).join("\n\n") };
}

/** Own blocks of the given types (and, for code, kinds). */
export function ownOf(ctx: ExtractContext, pred: (b: Block) => boolean): OwnBlock[] {
  return ctx.own.filter((o) => pred(o.block));
}
