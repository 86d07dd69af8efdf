// /regressions: every regression found in the archive, filtered by toolchain, architecture, state and report date.
import type { Metadata } from "next";
import { MonthlyChartSvg } from "../../components/monthly-chart-svg";
import { Pagination } from "../../components/pagination";
import { RegressionFilterForm, type RegressionFilterValues } from "../../components/regression-filter-form";
import { RegressionList } from "../../components/regression-list";
import styles from "../../components/regressions.module.css";
import { listRegressions, parseRegressionFilter } from "../../lib/queries/regressions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Regressions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export default async function RegressionsPage({ searchParams }: Props) {
  const params = await searchParams;
  const values: RegressionFilterValues = { toolchain: first(params.toolchain), arch: first(params.arch), state: first(params.state), reporter: first(params.reporter), since: first(params.since), until: first(params.until) };
  const parsed = parseRegressionFilter(params);
  const list = listRegressions(parsed.error ? {} : parsed.filter);
  const href = (page: number) => {
    const q = new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => !!e[1]));
    if (page > 1) q.set("page", String(page));
    const s = q.toString();
    return s ? `/regressions?${s}` : "/regressions";
  };
  return (
    <>
      <h1>Regressions</h1>
      <p className="hint">
        Breakages with a culprit commit: bisected, named as introduced by a commit, told to regzbot, or fixed by a patch with Fixes: and
        Reported-by:/Closes:. Each links to its story across threads.
      </p>
      <RegressionFilterForm values={values} toolchainNames={list.toolchainNames} arches={list.arches} />
      {parsed.error ? (
        <p className={styles.error} role="alert" data-testid="filter-error">
          {parsed.error}
        </p>
      ) : (
        <>
          <MonthlyChartSvg className={styles.chart} data={list.monthly} caption="First reports per month" title="First reports per month" unit="report" width={720} height={90} idPrefix="regressions-chart" />
          <p className="results-bar" data-testid="regression-count">
            {list.total} regression{list.total === 1 ? "" : "s"}
          </p>
          <RegressionList rows={list.rows} />
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={href} />
        </>
      )}
    </>
  );
}
