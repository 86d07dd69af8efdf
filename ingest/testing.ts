// Helpers for the ingest tests: throwaway databases and mbox files cut from corpus files.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Sqlite } from "../lib/db/sqlite";
import { readSources } from "./read";
import type { RawMessage } from "./types";

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "crosslore-ingest-"));
}

export function tempDatabase(dir: string = tempDir()): { db: Sqlite; file: string } {
  const file = path.join(dir, "test.db");
  return { db: openDatabase({ file }), file };
}

export async function readAll(file: string): Promise<RawMessage[]> {
  const out: RawMessage[] = [];
  for await (const raw of readSources([file], { warn: () => {} })) out.push({ ...raw, raw: Buffer.from(raw.raw) });
  return out;
}

/** Writes messages as an mboxrd file (body lines matching /^>*From / get one more ">"). */
export function writeMbox(file: string, messages: RawMessage[]): string {
  const parts: Buffer[] = [];
  for (const m of messages) {
    parts.push(Buffer.from("From mboxrd@z Thu Jan  1 00:00:00 1970\n"));
    parts.push(Buffer.from(m.raw.toString("latin1").replace(/^(>*From )/gm, ">$1"), "latin1"));
    parts.push(Buffer.from(m.raw.at(-1) === 0x0a ? "\n" : "\n\n"));
  }
  fs.writeFileSync(file, Buffer.concat(parts));
  return file;
}
