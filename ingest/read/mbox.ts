// Splits an mbox byte stream into messages (mboxrd, mboxo, CRLF), with memory bounded by the largest message.
import type { RawMessage } from "../types";

const NL = 0x0a;
const CR = 0x0d;
const SP = 0x20;
const TAB = 0x09;
const GT = 0x3e;

// A From_ line only counts at the start of the file or after a blank line, so the search is for
// "\nFrom " and the line before it is checked afterwards.
const FROM_AFTER_NL = Buffer.from("\nFrom ");
const FROM_LINE = Buffer.from("From ");
const QUOTED_FROM = Buffer.from(">From ");

function isBlankByte(b: number): boolean {
  return b === SP || b === TAB || b === CR;
}

/**
 * If the line that ends with the newline at `nl` is blank (empty or whitespace only, so CRLF counts),
 * the index where that line starts; otherwise -1. `floor` is the first index the line may start at.
 */
function blankLineStart(buf: Buffer, nl: number, floor: number): number {
  let i = nl - 1;
  while (i >= floor && isBlankByte(buf[i])) i--;
  if (i < floor) return floor;
  return buf[i] === NL ? i + 1 : -1;
}

/**
 * Undoes mboxrd quoting: a line matching /^>+From / loses one ">". This also undoes mboxo's ">From ",
 * which is the best that can be done for mboxo (its quoting is ambiguous by design).
 */
export function unquoteFromLines(body: Buffer): Buffer {
  const cuts: number[] = [];
  for (let hit = body.indexOf(QUOTED_FROM); hit !== -1; hit = body.indexOf(QUOTED_FROM, hit + 1)) {
    let k = hit;
    while (k > 0 && body[k - 1] === GT) k--;
    if (k === 0 || body[k - 1] === NL) cuts.push(k);
  }
  if (cuts.length === 0) return Buffer.from(body);
  const parts: Buffer[] = [];
  let from = 0;
  for (const cut of cuts) {
    parts.push(body.subarray(from, cut));
    from = cut + 1;
  }
  parts.push(body.subarray(from));
  return Buffer.concat(parts);
}

/** The end of `body` without its last line when that line is blank: the separator mbox puts after each message. */
function withoutSeparator(buf: Buffer, start: number, end: number): number {
  if (end <= start || buf[end - 1] !== NL) return end;
  const lineStart = blankLineStart(buf, end - 1, start);
  return lineStart === -1 ? end : lineStart;
}

/**
 * Splits a stream of (uncompressed) mbox bytes into messages. A message starts at a line beginning
 * "From " at the start of the input or after a blank line; the From_ line itself is not part of the
 * message, nor is the blank line before the next one. A stream whose first non-blank line is not a
 * From_ line is one bare message. `path` is only used to label the messages.
 */
export async function* splitMbox(chunks: AsyncIterable<Buffer>, path: string): AsyncGenerator<RawMessage> {
  let buf: Buffer = Buffer.alloc(0);
  let bufStart = 0; // offset of buf[0] in the source
  let mode = "leading" as "leading" | "mbox" | "bare";
  let index = 0;
  // In mbox mode buf[0] is the current message's From_ line; scanning resumes at `scan`.
  let scan = 0;

  const emit = (start: number, end: number, unquote: boolean, offset: number): RawMessage => {
    index++;
    const body = buf.subarray(start, end);
    return {
      raw: unquote ? unquoteFromLines(body) : Buffer.from(body),
      source: { path, index, byteOffset: offset },
    };
  };

  // Decides between mbox and a bare message once the first non-blank line is complete enough to tell.
  const settleLeading = (atEnd: boolean): "mbox" | "bare" | "leading" => {
    let p = 0;
    while (p < buf.length && (isBlankByte(buf[p]) || buf[p] === NL)) p++;
    if (p === buf.length) return "leading";
    const lineStart = buf.lastIndexOf(NL, p) + 1;
    if (!atEnd && buf.length - lineStart < FROM_LINE.length) return "leading";
    buf = buf.subarray(lineStart);
    bufStart += lineStart;
    scan = 0;
    return buf.subarray(0, FROM_LINE.length).equals(FROM_LINE) ? "mbox" : "bare";
  };

  function* drainMbox(atEnd: boolean): Generator<RawMessage> {
    for (;;) {
      const fromLineEnd = buf.indexOf(NL) + 1;
      if (fromLineEnd === 0) break;
      if (scan < fromLineEnd) scan = fromLineEnd;
      let next = -1;
      let bodyEnd = -1;
      for (let hit = buf.indexOf(FROM_AFTER_NL, scan); hit !== -1; hit = buf.indexOf(FROM_AFTER_NL, hit + 1)) {
        // The blank line before the From_ line is the separator: the message ends where it starts.
        const blank = blankLineStart(buf, hit, fromLineEnd);
        if (blank !== -1) {
          next = hit + 1;
          bodyEnd = blank;
          break;
        }
      }
      if (next === -1) {
        scan = Math.max(fromLineEnd, buf.length - FROM_AFTER_NL.length + 1);
        break;
      }
      yield emit(fromLineEnd, bodyEnd, true, bufStart);
      buf = buf.subarray(next);
      bufStart += next;
      scan = 0;
    }
    if (atEnd && buf.length > 0) {
      const fromLineEnd = buf.indexOf(NL) + 1 || buf.length;
      yield emit(fromLineEnd, withoutSeparator(buf, fromLineEnd, buf.length), true, bufStart);
    }
  }

  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const absorb = () => {
    buf = pending.length === 1 && buf.length === 0 ? pending[0] : Buffer.concat([buf, ...pending]);
    pending = [];
    pendingBytes = 0;
  };

  for await (const chunk of chunks) {
    pending.push(chunk);
    pendingBytes += chunk.length;
    // Doubling keeps a message much larger than a chunk from being copied once per chunk.
    if (pendingBytes < buf.length) continue;
    absorb();
    if (mode === "leading") mode = settleLeading(false);
    if (mode === "mbox") yield* drainMbox(false);
  }
  absorb();
  if (mode === "leading") mode = settleLeading(true);
  if (mode === "leading") return;
  if (mode === "mbox") yield* drainMbox(true);
  else if (buf.length > 0) yield emit(0, buf.length, false, bufStart);
}
