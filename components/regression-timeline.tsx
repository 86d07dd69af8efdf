// One regression's story in time order: report (with toolchain and config), bisection and culprit, discussion,
// fix postings v1, v2…, fix applied, revert, stable backport, regzbot commands, and the state they add up to.
// Takes a RegressionHistory, so the regression page, commit pages and thread pages can all show it.
import { commitUrl, configUrl, DEFAULT_REPO } from "../lib/entity-urls";
import { messageUrl } from "../lib/mail/url";
import type { RegzbotCommand } from "../lib/regressions/regzbot";
import { sameCommit, type CommitFact, type RegressionHistory, type TimelineEntry, type TimelineKind } from "../lib/regressions/timeline";
import { DateText } from "./date-text";
import { RegressionStateBadge } from "./regression-state-badge";
import { ToolchainList } from "./toolchain-list";
import styles from "./regressions.module.css";

const KIND_LABEL: Record<TimelineKind, string> = {
  report: "Report",
  bisect: "Bisected",
  culprit: "Culprit named",
  discussion: "Message",
  "fix-posted": "Fix posted",
  "fix-applied": "Fix applied",
  revert: "Revert",
  backport: "Backport",
  regzbot: "regzbot",
};

const ROLE_LABEL: Partial<Record<CommitFact["role"], string>> = {
  "bisected-to": "first bad commit",
  "introduced-by": "introduced by",
  fixes: "fixes",
  reverts: "reverts",
  upstream: "upstream",
};

export interface RegressionTimelineProps {
  history: RegressionHistory;
  /** The culprit's repository (commit links); "linux" by default. */
  repo?: string;
  /** Message-ID → list, for message URLs; a message not in it links through /r/. */
  lists?: Record<string, string>;
  /** Show the discussion replies too (default), or only the events that move the story. */
  replies?: boolean;
  /** Heading level of the summary title; omit to leave the title out (a page that has its own h1). */
  heading?: "h2" | "h3";
}

function CommitLink({ sha, repo, subject }: { sha: string; repo: string; subject?: string | null }) {
  return (
    <>
      <a className={styles.sha} href={commitUrl(repo, sha)}>
        {sha.slice(0, 12)}
      </a>
      {subject && <> (&ldquo;{subject}&rdquo;)</>}
    </>
  );
}

function entryDetail(e: TimelineEntry, repoOf: (sha: string) => string) {
  const parts: React.ReactNode[] = [];
  if (e.kind === "fix-posted" && e.version) parts.push(<span key="v">v{e.version}</span>);
  if (e.kind === "revert") parts.push(<span key="a">{e.applied ? "applied" : "posted"}</span>);
  if (e.kind === "backport" && e.stable) parts.push(<span key="s">for {e.stable}.y stable</span>);
  for (const c of e.commits) {
    parts.push(
      <span key={`${c.role}${c.sha}`}>
        {ROLE_LABEL[c.role] ?? c.role} <CommitLink sha={c.sha} repo={repoOf(c.sha)} subject={c.subject} />
      </span>,
    );
  }
  if (e.toolchains?.length)
    parts.push(
      <span key="t">
        built with{" "}
        <ToolchainList toolchains={e.toolchains} />
      </span>,
    );
  if (e.arches?.length) parts.push(<span key="ar">on {e.arches.join(", ")}</span>);
  if (e.configs?.length)
    parts.push(
      <span key="c">
        {e.configs.slice(0, 6).map((c, i) => (
          <span key={c}>
            {i > 0 && " "}
            <a className="mono" href={configUrl(c)}>
              {c}
            </a>
          </span>
        ))}
        {e.configs.length > 6 && ` and ${e.configs.length - 6} more`}
      </span>,
    );
  if (!parts.length) return null;
  return (
    <p className={styles.detail}>
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && " · "}
          {p}
        </span>
      ))}
    </p>
  );
}

export function RegressionTimeline({ history, repo = DEFAULT_REPO, lists = {}, replies = true, heading }: RegressionTimelineProps) {
  const repoOf = (sha: string) => (history.culprits.some((c) => sameCommit(c.sha, sha)) ? repo : DEFAULT_REPO);
  const url = (mid: string) => messageUrl(lists[mid] ?? "r", mid);
  const entries = replies ? history.entries : history.entries.filter((e) => e.kind !== "discussion");
  const Heading = heading;
  return (
    <section className="regression-timeline" data-testid="regression-timeline">
      {Heading && <Heading>{history.title}</Heading>}
      <dl className={styles.summary}>
        <dt>State</dt>
        <dd>
          <RegressionStateBadge state={history.state} fixPending={history.fixPending} />
        </dd>
        {history.culprits.length > 0 && (
          <>
            <dt>Culprit</dt>
            <dd data-testid="regression-culprits">
              {history.culprits.map((c, i) => (
                <span key={c.sha}>
                  {i > 0 && "; "}
                  <CommitLink sha={c.sha} repo={repoOf(c.sha)} subject={c.subject} />{" "}
                  <span className="dim">({c.source === "fixes" ? "named by Fixes:" : c.source === "regzbot" ? "told to regzbot" : c.source})</span>
                </span>
              ))}
            </dd>
          </>
        )}
        {history.introducedRange && (
          <>
            <dt>Introduced</dt>
            <dd className="mono">
              {history.introducedRange.from}..{history.introducedRange.to}
            </dd>
          </>
        )}
        <dt>First report</dt>
        <dd>{history.reportId ? <a href={url(history.reportId)}>{<DateText date={history.entries.find((e) => e.kind === "report")?.date ?? history.firstDate} dayOnly />}</a> : <span className="dim">not archived here</span>}</dd>
        <dt>Last activity</dt>
        <dd>
          <DateText date={history.lastActivity} dayOnly />
        </dd>
      </dl>
      <ol className={styles.timeline}>
        {entries.map((e, i) => (
          <li key={`${e.kind}${e.messageId}${i}`} className={styles.entry} data-kind={e.kind} data-testid="timeline-entry">
            <div className={styles.head}>
              <span className={styles.kind}>{KIND_LABEL[e.kind]}</span>
              <span className={styles.when}>
                <DateText date={e.date} />
              </span>
              <a href={url(e.messageId)}>{e.subject || "(no subject)"}</a>
              <span className={styles.who}>{e.author}</span>
            </div>
            {entryDetail(e, repoOf)}
            {e.commands && e.commands.length > 0 && (
              <ul className={styles.commands}>
                {e.commands.map((c: RegzbotCommand, k) => (
                  <li key={k}>
                    #regzbot {c.name}
                    {c.args && `: ${c.args}`}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
