// The history of one regression across threads, in time order: report, bisection and culprit, discussion, fix
// postings (v1, v2, …), fix applied, revert, stable backport, regzbot commands; and the state they add up to.
// Pure: a query collects the messages (see MessageFacts) and this decides what each one means.
import type { CommitRole } from "../../ingest/extract/types";
import { ownLines, segmentBody } from "../mail/segment";
import { messageIdFromUrl } from "../links/resolve";
import { parseRegzbotCommands, subjectIgnoresActivity, type RegzbotCommand } from "./regzbot";
import { parseSubject, subjectKey } from "./series";

export interface CommitFact {
  sha: string; // lower-case hex, 7..40
  role: CommitRole;
  subject: string | null;
}

/**
 * One message that may belong to the regression, as the database has it. A query fills it from message,
 * commit_mention ⨝ commit, toolchain_mention ⨝ toolchain, config_mention, message_tag ("arch:…") and trailer.
 */
export interface MessageFacts {
  messageId: string;
  inReplyTo: string | null;
  subject: string;
  from: { name: string; address: string };
  date: Date | null;
  commits: CommitFact[];
  toolchains: { name: string; version: string }[];
  configs: string[]; // CONFIG_ names
  arches: string[]; // from message_tag "arch:<name>", without the prefix
  trailers: { name: string; value: string }[]; // Fixes, Link, Closes, Reported-by, …
  /** The decoded body: regzbot commands, "Applied, thanks" and pull-request shortlogs are read from it. */
  body?: string;
  /** Pre-parsed commands; parsed from `body` when absent. */
  regzbot?: RegzbotCommand[];
}

export type RegressionState = "open" | "fixed" | "reverted" | "resolved" | "inconclusive" | "duplicate";

export type TimelineKind = "report" | "bisect" | "culprit" | "discussion" | "fix-posted" | "fix-applied" | "revert" | "backport" | "regzbot";

export interface TimelineEntry {
  kind: TimelineKind;
  messageId: string;
  date: Date | null;
  author: string;
  subject: string;
  /** The commits the entry is about: culprit, bisect result, the commit a fix names, reverted or upstream commit. */
  commits: CommitFact[];
  /** fix-posted: the patch version. */
  version?: number;
  /** revert: whether it was applied (a commit notice or "Applied") rather than only posted. */
  applied?: boolean;
  /** backport: the stable branch. */
  stable?: string;
  /** regzbot: the commands in the message. */
  commands?: RegzbotCommand[];
  /** report: what it was built with. */
  toolchains?: { name: string; version: string }[];
  configs?: string[];
  arches?: string[];
}

export interface Culprit {
  sha: string;
  /** "fixes": named only by the Fixes: of a fix (the caller said it is the culprit). */
  source: "regzbot" | "bisected-to" | "introduced-by" | "fixes";
  messageId: string;
  subject: string | null;
}

export interface RegressionHistory {
  reportId: string | null;
  title: string;
  state: RegressionState;
  /** A fix is posted or named (regzbot fix: <subject>) but not known to be applied. */
  fixPending: boolean;
  culprits: Culprit[];
  introducedRange: { from: string; to: string } | null;
  fixes: { messageId: string; version: number; subject: string; applied: boolean }[];
  toolchains: { name: string; version: string }[];
  arches: string[];
  configs: string[];
  entries: TimelineEntry[];
  firstDate: Date | null;
  /** Latest message that counts as activity (regzbot-only mails, pokes and #forregzbot do not). */
  lastActivity: Date | null;
}

/** Two abbreviations of one commit: the shorter is a prefix of the longer, and both are long enough to mean it. */
export function sameCommit(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x.length >= 7 && y.length >= 7 && (x.startsWith(y) || y.startsWith(x));
}

// "Applied to kbuild-fixes.", "Applied, thanks!", "Queued up for 6.5", "Picked up into tip".
const APPLIED = /^\s*(?:applied|queued(?: up)?|pushed|picked up|merged)\b(?:.*\b(?:thanks|to|into|for)\b)?/i;
// tip-bot and other commit notifications.
const COMMIT_NOTICE = /^The following commit has been merged into the \S+ branch of \S+:/m;

/** Whether the message's own text says a patch was applied (or is a commit notification). */
export function appliedNotice(body: string): boolean {
  if (COMMIT_NOTICE.test(body)) return true;
  return ownLines(segmentBody(body)).some((l) => APPLIED.test(l) && l.trim().length < 120);
}

function time(d: Date | null): number {
  return d ? d.getTime() : Number.POSITIVE_INFINITY;
}

function authorOf(m: MessageFacts): string {
  return m.from.name || m.from.address;
}

// A patch naming the culprit fixes it, whether by a Fixes: tag or by saying "introduced by commit X" in prose.
const FIX_ROLES: CommitRole[] = ["fixes", "introduced-by"];

const KIND_ORDER: TimelineKind[] = ["report", "regzbot", "bisect", "culprit", "discussion", "fix-posted", "revert", "fix-applied", "backport"];

/**
 * The timeline and state of one regression from the messages a query found for it: the report thread, and
 * messages elsewhere that name its culprit (Fixes:, reverts, bisect results), link to the report (Link:,
 * Closes:), backport a fix, or list a fix in a pull request. `reportId` overrides the report regzbot or the
 * earliest message would give; `null` says the report is not among the messages (a fix whose Reported-by
 * names a report sent elsewhere), so without a regzbot report there is none. `culprit` is a commit the caller
 * knows caused it (a query keyed by commit), counted even when only Fixes: tags name it.
 */
export function buildTimeline(messages: MessageFacts[], reportId?: string | null, culprit?: { sha: string; subject: string | null }): RegressionHistory {
  const sorted = [...messages].sort((a, b) => time(a.date) - time(b.date) || a.messageId.localeCompare(b.messageId));
  const byId = new Map(sorted.map((m) => [m.messageId, m]));
  const commandsOf = new Map(sorted.map((m) => [m.messageId, m.regzbot ?? (m.body ? parseRegzbotCommands(m.body) : [])]));

  // The report: named by the caller, or where regzbot was told about it, or the first message.
  let report = reportId ? byId.get(reportId) : undefined;
  if (!report) {
    for (const m of sorted) {
      const intro = commandsOf.get(m.messageId)!.find((c) => c.verb === "introduced");
      if (!intro) continue;
      report = intro.reportIsParent && m.inReplyTo ? (byId.get(m.inReplyTo) ?? m) : m;
      break;
    }
  }
  if (reportId !== null) report ??= sorted[0];

  const culprits: Culprit[] = [];
  let introducedRange: RegressionHistory["introducedRange"] = null;
  let title = report ? parseSubject(report.subject).title : "";
  const addCulprit = (c: Culprit) => {
    if (!culprits.some((x) => sameCommit(x.sha, c.sha))) culprits.push(c);
  };
  for (const m of sorted) {
    for (const c of commandsOf.get(m.messageId)!) {
      if (c.verb === "introduced" && c.introduced?.kind === "commit") addCulprit({ sha: c.introduced.sha, source: "regzbot", messageId: m.messageId, subject: null });
      if (c.verb === "introduced" && c.introduced?.kind === "range") introducedRange = { from: c.introduced.from, to: c.introduced.to };
      if (c.verb === "title" && c.text) title = c.text;
    }
    for (const c of m.commits) {
      if (c.role === "bisected-to" || c.role === "introduced-by") addCulprit({ sha: c.sha, source: c.role, messageId: m.messageId, subject: c.subject });
    }
  }
  if (culprit) {
    const naming = sorted.find((m) => m.commits.some((c) => sameCommit(c.sha, culprit.sha)));
    if (naming) addCulprit({ sha: culprit.sha, source: "fixes", messageId: naming.messageId, subject: culprit.subject });
  }
  for (const c of culprits) c.subject ??= sorted.flatMap((m) => m.commits).find((x) => x.subject && sameCommit(x.sha, c.sha))?.subject ?? null;
  const isCulprit = (sha: string) => culprits.some((c) => sameCommit(c.sha, sha));

  // Fix subjects regzbot was told about; a patch with that title is the fix.
  const fixTitles = new Set<string>();
  for (const cmds of commandsOf.values()) for (const c of cmds) if (c.verb === "fix" && c.text) fixTitles.add(subjectKey(c.text));
  const reportLinked = (m: MessageFacts) =>
    !!report &&
    m.trailers.some((t) => /^(link|closes)$/i.test(t.name) && messageIdFromUrl(t.value).messageId === report!.messageId);
  const culpritCommits = (m: MessageFacts, roles: CommitRole[]) => m.commits.filter((c) => roles.includes(c.role) && isCulprit(c.sha));
  // A fix's other versions carry its title even when only one of them says what it fixes.
  for (const m of sorted) {
    const info = parseSubject(m.subject);
    const revert = info.title.startsWith('Revert "') || culpritCommits(m, ["reverts"]).length > 0;
    if (info.patch && !info.reply && !info.stable && !info.autosel && !revert && (culpritCommits(m, FIX_ROLES).length || reportLinked(m))) fixTitles.add(info.key);
  }

  const entries: TimelineEntry[] = [];
  const fixes: RegressionHistory["fixes"] = [];
  const fixPostIds = new Set<string>();
  const revertPostIds = new Set<string>();
  // `weak`: a backport says the fix exists, not that this regression's own state changed.
  type Change = { date: Date | null; state?: RegressionState; pending?: boolean; weak?: boolean };
  const changes: Change[] = [];

  for (const m of sorted) {
    const base = { messageId: m.messageId, date: m.date, author: authorOf(m), subject: m.subject };
    const info = parseSubject(m.subject);
    const commands = commandsOf.get(m.messageId)!;
    const applied = !!m.body && appliedNotice(m.body);
    let kind: TimelineKind | null = null;
    const extra: Partial<TimelineEntry> = {};

    if (m === report) {
      kind = "report";
      Object.assign(extra, { toolchains: m.toolchains, configs: m.configs, arches: m.arches, commits: culpritCommits(m, ["bisected-to", "introduced-by"]) });
    } else if (info.patch && !info.reply && (info.stable || info.autosel)) {
      kind = "backport";
      extra.stable = info.stable ?? undefined;
      extra.commits = m.commits.filter((c) => c.role === "upstream" || c.role === "fixes");
      if (fixTitles.has(info.key) || culpritCommits(m, ["fixes"]).length) changes.push({ date: m.date, state: "fixed", weak: true });
    } else if (info.patch && !info.reply && (info.title.startsWith('Revert "') || culpritCommits(m, ["reverts"]).length)) {
      kind = "revert";
      extra.commits = m.commits.filter((c) => c.role === "reverts");
      extra.applied = applied;
      revertPostIds.add(m.messageId);
      if (applied) changes.push({ date: m.date, state: "reverted" });
    } else if (info.patch && !info.reply && (culpritCommits(m, FIX_ROLES).length || reportLinked(m) || fixTitles.has(info.key))) {
      const isNotice = applied; // a commit notification for a fix
      kind = isNotice ? "fix-applied" : "fix-posted";
      extra.version = info.version;
      extra.commits = culpritCommits(m, FIX_ROLES);
      fixPostIds.add(m.messageId);
      fixes.push({ messageId: m.messageId, version: info.version, subject: info.title, applied: isNotice });
      changes.push(isNotice ? { date: m.date, state: "fixed" } : { date: m.date, pending: true });
    } else if (applied && m.inReplyTo && (fixPostIds.has(m.inReplyTo) || revertPostIds.has(m.inReplyTo))) {
      const reverted = revertPostIds.has(m.inReplyTo);
      kind = reverted ? "revert" : "fix-applied";
      if (reverted) extra.applied = true;
      extra.commits = [];
      const fix = fixes.find((f) => f.messageId === m.inReplyTo);
      if (fix) fix.applied = true;
      changes.push({ date: m.date, state: reverted ? "reverted" : "fixed" });
    } else if (/^git pull\b/i.test(info.labels.join(" ")) && m.body && pullIncludes(m.body, [...fixTitles, ...fixes.map((f) => subjectKey(f.subject))])) {
      kind = "fix-applied";
      extra.commits = [];
      changes.push({ date: m.date, state: "fixed" });
    } else if (m.commits.some((c) => c.role === "bisected-to")) {
      kind = "bisect";
      extra.commits = m.commits.filter((c) => c.role === "bisected-to");
    } else if (culpritCommits(m, ["introduced-by"]).length) {
      kind = "culprit";
      extra.commits = culpritCommits(m, ["introduced-by"]);
    }

    for (const c of commands) {
      if (c.verb === "fix") changes.push(c.commit ? { date: m.date, state: "fixed" } : { date: m.date, pending: true });
      if (c.verb === "resolve") changes.push({ date: m.date, state: "resolved" });
      if (c.verb === "inconclusive") changes.push({ date: m.date, state: "inconclusive" });
      if (c.verb === "dup-of") changes.push({ date: m.date, state: "duplicate" });
    }
    if (kind) entries.push({ kind, ...base, commits: [], ...extra });
    if (commands.length) entries.push({ kind: "regzbot", ...base, commits: [], commands });
    if (!kind && !commands.length) entries.push({ kind: "discussion", ...base, commits: [] });
  }

  // The latest state-changing event decides; a backport does not undo a revert or a resolution.
  let state: RegressionState = "open";
  let fixPending = false;
  for (const c of changes) {
    if (c.pending) fixPending = true;
    if (c.state && !(c.weak && state !== "open")) state = c.state;
  }
  fixPending &&= state === "open";
  entries.sort((a, b) => time(a.date) - time(b.date) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));

  const quiet = (m: MessageFacts) =>
    subjectIgnoresActivity(m.subject) || commandsOf.get(m.messageId)!.some((c) => c.verb === "ignore-activity" || c.verb === "poke");
  const active = sorted.filter((m) => m.date && !quiet(m));
  return {
    reportId: report?.messageId ?? null,
    title,
    state,
    fixPending,
    culprits,
    introducedRange,
    fixes,
    toolchains: report?.toolchains ?? [],
    arches: report?.arches ?? [],
    configs: report?.configs ?? [],
    entries,
    firstDate: sorted.find((m) => m.date)?.date ?? null,
    lastActivity: active.length ? active[active.length - 1].date : null,
  };
}

/** Whether a pull request's own text lists one of the given patch titles (subjectKey form) as a shortlog line. */
export function pullIncludes(body: string, titleKeys: Iterable<string>): boolean {
  const wanted = new Set(titleKeys);
  if (wanted.size === 0) return false;
  return ownLines(segmentBody(body)).some((l) => wanted.has(subjectKey(l)));
}
