// Writes messages as mboxrd, the format of lore's t.mbox.gz downloads that b4 and git am read.
import { gzipSync } from "node:zlib";

// The From_ line lore writes for every message: a fixed sender and date, since readers ignore both.
export const MBOXRD_FROM_LINE = "From mboxrd@z Thu Jan  1 00:00:00 1970\n";

const NL = 0x0a;
const GT = 0x3e;
const FROM = Buffer.from("From ");

/** Whether the line starting at `start` matches /^>*From /: the lines mboxrd must quote. */
function needsQuote(buf: Buffer, start: number): boolean {
  let i = start;
  while (i < buf.length && buf[i] === GT) i++;
  return buf.length - i >= FROM.length && buf.compare(FROM, 0, FROM.length, i, i + FROM.length) === 0;
}

/** One message in mboxrd form: From_ line, body with /^>*From / lines given one more ">", blank line. */
export function mboxrdEntry(raw: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from(MBOXRD_FROM_LINE)];
  let from = 0;
  for (let start = 0; start < raw.length; ) {
    if (needsQuote(raw, start)) {
      parts.push(raw.subarray(from, start), Buffer.from(">"));
      from = start;
    }
    const nl = raw.indexOf(NL, start);
    if (nl === -1) break;
    start = nl + 1;
  }
  parts.push(raw.subarray(from));
  if (raw.length > 0 && raw[raw.length - 1] !== NL) parts.push(Buffer.from("\n"));
  parts.push(Buffer.from("\n"));
  return Buffer.concat(parts);
}

/** Messages (raw bytes, in thread order) as one mboxrd file. */
export function toMboxrd(raws: Buffer[]): Buffer {
  return Buffer.concat(raws.map(mboxrdEntry));
}

/** The gzipped mboxrd that /<list>/<msgid>/t.mbox.gz serves. */
export function toMboxrdGz(raws: Buffer[]): Buffer {
  return gzipSync(toMboxrd(raws));
}
