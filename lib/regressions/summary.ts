// The regression table: one row per culprit commit with its story's title, state, dates, toolchains and
// arches, and regression_message rows tying the story's messages to it. Rebuilt whole at the end of ingest and
// reextract, so /regressions lists and filters without building every timeline per request.
import type { Sqlite } from "../db/sqlite";
import { collectRegression, regressionCandidates, storyEnvironment } from "./collect";

export interface RefreshSummary {
  regressions: number;
  /** Culprits whose story has the same report as an earlier one (a commit and its stable backport, say). */
  merged: number;
  elapsedMs: number;
}

/** Recomputes every regression; runs in its own transaction. */
export function refreshRegressions(db: Sqlite): RefreshSummary {
  const start = performance.now();
  const insert = db.prepare(
    `INSERT INTO regression (repo, sha, culprit_subject, evidence, title, report_message_id, state, fix_pending, first_date,
       last_activity, toolchains, arches, message_count)
     VALUES (@repo, @sha, @culpritSubject, @evidence, @title, @reportMessageId, @state, @fixPending, @firstDate, @lastActivity,
       @toolchains, @arches, @messageCount)`,
  );
  const member = db.prepare("INSERT OR IGNORE INTO regression_message (regression_id, message_row_id) VALUES (?, ?)");
  let regressions = 0;
  let merged = 0;
  db.transaction(() => {
    db.exec("DELETE FROM regression_message; DELETE FROM regression;");
    const reports = new Set<string>();
    for (const candidate of regressionCandidates(db)) {
      const story = collectRegression(db, candidate);
      if (!story) continue;
      const h = story.history;
      if (h.reportId && reports.has(h.reportId)) {
        merged++;
        continue;
      }
      if (h.reportId) reports.add(h.reportId);
      const env = storyEnvironment(story);
      const reportDate = h.entries.find((e) => e.kind === "report")?.date ?? h.firstDate;
      const id = insert.run({
        repo: candidate.repo,
        sha: candidate.sha,
        culpritSubject: candidate.subject,
        evidence: story.evidence,
        title: h.title,
        reportMessageId: h.reportId,
        state: h.state,
        fixPending: h.fixPending ? 1 : 0,
        firstDate: reportDate?.getTime() ?? null,
        lastActivity: h.lastActivity?.getTime() ?? null,
        toolchains: JSON.stringify(env.toolchains),
        arches: JSON.stringify(env.arches),
        messageCount: story.rowIds.length,
      }).lastInsertRowid;
      for (const rowId of story.rowIds) member.run(id, rowId);
      regressions++;
    }
  })();
  return { regressions, merged, elapsedMs: performance.now() - start };
}
