// Locates ../shared/corpus (or $CROSSLORE_CORPUS) for tests and benchmarks, and skips visibly without it.
import fs from "node:fs";
import path from "node:path";
import type { TestContext } from "node:test";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export function corpusDir(): string {
  return path.resolve(REPO_ROOT, process.env.CROSSLORE_CORPUS || "../shared/corpus");
}

export function corpusAvailable(): boolean {
  return fs.existsSync(path.join(corpusDir(), "MANIFEST.md"));
}

/** Absolute path of a corpus file, e.g. corpusFile("notmuch/lkml.mbox"). */
export function corpusFile(rel: string): string {
  return path.join(corpusDir(), rel);
}

/** Options for test()/describe(): skipped, with a notice naming the env var, when the corpus is absent. */
export function needsCorpus(): { skip: string | false } {
  if (corpusAvailable()) return { skip: false };
  return { skip: `corpus not found at ${corpusDir()} (set CROSSLORE_CORPUS)` };
}

/** For use inside a test: skips it with the same notice. Returns false when skipped. */
export function requireCorpus(t: TestContext): boolean {
  const { skip } = needsCorpus();
  if (skip) {
    t.skip(skip);
    return false;
  }
  return true;
}

/** Shipped sample mail (samples/), which the core tests and the demo use; always present. */
export function sampleFile(rel: string): string {
  return path.join(REPO_ROOT, "samples", rel);
}
