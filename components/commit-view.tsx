// One commit: its hash and subject, how often and where mail named it, and every mention grouped by role
// (introduced-by, bisected-to, fixes, reverts, ...), oldest first within each role.
import type { CommitDetail, CommitRole } from "../lib/queries/entities";
import { commitFeedUrl, commitUrl } from "../lib/entity-urls";
import { commitSearchUrl } from "../lib/queries/entity-search-url";
import { plural } from "../lib/plural";
import { DateText } from "./date-text";
import { EntityHeader } from "./entity-header";
import { MentionList } from "./mention-list";
import { MonthlyChart } from "./monthly-chart";
import styles from "./entity-page.module.css";

const ROLE_HEADINGS: Record<CommitRole, string> = {
  "introduced-by": "Named as the commit that introduced a problem",
  "bisected-to": "Bisected to",
  fixes: "Fixed by (Fixes: tags)",
  reverts: "Reverted",
  base: "Used as the base of a patch series",
  upstream: "Upstream commit of a backport",
  "bisect-good": "Marked good while bisecting",
  "bisect-bad": "Marked bad while bisecting",
  mention: "Mentioned",
};

export function CommitView({ commit, children }: { commit: CommitDetail; children?: React.ReactNode }) {
  const messages = new Map(commit.mentions.map((m) => [m.messageId, m.date]));
  const first = commit.mentions[0]?.date ?? null;
  const search = commitSearchUrl(commit.sha);
  return (
    <article data-testid="commit-page">
      <EntityHeader
        kind={`${commit.repo} commit`}
        title={commit.sha}
        mono
        summary={
          <>
            {commit.subject ? <strong data-testid="commit-subject">{commit.subject}</strong> : <span className="faint">subject not seen in mail</span>}
            <br />
            Named in {plural(messages.size, "message")} across {plural(commit.threadCount, "thread")}
            {first && (
              <>
                {" "}since <DateText date={first} dayOnly />
              </>
            )}
            .
          </>
        }
        links={[
          search ? { href: search, label: `Search commit:${commit.sha.slice(0, 12)}`, testId: "entity-search" } : null,
          { href: `/api${commitUrl(commit.repo, commit.sha)}`, label: "JSON" },
          { href: commitFeedUrl(commit.repo, commit.sha), label: "Atom feed of new mentions" },
        ]}
      />
      <MonthlyChart dates={[...messages.values()]} title={`Messages naming ${commit.sha.slice(0, 12)} per month`} unit="message" idPrefix="commit-chart" />
      {children}
      {commit.byRole.map((g) => (
        <section key={g.role} data-testid="commit-role" data-role={g.role}>
          <h2>
            {ROLE_HEADINGS[g.role]} <span className="pill">{g.role}</span> <span className={styles.meta}>{plural(g.mentions.length, "message")}</span>
          </h2>
          <MentionList mentions={g.mentions} />
        </section>
      ))}
    </article>
  );
}
