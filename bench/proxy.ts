// What proxy.ts adds to each request before the page runs, over the database DATABASE_URL names: median and p95
// of messagePathAnswer for real Message-IDs (the common case: one indexed lookup), for fragments, and for
// paths that are no message.
import { openDatabase } from "../lib/db/sqlite";
import { messageUrl } from "../lib/mail/url";
import { messagePathAnswer } from "../lib/links/redirector";
import { messageLookup } from "../lib/queries/message-lookup";

const RUNS = Number(process.env.BENCH_RUNS) || 2000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const db = openDatabase({ readonly: true });
const lookup = messageLookup(db);
const sample = db
  .prepare(
    `SELECT m.message_id AS mid, l.name AS list FROM message m JOIN message_list ml ON ml.message_row_id = m.id
     JOIN list l ON l.id = ml.list_id WHERE m.ghost = 0 AND length(m.message_id) >= 20 ORDER BY random() LIMIT 200`,
  )
  .all() as { mid: string; list: string }[];
if (sample.length === 0) throw new Error(`${db.name}: no messages to benchmark with; ingest some first`);

const cases: [string, string[]][] = [
  ["exact Message-ID (message page)", sample.map((s) => messageUrl(s.list, s.mid))],
  ["exact Message-ID (/T/)", sample.map((s) => messageUrl(s.list, s.mid, "thread"))],
  ["fragment (last 3 characters cut)", sample.map((s) => messageUrl(s.list, s.mid.slice(0, -3)))],
  ["unknown Message-ID", sample.map((s) => messageUrl(s.list, `x${s.mid}`))],
  ["not a message path", sample.map(() => "/search")],
];

for (const [label, paths] of cases) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const p = paths[i % paths.length];
    const t = performance.now();
    messagePathAnswer(lookup, p);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
  console.log(`${label.padEnd(34)} median ${us(percentile(times, 50)).padStart(9)}  p95 ${us(percentile(times, 95)).padStart(9)}`);
}
