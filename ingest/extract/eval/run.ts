// The extraction eval: runs extractEntities over the hand-labelled messages in messages/ and prints
// precision/recall/F1 per extractor; exits non-zero below the thresholds. Then scores the held-out set in
// heldout/ (never used for tuning) for information only. `npm run eval:extract [--verbose]`.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseMessage } from "../../parse";
import type { Entities } from "../types";
import { EXTRACTORS, THRESHOLDS, addTally, emptyTally, passes, rates, scoreMessage, type Extractor, type Label, type Tally } from "./score";

type Extract = (input: { subject: string; body: string }) => Entities;

export const MESSAGES_DIR = path.join(import.meta.dirname, "messages");
// Labelled like messages/ but chosen by written rules and kept out of extractor tuning (see its SELECTION.md).
export const HELDOUT_DIR = path.join(import.meta.dirname, "heldout");
const EXTRACTOR_MODULE = path.join(import.meta.dirname, "..", "index.ts");
// Without --verbose, the misses and extras are listed for this many of the weakest extractors.
const WORST_SHOWN = 3;

export interface LabelledMessage {
  name: string; // file stem, e.g. "001-fixes-trailer-headers-pkg"
  label: Label;
  eml: Buffer;
}

export function loadLabelledMessages(dir = MESSAGES_DIR): LabelledMessage[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -".json".length);
      const emlPath = path.join(dir, `${name}.eml`);
      if (!fs.existsSync(emlPath)) throw new Error(`${path.join(dir, f)}: no ${name}.eml beside the label`);
      let label: Label;
      try {
        label = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Label;
      } catch (e) {
        throw new Error(`${path.join(dir, f)}: invalid JSON: ${(e as Error).message}`);
      }
      return { name, label, eml: fs.readFileSync(emlPath) };
    });
}

async function loadExtractor(): Promise<Extract> {
  if (!fs.existsSync(EXTRACTOR_MODULE)) {
    throw new Error(`extractEntities is not there yet: ${path.relative(process.cwd(), EXTRACTOR_MODULE)} does not exist`);
  }
  const mod = (await import(pathToFileURL(EXTRACTOR_MODULE).href)) as { extractEntities?: unknown };
  if (typeof mod.extractEntities !== "function") {
    throw new Error(`${path.relative(process.cwd(), EXTRACTOR_MODULE)} does not export a function extractEntities`);
  }
  return mod.extractEntities as Extract;
}

export interface EvalResult {
  totals: Record<Extractor, Tally>;
  failures: string[]; // messages whose parse or extraction threw
  messages: number;
  extractMs: number;
}

export async function evaluate(messages: LabelledMessage[], extract: Extract): Promise<EvalResult> {
  const totals = Object.fromEntries(EXTRACTORS.map((x) => [x, emptyTally()])) as Record<Extractor, Tally>;
  const failures: string[] = [];
  let extractMs = 0;
  for (const m of messages) {
    let got: Entities;
    try {
      const parsed = await parseMessage({ raw: m.eml, source: { path: `${m.name}.eml`, index: 1, byteOffset: 0 } });
      const t0 = performance.now();
      got = extract({ subject: parsed.subject, body: parsed.body });
      extractMs += performance.now() - t0;
    } catch (e) {
      failures.push(`${m.name}.eml: ${(e as Error).stack ?? String(e)}`);
      continue;
    }
    const scored = scoreMessage(m.label, got);
    for (const x of EXTRACTORS) addTally(totals[x], scored[x], m.name);
  }
  return { totals, failures, messages: messages.length, extractMs };
}

const pct = (n: number) => n.toFixed(3);

/** The per-extractor table; `thresholds: false` leaves out the bar and pass columns (the held-out set has none). */
export function formatTable(totals: Record<Extractor, Tally>, { thresholds = true } = {}): string {
  const head = ["extractor", "TP", "FP", "FN", "precision", "recall", "F1", ...(thresholds ? ["needs P/R", "ok"] : [])];
  const rows = EXTRACTORS.map((x) => {
    const t = totals[x];
    const r = rates(t);
    const need = THRESHOLDS[x];
    const bar = thresholds ? [`${need.precision}/${need.recall}`, passes(x, r) ? "yes" : "NO"] : [];
    return [x, String(t.tp), String(t.fp), String(t.fn), pct(r.precision), pct(r.recall), pct(r.f1), ...bar];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

async function main(): Promise<number> {
  const verbose = process.argv.includes("--verbose");
  const messages = loadLabelledMessages();
  let extract: Extract;
  try {
    extract = await loadExtractor();
  } catch (e) {
    console.error(`extraction eval: ${(e as Error).message}`);
    return 2;
  }
  const result = await evaluate(messages, extract);
  console.log(`extraction eval: ${result.messages} hand-labelled messages, extraction took ${Math.round(result.extractMs)} ms in all\n`);
  console.log(formatTable(result.totals));

  const ranked = [...EXTRACTORS].sort((a, b) => rates(result.totals[a]).f1 - rates(result.totals[b]).f1);
  const shown = verbose ? ranked : ranked.filter((x, i) => !passes(x, rates(result.totals[x])) || i < WORST_SHOWN);
  printMisses(result.totals, shown);
  for (const f of result.failures) console.error(`\nextraction failed on ${f}`);

  const failing = EXTRACTORS.filter((x) => !passes(x, rates(result.totals[x])));
  if (failing.length > 0) console.error(`\nbelow threshold: ${failing.join(", ")}`);

  // The held-out set is reported, never gated: the exit status above depends on messages/ alone.
  const heldout = fs.existsSync(HELDOUT_DIR) ? loadLabelledMessages(HELDOUT_DIR) : [];
  if (heldout.length > 0) {
    const held = await evaluate(heldout, extract);
    console.log(`\n=== HELD-OUT SET (information only, no thresholds, not used for tuning): ${held.messages} messages in heldout/ ===\n`);
    console.log(formatTable(held.totals, { thresholds: false }));
    if (verbose) printMisses(held.totals, EXTRACTORS, "held-out ");
    else console.log("\n(held-out misses and extras: --verbose)");
    for (const f of held.failures) console.error(`\nheld-out: extraction failed on ${f}`);
  }
  return failing.length > 0 || result.failures.length > 0 ? 1 : 0;
}

function printMisses(totals: Record<Extractor, Tally>, extractors: readonly Extractor[], prefix = ""): void {
  for (const x of extractors) {
    const t = totals[x];
    if (t.fp + t.fn === 0) continue;
    console.log(`\n${prefix}${x}: ${t.fn} missed, ${t.fp} extra`);
    for (const i of t.fnItems) console.log(`  FN ${i}`);
    for (const i of t.fpItems) console.log(`  FP ${i}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`extraction eval: ${(e as Error).stack ?? String(e)}`);
      process.exit(2);
    },
  );
}
