// An abbreviated hash that names more than one commit: every candidate, with its subject and mention count.
import type { CommitSummary } from "../lib/queries/entities";
import { commitUrl } from "../lib/entity-urls";
import { plural } from "../lib/plural";
import styles from "./entity-page.module.css";

export function CommitCandidates({ sha, candidates }: { sha: string; candidates: CommitSummary[] }) {
  return (
    <section data-testid="commit-candidates">
      <h1>
        <span className={styles["title-mono"]}>{sha}</span> is ambiguous
      </h1>
      <p className="dim">It is the start of {plural(candidates.length, "commit")} seen in mail. Pick one:</p>
      <table className="dense">
        <thead>
          <tr>
            <th>commit</th>
            <th>repository</th>
            <th>subject</th>
            <th className="num">messages</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => (
            <tr key={c.id} data-testid="commit-candidate">
              <td>
                <a className="mono" href={commitUrl(c.repo, c.sha)}>
                  {c.sha}
                </a>
              </td>
              <td>{c.repo}</td>
              <td>{c.subject ?? <span className="faint">not seen</span>}</td>
              <td className="num">{c.mentionCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
