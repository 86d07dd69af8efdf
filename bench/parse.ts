// Speed of the first ingest stages on one archive: read+split alone, then parseMessage alone, and peak memory.
// Usage: tsx bench/parse.ts [FILE] [--limit N] [--baseline]   (FILE defaults to the unpacked linux-kbuild archive)
// --baseline also times mailparser's simpleParser with its defaults, the starting point parse.ts improves on.
import fs from "node:fs";
import { simpleParser } from "mailparser";
import { readSources } from "../ingest/read/index";
import { IngestError, parseMessage } from "../ingest/parse";

const DEFAULT_FILE = "/tmp/corpus/linux-kbuild-full.mbox";

const args = process.argv.slice(2);
const limitAt = args.indexOf("--limit");
const limit = limitAt === -1 ? Infinity : Number(args[limitAt + 1]);
const baseline = args.includes("--baseline");
const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--limit") ?? DEFAULT_FILE;

if (!fs.existsSync(file)) {
  console.error(`${file}: not found (unpack linux-kbuild/linux-kbuild-2019-04_2026-07.mbox.xz there, or name another file)`);
  process.exit(1);
}

const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const rate = (n: number, ms: number) => `${Math.round((n * 1000) / ms).toLocaleString("en-US")} msg/s`;

async function readSplit(): Promise<void> {
  let n = 0;
  let bytes = 0;
  const t = performance.now();
  for await (const m of readSources([file])) {
    bytes += m.raw.length;
    if (++n >= limit) break;
  }
  const ms = performance.now() - t;
  console.log(`read+split   ${n.toLocaleString("en-US")} messages, ${(bytes / 1e6).toFixed(1)} MB in ${(ms / 1000).toFixed(2)} s: ${rate(n, ms)}, ${((bytes / 1e6) * 1000 / ms).toFixed(0)} MB/s`);
}

/** Times only the parse calls; reading happens between them, untimed, so memory stays bounded. */
async function parseOnly(label: string, parse: (raw: Buffer) => Promise<unknown>): Promise<void> {
  let n = 0;
  let failed = 0;
  let ms = 0;
  for await (const m of readSources([file])) {
    const t = performance.now();
    try {
      await parse(m.raw);
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      failed++;
    }
    ms += performance.now() - t;
    if (++n >= limit) break;
  }
  console.log(`${label.padEnd(12)} ${n.toLocaleString("en-US")} messages (${failed} IngestError) in ${(ms / 1000).toFixed(2)} s: ${rate(n, ms)}`);
}

console.log(`${file}`);
await readSplit();
console.log(`peak RSS after read+split: ${peakRssMiB()} MiB`);
await parseOnly("parse", (raw) => parseMessage({ raw, source: { path: file, index: 0, byteOffset: 0 } }));
if (baseline) await parseOnly("simpleParser", (raw) => simpleParser(raw));
console.log(`peak RSS: ${peakRssMiB()} MiB`);
