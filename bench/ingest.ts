// `npm run bench:ingest -- [FILE]`: times the real `npm run ingest` path (ingest/cli.ts in a child process)
// on FILE (default: the unpacked kbuild archive) into a fresh temporary database, and prints messages,
// elapsed time, msg/s, peak RSS and database size.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatBytes, formatCount, formatDuration } from "../ingest/progress";

const DEFAULT_FILE = "/tmp/corpus/linux-kbuild-full.mbox";
const ROOT = path.resolve(import.meta.dirname, "..");
// /proc/<pid>/status VmHWM is the peak RSS so far; sampling it this often misses at most the last moment.
const SAMPLE_MS = 200;

function peakRssKb(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function dbSize(file: string): number {
  let n = 0;
  for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) n += fs.statSync(f).size;
  return n;
}

async function main(): Promise<number> {
  const file = process.argv[2] ?? DEFAULT_FILE;
  if (!fs.existsSync(file)) {
    console.error(`bench:ingest: ${file}: no such file (unpack the kbuild archive with: xz -dkc <corpus>/linux-kbuild/linux-kbuild-2019-04_2026-07.mbox.xz > ${DEFAULT_FILE})`);
    return 2;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosslore-bench-"));
  const db = path.join(dir, "bench.db");
  console.log(`ingesting ${file} (${formatBytes(fs.statSync(file).size)}) into ${db}, ${os.availableParallelism()} CPUs`);
  const start = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "ingest/cli.ts"), file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${db}` },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  let peak: number | null = null;
  const timer = setInterval(() => {
    peak = peakRssKb(child.pid!) ?? peak;
  }, SAMPLE_MS);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(timer);
  const elapsed = performance.now() - start;
  process.stdout.write(stdout);
  if (code !== 0) {
    console.error(`bench:ingest: ingest exited with status ${code}`);
    return 1;
  }
  const m = /([\d,]+) read:/.exec(stdout);
  const messages = m ? Number(m[1].replace(/,/g, "")) : NaN;
  console.log(`messages:  ${formatCount(messages)}`);
  console.log(`elapsed:   ${formatDuration(elapsed)} (whole process, start-up included)`);
  console.log(`rate:      ${formatCount(Math.round((messages * 1000) / elapsed))} msg/s`);
  console.log(`peak RSS:  ${peak === null ? "n/a (no /proc)" : formatBytes(peak * 1024)}`);
  console.log(`DB size:   ${formatBytes(dbSize(db))}`);
  fs.rmSync(dir, { recursive: true, force: true });
  return 0;
}

main().then((code) => process.exit(code));
