// Reports per month as a small bar chart in SVG, rendered on the server: no script, readable by screen readers
// (role="img" with a title and a description, a <title> with the count on every bar).
import { xmlEscape as xmlText } from "../feeds/xml";

export interface MonthCount {
  month: string; // "2023-07"
  count: number;
}

export interface MonthlyChartOptions {
  /** Accessible name, e.g. "Reports per month for clang 18". */
  title: string;
  /** What is counted, for the per-bar titles: "report" gives "2023-07: 3 reports". */
  unit?: string;
  width?: number; // px
  height?: number; // px
  /** Fill the range from..to ("YYYY-MM") with zero months; defaults to the first and last month with data. */
  from?: string;
  to?: string;
  /** Prefix for the ids aria-labelledby points at; distinct per chart when a page shows several. */
  idPrefix?: string;
}

const MONTH = /^(\d{4})-(\d{2})$/;
// Bars narrower than this are unreadable; the chart then gets wider instead.
const MIN_BAR_PX = 3;
const LABEL_PX = 14; // height of the month-label row
const TOP_PX = 4;
// A label under every bar collides beyond this many months; then only Januaries (and the first month) are labelled.
const ALL_LABELS_MAX = 12;

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function monthIndex(month: string): number | null {
  const m = MONTH.exec(month);
  if (!m) return null;
  const mon = Number(m[2]);
  return mon >= 1 && mon <= 12 ? Number(m[1]) * 12 + mon - 1 : null;
}

function monthName(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Counts per "YYYY-MM" (UTC) of the given dates; null dates are skipped. */
export function countByMonth(dates: (Date | null)[]): MonthCount[] {
  const counts = new Map<string, number>();
  for (const d of dates) {
    if (!d || Number.isNaN(d.getTime())) continue;
    const key = d.toISOString().slice(0, 7);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count }));
}

/**
 * The chart as an SVG string. Months outside from..to and malformed month keys are ignored; missing months
 * inside the range are drawn as zero. With no data the chart says so in its description and draws no bars.
 */
export function monthlyBarsSvg(data: MonthCount[], options: MonthlyChartOptions): string {
  const unit = options.unit ?? "report";
  const counts = new Map<number, number>();
  for (const d of data) {
    const i = monthIndex(d.month);
    if (i !== null && Number.isFinite(d.count) && d.count > 0) counts.set(i, (counts.get(i) ?? 0) + Math.floor(d.count));
  }
  const known = [...counts.keys()].sort((a, b) => a - b);
  const first = (options.from !== undefined ? monthIndex(options.from) : null) ?? known[0];
  const last = (options.to !== undefined ? monthIndex(options.to) : null) ?? known[known.length - 1];
  const months: number[] = [];
  if (first !== undefined && last !== undefined) for (let i = first; i <= last; i++) months.push(i);

  const height = options.height ?? 80;
  const barSlot = Math.max(MIN_BAR_PX + 1, Math.floor((options.width ?? 240) / Math.max(months.length, 1)));
  const width = Math.max(options.width ?? 240, barSlot * months.length);
  const plot = height - LABEL_PX - TOP_PX;
  const max = Math.max(1, ...months.map((i) => counts.get(i) ?? 0));
  const total = months.reduce((n, i) => n + (counts.get(i) ?? 0), 0);
  const plural = (n: number) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  const desc = months.length
    ? `${plural(total)} from ${monthName(months[0])} to ${monthName(months[months.length - 1])}; most in one month: ${max}.`
    : `No ${unit}s.`;

  const id = xmlText(options.idPrefix ?? "chart");
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" class="monthly-chart">`,
    `<title id="${id}-title">${xmlText(options.title)}</title>`,
    `<desc id="${id}-desc">${xmlText(desc)}</desc>`,
    `<line x1="0" y1="${TOP_PX + plot}" x2="${width}" y2="${TOP_PX + plot}" stroke="currentColor" stroke-opacity="0.4"/>`,
  );
  months.forEach((i, k) => {
    const n = counts.get(i) ?? 0;
    const h = Math.round((n / max) * plot);
    const x = k * barSlot;
    parts.push(
      `<rect x="${x}" y="${TOP_PX + plot - h}" width="${barSlot - 1}" height="${h}" fill="currentColor"><title>${xmlText(`${monthName(i)}: ${plural(n)}`)}</title></rect>`,
    );
    const labelled = months.length <= ALL_LABELS_MAX || i % 12 === 0 || k === 0;
    if (labelled) {
      const text = months.length <= ALL_LABELS_MAX ? MONTH_NAMES[i % 12] : String(Math.floor(i / 12));
      parts.push(`<text x="${x}" y="${height - 2}" font-size="10" fill="currentColor">${xmlText(text)}</text>`);
    }
  });
  parts.push("</svg>");
  return parts.join("");
}
