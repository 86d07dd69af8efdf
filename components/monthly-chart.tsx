// Mentions per month as an inline SVG bar chart, drawn on the server by lib/chart/monthly-svg.ts (no script).
import { countByMonth, monthlyBarsSvg } from "../lib/chart/monthly-svg";
import styles from "./entity-page.module.css";

// A short history is drawn over at least this many months, so that one busy month is a bar, not a block.
const MIN_MONTHS = 12;

function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const i = y * 12 + m - 1 - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

export function MonthlyChart({ dates, title, unit = "mention", idPrefix = "chart" }: { dates: (Date | null)[]; title: string; unit?: string; idPrefix?: string }) {
  const data = countByMonth(dates);
  if (data.length === 0) return null;
  // The SVG string is built by monthlyBarsSvg from numbers and XML-escaped text, never from mail HTML.
  const last = data[data.length - 1].month;
  const from = [data[0].month, monthsBefore(last, MIN_MONTHS - 1)].sort()[0];
  const svg = monthlyBarsSvg(data, { title, unit, idPrefix, from, to: last, width: 480, height: 90 });
  return (
    <figure className={styles.chart} data-testid="monthly-chart">
      <div dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>{title}</figcaption>
    </figure>
  );
}
