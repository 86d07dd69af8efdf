// The /regressions filters as a plain GET form: works without JavaScript, every choice lands in the URL.
import { REGRESSION_STATES } from "../lib/queries/regressions";
import styles from "./regressions.module.css";

export interface RegressionFilterValues {
  toolchain?: string;
  arch?: string;
  state?: string;
  reporter?: string;
  since?: string;
  until?: string;
}

export function RegressionFilterForm({ values, toolchainNames, arches }: { values: RegressionFilterValues; toolchainNames: string[]; arches: string[] }) {
  return (
    <form className={styles.filters} method="get" action="/regressions" role="search" aria-label="filter regressions" data-testid="regression-filters">
      <label>
        Toolchain
        <input name="toolchain" defaultValue={values.toolchain ?? ""} placeholder="clang, gcc 13…" list="regression-toolchains" />
        <datalist id="regression-toolchains">
          {toolchainNames.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </label>
      <label>
        Architecture
        <select name="arch" defaultValue={values.arch ?? ""}>
          <option value="">any</option>
          {arches.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label>
        State
        <select name="state" defaultValue={values.state ?? ""}>
          <option value="">any</option>
          {REGRESSION_STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Reported by
        <select name="reporter" defaultValue={values.reporter ?? ""}>
          <option value="">anyone</option>
          <option value="people">people</option>
          <option value="robots">test robots</option>
        </select>
      </label>
      <label>
        Reported since
        <input name="since" defaultValue={values.since ?? ""} placeholder="YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" />
      </label>
      <label>
        until
        <input name="until" defaultValue={values.until ?? ""} placeholder="YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" />
      </label>
      <button className="button" type="submit">
        Filter
      </button>
      <a href="/regressions">reset</a>
    </form>
  );
}
