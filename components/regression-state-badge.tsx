// A regression's state as a coloured badge, with "fix posted" beside an open one whose fix is not yet applied.
import type { RegressionState } from "../lib/regressions/timeline";
import styles from "./regressions.module.css";

const LABEL: Record<RegressionState, string> = {
  open: "open",
  fixed: "fixed",
  reverted: "reverted",
  resolved: "resolved",
  inconclusive: "inconclusive",
  duplicate: "duplicate",
};

export function RegressionStateBadge({ state, fixPending = false }: { state: RegressionState; fixPending?: boolean }) {
  return (
    <>
      <span className={`${styles.badge} ${styles[state]}`} data-testid="regression-state" data-state={state}>
        {LABEL[state]}
      </span>
      {fixPending && <span className={styles.pending}>fix posted</span>}
    </>
  );
}
