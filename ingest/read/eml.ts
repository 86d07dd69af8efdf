// Reads one RFC 822 message file (an .eml, or one maildir entry) as a single message.
import fs from "node:fs/promises";
import type { RawMessage } from "../types";

const FROM_LINE = Buffer.from("From ");

/**
 * The message in `bytes`: one file is one message, never split. A leading mbox From_ line (some tools
 * save single messages with their envelope line) is dropped because it is not a header.
 */
export function emlMessage(bytes: Buffer, path: string): RawMessage {
  let start = 0;
  if (bytes.subarray(0, FROM_LINE.length).equals(FROM_LINE)) {
    const nl = bytes.indexOf(0x0a);
    start = nl === -1 ? bytes.length : nl + 1;
  }
  return { raw: start === 0 ? bytes : bytes.subarray(start), source: { path, index: 1, byteOffset: 0 } };
}

export async function* readEml(path: string, onRead: (bytes: number) => void): AsyncGenerator<RawMessage> {
  const bytes = await fs.readFile(path);
  onRead(bytes.length);
  yield emlMessage(bytes, path);
}
