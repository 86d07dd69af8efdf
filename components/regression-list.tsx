// The regressions table: title and report, culprit commit, state, first report, last activity, toolchains, arches.
import { commitUrl, regressionUrl } from "../lib/entity-urls";
import { messageUrl } from "../lib/mail/url";
import type { RegressionRow } from "../lib/queries/regressions";
import { DateText } from "./date-text";
import { RegressionStateBadge } from "./regression-state-badge";
import { ToolchainList } from "./toolchain-list";
import styles from "./regressions.module.css";

export function RegressionList({ rows }: { rows: RegressionRow[] }) {
  if (rows.length === 0) return <p className="empty">No regressions match these filters.</p>;
  return (
    <table className="dense" data-testid="regression-list">
      <thead>
        <tr>
          <th>Regression</th>
          <th>Culprit</th>
          <th>State</th>
          <th>First report</th>
          <th>Last activity</th>
          <th>Toolchains · arches</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.repo}/${r.sha}`} data-testid="regression-row" data-sha={r.sha}>
            <td>
              <a className={styles.title} href={regressionUrl(r.repo, r.sha)}>
                {r.title}
              </a>
              <div className="dim" style={{ fontSize: "0.8rem" }}>
                {r.messageCount} message{r.messageCount === 1 ? "" : "s"} · {r.evidence}
              </div>
            </td>
            <td>
              <a className={styles.sha} href={commitUrl(r.repo, r.sha)} title={r.culpritSubject ?? undefined}>
                {r.repo === "linux" ? "" : `${r.repo} `}
                {r.sha.slice(0, 12)}
              </a>
            </td>
            <td>
              <RegressionStateBadge state={r.state} fixPending={r.fixPending} />
            </td>
            <td className={styles.date}>{r.reportMessageId ? <a href={messageUrl(r.reportList ?? "r", r.reportMessageId)}><DateText date={r.firstDate} dayOnly /></a> : <DateText date={r.firstDate} dayOnly />}</td>
            <td className={styles.date}>
              <DateText date={r.lastActivity} dayOnly />
            </td>
            <td>
              <ToolchainList toolchains={r.toolchains.slice(0, 3)} />
              {r.arches.length > 0 && <span className="dim"> {r.arches.join(" ")}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
