// A server-rendered monthly bar chart (lib/chart/monthly-svg.ts): our own escaped SVG markup, never mail text.
import { monthlyBarsSvg, type MonthCount, type MonthlyChartOptions } from "../lib/chart/monthly-svg";

export function MonthlyChartSvg({ data, className, ...options }: MonthlyChartOptions & { data: MonthCount[]; className?: string }) {
  return <div className={className} data-testid="monthly-chart" dangerouslySetInnerHTML={{ __html: monthlyBarsSvg(data, options) }} />;
}
