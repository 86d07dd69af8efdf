// `npm run bench:ingest -- [FILE] [--compare-extract [ROUNDS]]`: times the real `npm run ingest` path
// (ingest/cli.ts in a child process) on FILE (default: the unpacked kbuild archive) into a fresh temporary
// database, and prints messages, elapsed and CPU time, msg/s, peak RSS and database size.
// --compare-extract runs ingest with and without entity extraction (--no-extract), alternating ROUNDS times
// (default 2), and prints the share of ingest time extraction costs.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatBytes, formatCount, formatDuration } from "../ingest/progress";

const DEFAULT_FILE = "/tmp/corpus/linux-kbuild-full.mbox";
const ROOT = path.resolve(import.meta.dirname, "..");
// /proc/<pid>/status VmHWM is the peak RSS so far and /proc/<pid>/stat the CPU time so far; sampling this
// often misses at most the last moment.
const SAMPLE_MS = 200;
const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux

function peakRssKb(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** User + system CPU time of a live process (all its threads), in ms. */
function cpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS; // utime, stime (fields 14 and 15)
  } catch {
    return null;
  }
}

/**
 * CPU time per thread of a live process, in ms, keyed by thread id. All of node's threads are called "node":
 * the main thread has the process's id, the ingest workers are the busiest of the others, and V8's GC helpers
 * and libuv's pool make up the rest.
 */
function threadCpuMs(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS);
    }
  } catch {
    // the process or a thread ended between the listing and the read
  }
  return out;
}

/** Main thread, the `workers` busiest other threads, and the rest (GC helpers, libuv). */
function splitThreads(pid: number, byThread: Map<number, number>, workers: number): ThreadSplit {
  const others = [...byThread].filter(([tid]) => tid !== pid).map(([, ms]) => ms).sort((a, b) => b - a);
  return {
    main: byThread.get(pid) ?? 0,
    workers: others.slice(0, workers).reduce((n, ms) => n + ms, 0),
    rest: others.slice(workers).reduce((n, ms) => n + ms, 0),
  };
}

function dbSize(file: string): number {
  let n = 0;
  for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) n += fs.statSync(f).size;
  return n;
}

interface ThreadSplit {
  main: number;
  workers: number;
  rest: number;
}

interface Run {
  messages: number;
  elapsedMs: number;
  cpuMs: number | null;
  peakKb: number | null;
  dbBytes: number;
  stdout: string;
  threads: ThreadSplit | null;
}

async function ingestOnce(file: string, extraArgs: string[]): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosslore-bench-"));
  const db = path.join(dir, "bench.db");
  const start = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "ingest/cli.ts"), ...extraArgs, file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${db}` },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  let peak: number | null = null;
  let cpu: number | null = null;
  const perThread = new Map<number, number>();
  const timer = setInterval(() => {
    peak = peakRssKb(child.pid!) ?? peak;
    cpu = cpuMs(child.pid!) ?? cpu;
    for (const [tid, ms] of threadCpuMs(child.pid!)) perThread.set(tid, ms);
  }, SAMPLE_MS);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(timer);
  const elapsedMs = performance.now() - start;
  const dbBytes = dbSize(db);
  fs.rmSync(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`ingest exited with status ${code}`);
  const m = /([\d,]+) read:/.exec(stdout);
  // ingest starts one worker per CPU (its default; the bench passes no --workers)
  const threads = perThread.size ? splitThreads(child.pid!, perThread, os.availableParallelism()) : null;
  return { messages: m ? Number(m[1].replace(/,/g, "")) : NaN, elapsedMs, cpuMs: cpu, peakKb: peak, dbBytes, stdout, threads };
}

function report(r: Run): void {
  console.log(`messages:  ${formatCount(r.messages)}`);
  console.log(`elapsed:   ${formatDuration(r.elapsedMs)} (whole process, start-up included)`);
  console.log(`CPU time:  ${r.cpuMs === null ? "n/a (no /proc)" : formatDuration(r.cpuMs)} (all threads)`);
  console.log(`rate:      ${formatCount(Math.round((r.messages * 1000) / r.elapsedMs))} msg/s`);
  if (r.threads) console.log(`threads:   ${formatThreads(r.threads)}`);
  console.log(`peak RSS:  ${r.peakKb === null ? "n/a (no /proc)" : formatBytes(r.peakKb * 1024)}`);
  console.log(`DB size:   ${formatBytes(r.dbBytes)}`);
}

function formatThreads(t: ThreadSplit): string {
  return `main ${formatDuration(t.main)}, workers ${formatDuration(t.workers)}, GC helpers and the rest ${formatDuration(t.rest)} (CPU)`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (withX: number, without: number) => `${(((withX - without) / without) * 100).toFixed(1)}%`;

async function compareExtract(file: string, rounds: number): Promise<void> {
  const on: Run[] = [];
  const off: Run[] = [];
  for (let i = 1; i <= rounds; i++) {
    // Alternating keeps slow drifts of the machine (other load, page cache) out of the difference.
    for (const [label, runs, args] of [["with extraction", on, []], ["--no-extract", off, ["--no-extract"]]] as const) {
      const r = await ingestOnce(file, [...args]);
      runs.push(r);
      console.log(
        `round ${i}, ${label}: ${formatDuration(r.elapsedMs)} elapsed, ${r.cpuMs === null ? "n/a" : formatDuration(r.cpuMs)} CPU, ${formatCount(r.messages)} messages` +
          (r.threads ? `; ${formatThreads(r.threads)}` : ""),
      );
    }
  }
  const wall = [median(on.map((r) => r.elapsedMs)), median(off.map((r) => r.elapsedMs))];
  console.log(`median elapsed: ${formatDuration(wall[0])} with, ${formatDuration(wall[1])} without: extraction adds ${pct(wall[0], wall[1])}`);
  if (on.every((r) => r.cpuMs !== null) && off.every((r) => r.cpuMs !== null)) {
    const cpu = [median(on.map((r) => r.cpuMs!)), median(off.map((r) => r.cpuMs!))];
    console.log(`median CPU:     ${formatDuration(cpu[0])} with, ${formatDuration(cpu[1])} without: extraction adds ${pct(cpu[0], cpu[1])}`);
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf("--compare-extract");
  let rounds = 0;
  if (at >= 0) {
    const n = Number(args[at + 1]);
    rounds = Number.isInteger(n) && n > 0 ? n : 2;
    args.splice(at, Number.isInteger(n) && n > 0 ? 2 : 1);
  }
  const file = args[0] ?? DEFAULT_FILE;
  if (!fs.existsSync(file)) {
    console.error(`bench:ingest: ${file}: no such file (unpack the kbuild archive with: xz -dkc <corpus>/linux-kbuild/linux-kbuild-2019-04_2026-07.mbox.xz > ${DEFAULT_FILE})`);
    return 2;
  }
  console.log(`ingesting ${file} (${formatBytes(fs.statSync(file).size)}), ${os.availableParallelism()} CPUs`);
  try {
    if (rounds > 0) await compareExtract(file, rounds);
    else {
      const r = await ingestOnce(file, []);
      process.stdout.write(r.stdout);
      report(r);
    }
  } catch (err) {
    console.error(`bench:ingest: ${(err as Error).message}`);
    return 1;
  }
  return 0;
}

main().then((code) => process.exit(code));
