// Search latency over the database DATABASE_URL names: median and p95 over repeated runs of typical queries.
import { databasePath } from "../lib/config";
import { openDatabase } from "../lib/db/sqlite";
import { Fts5Backend } from "../lib/search/fts5";
import type { SearchRequest } from "../lib/search/types";

const RUNS = Number(process.env.BENCH_RUNS) || 30;

// What people type into lore: an identifier, a phrase, field prefixes, a prefix wildcard, dates, NOT and OR,
// a filter-only listing, and a common word whose ranking has to sort thousands of matches.
const QUERIES: SearchRequest[] = [
  { q: "CONFIG_DEBUG_INFO_BTF" },
  { q: '"link time optimization"' },
  { q: "s:lto f:nathan" },
  { q: "kmalloc_*" },
  { q: "s:clang d:20230101..20231231" },
  { q: "pahole -s:pahole" },
  { q: "(s:modpost OR dfn:scripts/mod/modpost.c) d:2.years.ago.." },
  { q: "l:linux-kbuild d:20240101.." },
  { q: "kbuild" },
  { q: "clang", sort: "date-desc", page: 5 },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const file = databasePath();
const db = openDatabase({ file, readonly: true });
const messages = db.prepare(`SELECT count(*) FROM message WHERE ghost = 0`).pluck().get() as number;
console.log(`search benchmark: ${file} (${messages.toLocaleString("en-US")} messages), FTS5 backend, ${RUNS} runs per query`);
const fts = new Fts5Backend(db);
const rows: string[][] = [["query", "matches", "median ms", "p95 ms", "first run ms"]];
for (const req of QUERIES) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    total = fts.searchSync(req).total;
    times.push(performance.now() - t);
  }
  const first = times[0];
  times.sort((a, b) => a - b);
  const label = req.q + (req.sort ? ` [${req.sort}, page ${req.page}]` : "");
  rows.push([label, total.toLocaleString("en-US"), percentile(times, 50).toFixed(1), percentile(times, 95).toFixed(1), first.toFixed(1)]);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "));
db.close();
