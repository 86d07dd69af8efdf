// Extraction throughput over a real archive: decodes every message with mailparser first (not timed), then times
// segmentBody + extractEntities per message. `tsx ingest/extract/bench.ts [mbox]` (default: the unpacked kbuild archive).
import fs from "node:fs";
import { simpleParser } from "mailparser";
import { segmentBody } from "../../lib/mail/segment";
import { extractEntities } from "./index";

const MBOX = process.argv[2] ?? "/tmp/corpus/linux-kbuild-full.mbox";

async function decodeAll(path: string): Promise<{ subject: string; body: string }[]> {
  const out: { subject: string; body: string }[] = [];
  const text = fs.readFileSync(path, "latin1");
  for (const m of text.split(/^From mboxrd@z [^\n]*\n/m)) {
    if (!m.trim()) continue;
    const parsed = await simpleParser(Buffer.from(m.replace(/^>(>*From )/gm, "$1"), "latin1"), { skipHtmlToText: false });
    out.push({ subject: parsed.subject ?? "", body: (parsed.text ?? "").replace(/\r\n?/g, "\n") });
  }
  return out;
}

const t0 = performance.now();
const messages = await decodeAll(MBOX);
const decodeMs = performance.now() - t0;
const bytes = messages.reduce((n, m) => n + m.body.length, 0);
console.log(`${MBOX}: ${messages.length.toLocaleString()} messages decoded in ${(decodeMs / 1000).toFixed(1)} s; bodies ${(bytes / 1e6).toFixed(1)} MB`);

for (let round = 1; round <= 2; round++) {
  let segMs = 0;
  let extractMs = 0;
  let slowest = { ms: 0, i: -1 };
  for (let i = 0; i < messages.length; i++) {
    const a = performance.now();
    const blocks = segmentBody(messages[i].body);
    const b = performance.now();
    extractEntities(messages[i], blocks);
    const c = performance.now();
    segMs += b - a;
    extractMs += c - b;
    if (c - a > slowest.ms) slowest = { ms: c - a, i };
  }
  const total = segMs + extractMs;
  console.log(
    `round ${round}: segment ${(segMs / 1000).toFixed(2)} s + extract ${(extractMs / 1000).toFixed(2)} s = ${(total / messages.length).toFixed(3)} ms/message, ` +
      `${Math.round(messages.length / (total / 1000)).toLocaleString()} msg/s, ${(bytes / 1e6 / (total / 1000)).toFixed(1)} MB/s; ` +
      `slowest ${slowest.ms.toFixed(1)} ms (message ${slowest.i + 1}, ${messages[slowest.i].body.length.toLocaleString()} chars)`,
  );
}
