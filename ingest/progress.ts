// What the ingester tells a person while it runs (a redrawn status line on a terminal) and when it is done.

export interface Counts {
  read: number; // messages the readers produced
  added: number; // stored for the first time (ghosts filled in included)
  duplicate: number; // Message-ID already stored
  failed: number; // could not be used; kept in ingest_failure
}

/** "850 ms", "12.4 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const total = Math.round(s);
  if (total < 3600) return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, "0")} s`;
  return `${Math.floor(total / 3600)} h ${String(Math.floor((total % 3600) / 60)).padStart(2, "0")} min`;
}

/** "318.5 MB", "12.0 KB" (decimal units, as file managers show sizes). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = n;
  let u = -1;
  do {
    v /= 1000;
    u++;
  } while (v >= 1000 && u < units.length - 1);
  return `${v.toFixed(1)} ${units[u]}`;
}

export const formatCount = (n: number) => n.toLocaleString("en-US");

export function rate(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : 0;
}

/** The final summary line; read = new + duplicate + failed. */
export function summaryLine(c: Counts, ms: number): string {
  return (
    `${formatCount(c.read)} read: ${formatCount(c.added)} new, ${formatCount(c.duplicate)} duplicate, ${formatCount(c.failed)} failed ` +
    `in ${formatDuration(ms)} (${formatCount(Math.round(rate(c.read, ms)))} msg/s)`
  );
}

// More often than this and the terminal spends more on redraws than a person can read.
const REDRAW_MS = 250;

/**
 * A status line on stderr ("12,345 messages, 1,802 msg/s, 41% of 318.5 MB, ETA 9.8 s"), redrawn at most
 * four times a second and only when stderr is a terminal; the ETA comes from bytes read, since the
 * number of messages is not known until the end.
 */
export class ProgressLine {
  private last = 0;
  private shown = false;
  private readonly start = performance.now();

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    readonly enabled: boolean = !!process.stderr.isTTY,
    private readonly formatTotal: (total: number) => string = formatBytes,
  ) {}

  update(c: Counts, bytesRead: number, totalBytes: number): void {
    // bytesRead/totalBytes measure how far along the work is: bytes for ingest, messages for reextract.
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.last < REDRAW_MS) return;
    this.last = now;
    const elapsed = now - this.start;
    const parts = [`${formatCount(c.read)} messages`, `${formatCount(Math.round(rate(c.read, elapsed)))} msg/s`];
    if (totalBytes > 0) {
      const done = Math.min(1, bytesRead / totalBytes);
      parts.push(`${Math.floor(done * 100)}% of ${this.formatTotal(totalBytes)}`);
      if (done > 0.01) parts.push(`ETA ${formatDuration((elapsed * (1 - done)) / done)}`);
    }
    if (c.failed > 0) parts.push(`${formatCount(c.failed)} failed`);
    this.stream.write(`\r\x1b[K${parts.join(", ")}`);
    this.shown = true;
  }

  /** Clears the line so the summary starts on a clean one. */
  done(): void {
    if (this.shown) this.stream.write("\r\x1b[K");
    this.shown = false;
  }
}
