// What the site reads about regressions: the filtered list (from the regression summary table, see
// lib/regressions/summary.ts), one culprit's story across threads, and the stories a thread belongs to.
import { readOnlyDatabase } from "../db/read-only";
import type { MonthCount } from "../chart/monthly-svg";
import { collectRegression, resolveCulprit, type RegressionEvidence, type RegressionStory } from "../regressions/collect";
import { robotSenderSql } from "../regressions/robots";
import type { RegressionState } from "../regressions/timeline";
import { messageListSql } from "../db/message-list";

export type { RegressionStory } from "../regressions/collect";

export const REGRESSION_STATES: RegressionState[] = ["open", "fixed", "reverted", "resolved", "inconclusive", "duplicate"];
export const REGRESSIONS_PER_PAGE = 50;
export const REPORTERS = ["people", "robots"] as const;
export type Reporter = (typeof REPORTERS)[number];

export interface RegressionFilter {
  /** A toolchain name ("clang"), optionally with a version prefix: "clang 19". */
  toolchain?: string;
  arch?: string;
  state?: RegressionState;
  /** Whose first report: people's, or test robots' (0-day/LKP, syzbot, KernelCI, LKFT). */
  reporter?: Reporter;
  /** First report on or after / before (exclusive) these instants. */
  since?: Date;
  until?: Date;
  /** 1-based. */
  page?: number;
}

export interface RegressionRow {
  repo: string;
  sha: string;
  culpritSubject: string | null;
  evidence: RegressionEvidence;
  title: string;
  reportMessageId: string | null;
  /** The report's list, for its URL. */
  reportList: string | null;
  state: RegressionState;
  fixPending: boolean;
  firstDate: Date | null;
  lastActivity: Date | null;
  toolchains: { name: string; version: string }[];
  arches: string[];
  messageCount: number;
}

export interface RegressionList {
  rows: RegressionRow[];
  total: number;
  page: number;
  pageSize: number;
  /** First reports per month of every regression matching the filter (all pages). */
  monthly: MonthCount[];
  /** What the filter's choices can be: toolchain names and arches seen in any regression. */
  toolchainNames: string[];
  arches: string[];
  tookMs: number;
}

const db = readOnlyDatabase;

type Sql = { where: string[]; params: unknown[] };

function filterSql(f: RegressionFilter): Sql {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.toolchain) {
    const [name, version] = f.toolchain.trim().toLowerCase().split(/[\s-]+/, 2);
    where.push(
      `EXISTS (SELECT 1 FROM json_each(r.toolchains) j WHERE json_extract(j.value, '$.name') = ? AND (? IS NULL OR json_extract(j.value, '$.version') = ? OR json_extract(j.value, '$.version') LIKE ?))`,
    );
    params.push(name, version ?? null, version ?? null, `${(version ?? "").replace(/[%_]/g, "")}.%`);
  }
  if (f.arch) {
    where.push("EXISTS (SELECT 1 FROM json_each(r.arches) j WHERE j.value = ?)");
    params.push(f.arch.toLowerCase());
  }
  if (f.state) {
    where.push("r.state = ?");
    params.push(f.state);
  }
  if (f.reporter) {
    // A story whose report is not archived here counts as people's: robots' reports always are.
    const robot = robotSenderSql("rm");
    where.push(`${f.reporter === "robots" ? "" : "NOT "}EXISTS (SELECT 1 FROM message rm WHERE rm.message_id = r.report_message_id AND ${robot.sql})`);
    params.push(...robot.params);
  }
  if (f.since) {
    where.push("r.first_date >= ?");
    params.push(f.since.getTime());
  }
  if (f.until) {
    where.push("r.first_date < ?");
    params.push(f.until.getTime());
  }
  return { where, params };
}

interface Row {
  repo: string;
  sha: string;
  culprit_subject: string | null;
  evidence: RegressionEvidence;
  title: string;
  report_message_id: string | null;
  report_list: string | null;
  state: RegressionState;
  fix_pending: number;
  first_date: number | null;
  last_activity: number | null;
  toolchains: string;
  arches: string;
  message_count: number;
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** Regressions matching the filter, latest first report first. */
export function listRegressions(filter: RegressionFilter = {}): RegressionList {
  const started = performance.now();
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const { where, params } = filterSql(filter);
  const cond = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const d = db();
  const rows = d
    .prepare(
      `SELECT r.*, (SELECT ${messageListSql("rm")} FROM message rm WHERE rm.message_id = r.report_message_id) AS report_list
       FROM regression r ${cond}
       ORDER BY r.first_date IS NULL, r.first_date DESC, r.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, REGRESSIONS_PER_PAGE, (page - 1) * REGRESSIONS_PER_PAGE) as Row[];
  const total = d.prepare(`SELECT count(*) FROM regression r ${cond}`).pluck().get(...params) as number;
  const monthly = d
    .prepare(
      `SELECT strftime('%Y-%m', r.first_date / 1000, 'unixepoch') AS month, count(*) AS count FROM regression r
       ${cond ? `${cond} AND` : "WHERE"} r.first_date IS NOT NULL GROUP BY 1 ORDER BY 1`,
    )
    .all(...params) as MonthCount[];
  const toolchainNames = d
    .prepare("SELECT DISTINCT json_extract(j.value, '$.name') FROM regression r, json_each(r.toolchains) j ORDER BY 1")
    .pluck()
    .all() as string[];
  const arches = d.prepare("SELECT DISTINCT j.value FROM regression r, json_each(r.arches) j ORDER BY 1").pluck().all() as string[];
  return {
    rows: rows.map((r) => ({
      repo: r.repo,
      sha: r.sha,
      culpritSubject: r.culprit_subject,
      evidence: r.evidence,
      title: r.title,
      reportMessageId: r.report_message_id,
      reportList: r.report_list,
      state: r.state,
      fixPending: r.fix_pending === 1,
      firstDate: date(r.first_date),
      lastActivity: date(r.last_activity),
      toolchains: JSON.parse(r.toolchains),
      arches: JSON.parse(r.arches),
      messageCount: r.message_count,
    })),
    total,
    page,
    pageSize: REGRESSIONS_PER_PAGE,
    monthly,
    toolchainNames,
    arches,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

/** The story of the regression `sha` (abbreviated or full) of `repo` caused; null when nothing names it as a culprit. */
export function regressionStory(repo: string, sha: string): RegressionStory | null {
  const culprit = resolveCulprit(db(), repo, sha);
  return culprit ? collectRegression(db(), culprit) : null;
}

/** The regressions whose story includes a message of thread `threadId` (by thread row id), oldest report first. */
export function timelineForThread(threadId: number): RegressionStory[] {
  const culprits = db()
    .prepare(
      `SELECT DISTINCT r.repo, r.sha, r.first_date FROM regression r JOIN regression_message rm ON rm.regression_id = r.id
       JOIN message m ON m.id = rm.message_row_id WHERE m.thread_id = ? ORDER BY r.first_date, r.id`,
    )
    .all(threadId) as { repo: string; sha: string }[];
  return culprits.flatMap((c) => regressionStory(c.repo, c.sha) ?? []);
}

export type FilterParse = { filter: RegressionFilter; error: null } | { filter: RegressionFilter; error: string };

const DAY = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

// "2024", "2024-03" or "2024-03-15" (UTC); `end` gives the first instant after the period.
function parseDay(text: string, end: boolean): Date | null {
  const year = /^\d{4}$/.exec(text);
  if (year) return new Date(Date.UTC(Number(text) + (end ? 1 : 0), 0, 1));
  const m = DAY.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3])];
  if (mo < 1 || mo > 12 || (d !== null && (d < 1 || d > 31))) return null;
  if (d === null) return new Date(Date.UTC(y, mo - 1 + (end ? 1 : 0), 1));
  const day = new Date(Date.UTC(y, mo - 1, d + (end ? 1 : 0)));
  return day;
}

/** The filter a /regressions query string asks for; `error` names the first parameter it cannot read. */
export function parseRegressionFilter(params: Record<string, string | string[] | undefined>): FilterParse {
  const one = (k: string) => {
    const v = params[k];
    return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
  };
  const filter: RegressionFilter = {};
  const toolchain = one("toolchain");
  if (toolchain) {
    if (!/^[a-z][\w.+-]*(?:[\s-]+[\w.+-]+)?$/i.test(toolchain)) return { filter, error: `toolchain "${toolchain}": expected a name like clang, optionally with a version: clang 19` };
    filter.toolchain = toolchain;
  }
  const arch = one("arch");
  if (arch) {
    if (!/^[\w-]+$/.test(arch)) return { filter, error: `arch "${arch}": expected an architecture name like arm64` };
    filter.arch = arch;
  }
  const state = one("state");
  if (state) {
    if (!REGRESSION_STATES.includes(state as RegressionState)) return { filter, error: `state "${state}": expected one of ${REGRESSION_STATES.join(", ")}` };
    filter.state = state as RegressionState;
  }
  const reporter = one("reporter");
  if (reporter) {
    if (!REPORTERS.includes(reporter as Reporter)) return { filter, error: `reporter "${reporter}": expected one of ${REPORTERS.join(", ")}` };
    filter.reporter = reporter as Reporter;
  }
  for (const [key, end] of [["since", false], ["until", true]] as const) {
    const text = one(key);
    if (!text) continue;
    const d = parseDay(text, end);
    if (!d) return { filter, error: `${key} "${text}": expected a date as YYYY, YYYY-MM or YYYY-MM-DD` };
    filter[key] = d;
  }
  const page = one("page");
  if (page) {
    if (!/^\d{1,6}$/.test(page) || Number(page) < 1) return { filter, error: `page "${page}": expected a positive whole number` };
    filter.page = Number(page);
  }
  return { filter, error: null };
}
