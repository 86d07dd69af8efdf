// A server-rendered monthly bar chart (lib/chart/monthly-svg.ts): our own escaped SVG markup, never mail text.
import { monthlyBarsSvg, type MonthCount, type MonthlyChartOptions } from "../lib/chart/monthly-svg";

export function MonthlyChartSvg({ data, className, caption, ...options }: MonthlyChartOptions & { data: MonthCount[]; className?: string; caption?: string }) {
  return (
    <figure className={className} data-testid="monthly-chart">
      {caption && <figcaption>{caption}</figcaption>}
      <div dangerouslySetInnerHTML={{ __html: monthlyBarsSvg(data, options) }} />
    </figure>
  );
}
