// Reads a maildir: every file in cur/ and new/ is one message; tmp/ holds deliveries in progress and is ignored.
import fs from "node:fs/promises";
import path from "node:path";
import type { RawMessage } from "../types";
import { readEml } from "./eml";

export const MAILDIR_PARTS = ["cur", "new"] as const;

/** Whether `dir` is a maildir: it has a cur/ or new/ subdirectory. */
export async function isMaildir(dir: string): Promise<boolean> {
  for (const part of MAILDIR_PARTS) {
    const stat = await fs.stat(path.join(dir, part)).catch(() => null);
    if (stat?.isDirectory()) return true;
  }
  return false;
}

/**
 * The message files of a maildir, sorted by file name across cur/ and new/: maildir names begin with
 * the delivery time, so this is roughly arrival order.
 */
export async function maildirFiles(dir: string): Promise<string[]> {
  const files: { name: string; file: string }[] = [];
  for (const part of MAILDIR_PARTS) {
    const sub = path.join(dir, part);
    const entries = await fs.readdir(sub, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isFile() && !entry.name.startsWith(".")) files.push({ name: entry.name, file: path.join(sub, entry.name) });
    }
  }
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return files.map((f) => f.file);
}

export async function* readMaildir(files: string[], onRead: (bytes: number) => void): AsyncGenerator<RawMessage> {
  for (const file of files) yield* readEml(file, onRead);
}
