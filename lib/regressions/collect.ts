// Finds regressions in the database and gathers, for one culprit commit, the messages its story is told in
// (as MessageFacts for buildTimeline). Plain SQL over better-sqlite3: used by the ingester's summary refresh
// and by the site's queries alike.
//
// What counts as a regression here: a commit some message names as the culprit of a breakage, by
//   - regzbot:       "#regzbot introduced: <sha>" (the regression tracker's own record),
//   - bisected-to:   a bisection result ("first bad commit", "<sha> is the first bad commit", a robot's bisect),
//   - introduced-by: prose or a trailer saying the problem was introduced or caused by it,
//   - reported-fix:  a patch with "Fixes: <sha>" that also carries Reported-by: or Closes:, i.e. fixes a
//                    breakage somebody ran into (a Fixes: alone is an ordinary bug fix, not a regression report).
// Regzbot regressions given only a version range ("introduced: v6.1..v6.2") name no commit and are not listed.
import type { Sqlite } from "../db/sqlite";
import { prepared } from "../db/statements";
import { messageIdFromUrl } from "../links/resolve";
import { regzbotFromRow } from "./regzbot";
import { parseSubject, subjectKey } from "./series";
import { buildTimeline, sameCommit, type CommitFact, type MessageFacts, type RegressionHistory } from "./timeline";
import type { CommitRole } from "../../ingest/extract/types";
import { messageListSql } from "../db/message-list";

export type RegressionEvidence = "regzbot" | "bisected-to" | "introduced-by" | "reported-fix";

export interface CulpritCommit {
  repo: string;
  sha: string;
  /** The commit row, when some message's commit mention made one (a regzbot-only culprit may have none). */
  commitId: number | null;
  subject: string | null;
}

export interface RegressionCandidate extends CulpritCommit {
  evidence: RegressionEvidence;
  /** Date of the first message giving the evidence (epoch ms). */
  firstDate: number | null;
}

export interface RegressionStory {
  culprit: CulpritCommit;
  evidence: RegressionEvidence;
  history: RegressionHistory;
  /** The list each message of the story is archived on, for its URL. */
  lists: Record<string, string>;
  /** Message row ids of the story. */
  rowIds: number[];
  /** The facts the timeline was built from (toolchains and arches of every message). */
  facts: MessageFacts[];
}

// Roles that name the commit as the cause; a message with one of these anchors the report thread.
const CULPRIT_ROLES: CommitRole[] = ["bisected-to", "introduced-by"];
// Roles whose message is about the culprit itself: its replies (reviews, "Applied", follow-ups) belong to the story.
const THREAD_ROLES: CommitRole[] = ["bisected-to", "introduced-by", "fixes", "reverts"];
// base-commit: lines name the tree a series applies to, which says nothing about the commit.
const IGNORED_ROLES: CommitRole[] = ["base"];
// A story bigger than this is a thread that happens to mention the commit, not a regression discussion.
const MAX_THREAD_MESSAGES = 400;

// "Fixes: 1da177e4c3f4 ("Linux-2.6.12-rc2")" means "broken since git history began": the import, not a change.
const NOT_CULPRITS = ["1da177e4c3f41524e886b7f1b8a0c1fc7321cac2"];
const notCulprit = (sha: string) => NOT_CULPRITS.some((x) => sameCommit(x, sha));

const EVIDENCE_ORDER: RegressionEvidence[] = ["regzbot", "bisected-to", "introduced-by", "reported-fix"];

const ids = (xs: number[]) => JSON.stringify([...new Set(xs)]);

/** Every culprit commit in the database with its strongest evidence, earliest first. */
export function regressionCandidates(db: Sqlite): RegressionCandidate[] {
  const byKey = new Map<string, RegressionCandidate>();
  const add = (c: RegressionCandidate) => {
    if (notCulprit(c.sha)) return;
    const key = `${c.repo}\n${c.sha}`;
    const old = byKey.get(key);
    if (!old) return void byKey.set(key, c);
    if (EVIDENCE_ORDER.indexOf(c.evidence) < EVIDENCE_ORDER.indexOf(old.evidence)) old.evidence = c.evidence;
    if (c.firstDate !== null && (old.firstDate === null || c.firstDate < old.firstDate)) old.firstDate = c.firstDate;
  };
  const mentioned = prepared(
    db,
    `SELECT c.id AS commitId, c.repo, c.sha, c.subject, cm.role, MIN(m.date) AS firstDate
     FROM commit_mention cm JOIN "commit" c ON c.id = cm.commit_id JOIN message m ON m.id = cm.message_row_id
     WHERE cm.role IN ('bisected-to', 'introduced-by')
        OR (cm.role = 'fixes' AND EXISTS (SELECT 1 FROM trailer t WHERE t.message_row_id = cm.message_row_id AND t.name IN ('Reported-by', 'Closes')))
     GROUP BY c.id, cm.role`,
  ).all() as { commitId: number; repo: string; sha: string; subject: string | null; role: CommitRole; firstDate: number | null }[];
  for (const r of mentioned) {
    const evidence: RegressionEvidence = r.role === "fixes" ? "reported-fix" : (r.role as RegressionEvidence);
    add({ repo: r.repo, sha: r.sha, commitId: r.commitId, subject: r.subject, evidence, firstDate: r.firstDate });
  }
  const regzbot = prepared(
    db,
    `SELECT r.command, r.argument, m.date FROM regzbot_command r JOIN message m ON m.id = r.message_row_id
     WHERE r.command = 'introduced' ORDER BY m.date`,
  ).all() as { command: string; argument: string; date: number | null }[];
  for (const r of regzbot) {
    const sha = regzbotFromRow(r).commit;
    if (!sha) continue;
    const culprit = resolveCulprit(db, "linux", sha) ?? { repo: "linux", sha, commitId: null, subject: null };
    add({ ...culprit, evidence: "regzbot", firstDate: r.date });
  }
  return [...byKey.values()].sort((a, b) => (a.firstDate ?? Infinity) - (b.firstDate ?? Infinity) || a.sha.localeCompare(b.sha));
}

/**
 * The commit (repo, sha) names, where `sha` may be abbreviated or longer than the stored form; null when no
 * message mentions it and no regzbot command names it.
 */
export function resolveCulprit(db: Sqlite, repo: string, sha: string): CulpritCommit | null {
  const x = sha.toLowerCase();
  if (!/^[0-9a-f]{7,40}$/.test(x)) return null;
  const prefixes: string[] = [];
  for (let n = 7; n <= x.length; n++) prefixes.push(x.slice(0, n));
  const row = prepared(
    db,
    `SELECT id AS commitId, repo, sha, subject FROM "commit"
     WHERE repo = ? AND ((sha >= ? AND sha < ?) OR sha IN (SELECT value FROM json_each(?)))
     ORDER BY length(sha) DESC LIMIT 1`,
  ).get(repo, x, `${x}g`, JSON.stringify(prefixes)) as CulpritCommit | undefined;
  if (row) return row;
  if (repo !== "linux") return null;
  const named = regzbotIntroductions(db, x);
  return named.length ? { repo, sha: named.sort((a, b) => b.sha.length - a.sha.length)[0].sha, commitId: null, subject: null } : null;
}

/** "#regzbot introduced: <sha>" commands naming the commit `sha` (abbreviated or not). */
function regzbotIntroductions(db: Sqlite, sha: string): { rowId: number; sha: string }[] {
  const rows = prepared(db, "SELECT message_row_id AS rowId, command, argument FROM regzbot_command WHERE command = 'introduced' AND argument LIKE ?")
    .all(`${sha.slice(0, 7)}%`) as { rowId: number; command: string; argument: string }[];
  return rows.flatMap((r) => {
    const named = regzbotFromRow(r).commit;
    return named && sameCommit(named, sha) ? [{ rowId: r.rowId, sha: named }] : [];
  });
}

interface MessageRow {
  rowId: number;
  messageId: string;
  inReplyTo: string | null;
  parentId: string | null;
  threadId: number | null;
  subject: string;
  fromName: string;
  fromAddr: string;
  date: number | null;
  body: string;
  list: string | null;
}

/** Row ids of the message with this Message-ID and of every reply below it. */
function withReplies(db: Sqlite, rowId: number): number[] {
  return prepared(
    db,
    `WITH RECURSIVE below(id, mid) AS (
       SELECT id, message_id FROM message WHERE id = ?
       UNION SELECT m.id, m.message_id FROM message m JOIN below b ON m.parent_id = b.mid
     ) SELECT id FROM below LIMIT ${MAX_THREAD_MESSAGES}`,
  )
    .pluck()
    .all(rowId) as number[];
}

/** The whole thread, when it is small enough to be one discussion. */
function wholeThread(db: Sqlite, threadId: number): number[] {
  const rows = prepared(db, `SELECT id FROM message WHERE thread_id = ? AND ghost = 0 LIMIT ${MAX_THREAD_MESSAGES + 1}`).pluck().all(threadId) as number[];
  return rows.length > MAX_THREAD_MESSAGES ? [] : rows;
}

/** The first real message of a thread (its report, when the thread is one). */
function threadStart(db: Sqlite, threadId: number): { rowId: number; messageId: string; subject: string } | undefined {
  return prepared(db, "SELECT id AS rowId, message_id AS messageId, subject FROM message WHERE thread_id = ? AND ghost = 0 ORDER BY date IS NULL, date, id LIMIT 1")
    .get(threadId) as { rowId: number; messageId: string; subject: string } | undefined;
}

function rowIdOf(db: Sqlite, messageId: string): number | undefined {
  return prepared(db, "SELECT id FROM message WHERE message_id = ? AND ghost = 0").pluck().get(messageId) as number | undefined;
}

/** A quoted FTS5 phrase: the title's words in order. */
function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Patch postings with one of the titles (fixes regzbot or a posting names), and pull requests listing them. */
function postingsTitled(db: Sqlite, titles: string[]): number[] {
  const out: number[] = [];
  const match = prepared(db, "SELECT f.rowid AS id, m.subject FROM message_fts f JOIN message m ON m.id = f.rowid WHERE message_fts MATCH ? LIMIT 100");
  for (const title of new Set(titles)) {
    const key = subjectKey(title);
    if (key.length < 12) continue; // too short to name one patch
    try {
      for (const r of match.all(`subject:${ftsPhrase(title)}`) as { id: number; subject: string }[]) if (parseSubject(r.subject).key === key) out.push(r.id);
      for (const r of match.all(`subject:"git pull" AND body:${ftsPhrase(title)}`) as { id: number }[]) out.push(r.id);
    } catch {
      // A title FTS5 cannot read as a phrase: its postings are then not found, nothing else is lost.
    }
  }
  return out;
}

function loadMessages(db: Sqlite, rowIds: number[]): MessageRow[] {
  return prepared(
    db,
    `SELECT m.id AS rowId, m.message_id AS messageId, m.in_reply_to AS inReplyTo, m.parent_id AS parentId,
       m.thread_id AS threadId, m.subject, m.from_name AS fromName, m.from_addr AS fromAddr, m.date, m.body,
       ${messageListSql()} AS list
     FROM message m WHERE m.id IN (SELECT value FROM json_each(?)) AND m.ghost = 0`,
  ).all(ids(rowIds)) as MessageRow[];
}

/** MessageFacts of the given messages: their commits, toolchains, configs, arches, trailers and regzbot commands. */
export function messageFacts(db: Sqlite, rows: MessageRow[]): MessageFacts[] {
  const list = ids(rows.map((r) => r.rowId));
  const group = <T>(sql: string): Map<number, T[]> => {
    const out = new Map<number, T[]>();
    for (const r of prepared(db, sql).all(list) as (T & { rowId: number })[]) {
      const { rowId, ...rest } = r;
      out.set(rowId, [...(out.get(rowId) ?? []), rest as T]);
    }
    return out;
  };
  const inList = "IN (SELECT value FROM json_each(?))";
  const commits = group<CommitFact>(
    `SELECT cm.message_row_id AS rowId, c.sha, cm.role, c.subject FROM commit_mention cm JOIN "commit" c ON c.id = cm.commit_id WHERE cm.message_row_id ${inList}`,
  );
  const toolchains = group<{ name: string; version: string }>(
    `SELECT tm.message_row_id AS rowId, t.name, t.version FROM toolchain_mention tm JOIN toolchain t ON t.id = tm.toolchain_id WHERE tm.message_row_id ${inList} ORDER BY tm.id`,
  );
  const configs = group<{ name: string }>(`SELECT message_row_id AS rowId, name FROM config_mention WHERE message_row_id ${inList}`);
  const arches = group<{ tag: string }>(`SELECT message_row_id AS rowId, tag FROM message_tag WHERE tag LIKE 'arch:%' AND message_row_id ${inList}`);
  const trailers = group<{ name: string; value: string }>(`SELECT message_row_id AS rowId, name, value FROM trailer WHERE message_row_id ${inList} ORDER BY id`);
  const regzbot = group<{ command: string; argument: string }>(
    `SELECT message_row_id AS rowId, command, argument FROM regzbot_command WHERE message_row_id ${inList} ORDER BY id`,
  );
  return rows.map((r) => ({
    messageId: r.messageId,
    inReplyTo: r.inReplyTo ?? r.parentId,
    subject: r.subject,
    from: { name: r.fromName, address: r.fromAddr },
    date: r.date === null ? null : new Date(r.date),
    commits: commits.get(r.rowId) ?? [],
    toolchains: toolchains.get(r.rowId) ?? [],
    configs: (configs.get(r.rowId) ?? []).map((c) => c.name),
    arches: (arches.get(r.rowId) ?? []).map((a) => a.tag.slice("arch:".length)),
    trailers: trailers.get(r.rowId) ?? [],
    body: r.body,
    regzbot: (regzbot.get(r.rowId) ?? []).map(regzbotFromRow),
  }));
}

/**
 * The story of the regression `culprit` caused: the report thread (where the culprit was bisected or
 * regzbot told about it), replies to every message naming it as a culprit, fixed or reverted commit, fix
 * postings and their replies ("Applied"), stable backports, patches and pull requests regzbot's `fix:`
 * names, messages linking to the report, and plain mentions. Null when nothing names it as a culprit.
 */
export function collectRegression(db: Sqlite, culprit: CulpritCommit): RegressionStory | null {
  if (notCulprit(culprit.sha)) return null;
  const seeds = culprit.commitId === null
    ? []
    : (prepared(db, "SELECT message_row_id AS rowId, role FROM commit_mention WHERE commit_id = ? AND role NOT IN (SELECT value FROM json_each(?))")
        .all(culprit.commitId, JSON.stringify(IGNORED_ROLES)) as { rowId: number; role: CommitRole }[]);
  const regzbotSeeds = culprit.repo === "linux" ? regzbotIntroductions(db, culprit.sha) : [];
  const hasReportedFix =
    seeds.some((s) => s.role === "fixes") &&
    (prepared(
      db,
      // +name: a few messages' trailers by message, not every Reported-by in the archive by name
      `SELECT count(*) FROM trailer WHERE +name IN ('Reported-by', 'Closes') AND message_row_id IN (SELECT value FROM json_each(?))`,
    )
      .pluck()
      .get(ids(seeds.filter((s) => s.role === "fixes").map((s) => s.rowId))) as number) > 0;
  const found: RegressionEvidence | undefined = regzbotSeeds.length
    ? "regzbot"
    : seeds.some((s) => s.role === "bisected-to")
      ? "bisected-to"
      : seeds.some((s) => s.role === "introduced-by")
        ? "introduced-by"
        : hasReportedFix
          ? "reported-fix"
          : undefined;
  if (!found) return null;

  const rowIds = new Set<number>();
  const addAll = (xs: number[]) => xs.forEach((x) => rowIds.add(x));
  const seedRows = loadMessages(db, [...seeds.map((s) => s.rowId), ...regzbotSeeds.map((s) => s.rowId)]);
  const seedRow = new Map(seedRows.map((r) => [r.rowId, r]));
  addAll(seedRows.map((r) => r.rowId));

  // The report: regzbot's (buildTimeline finds it), else the thread a culprit was named in, else what a fix closes.
  let reportId: string | null | undefined;
  // A patch that names the culprit ("introduced by commit X") is a fix posting, not a report.
  const isPosting = (r: MessageRow) => {
    const info = parseSubject(r.subject);
    return info.patch && !info.reply;
  };
  const culpritSeeds = [...regzbotSeeds.map((s) => s.rowId), ...seeds.filter((s) => CULPRIT_ROLES.includes(s.role)).map((s) => s.rowId)]
    .map((id) => seedRow.get(id)!)
    .filter((r) => r && !isPosting(r))
    .sort((a, b) => (a.date ?? Infinity) - (b.date ?? Infinity));
  for (const s of culpritSeeds) {
    if (s.threadId === null) continue;
    const start = threadStart(db, s.threadId);
    const startsWithPatch = !!start && parseSubject(start.subject).patch && start.rowId !== s.rowId;
    // A report thread is the discussion; a reply to the culprit's own patch posting is a report in a patch thread.
    addAll(startsWithPatch ? withReplies(db, s.rowId) : wholeThread(db, s.threadId));
    if (reportId === undefined && !regzbotSeeds.length) reportId = startsWithPatch || !start ? s.messageId : start.messageId;
  }
  for (const s of seeds.filter((x) => THREAD_ROLES.includes(x.role) && (!CULPRIT_ROLES.includes(x.role) || isPosting(seedRow.get(x.rowId)!)))) {
    addAll(withReplies(db, s.rowId));
  }

  // What the fixes close: a report archived here.
  const fixRowIds = seeds.filter((s) => s.role === "fixes" || (s.role === "introduced-by" && isPosting(seedRow.get(s.rowId)!))).map((s) => s.rowId);
  const closes = prepared(db, `SELECT value FROM trailer WHERE +name IN ('Closes', 'Link') AND message_row_id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(ids(fixRowIds)) as string[];
  for (const url of closes) {
    const mid = messageIdFromUrl(url).messageId;
    const rowId = mid ? rowIdOf(db, mid) : undefined;
    if (rowId === undefined || rowIds.has(rowId)) continue;
    const [target] = loadMessages(db, [rowId]);
    const info = parseSubject(target.subject);
    if (info.patch && !info.reply) continue; // a link to an earlier version of the fix, not to a report
    if (target.threadId !== null) addAll(wholeThread(db, target.threadId));
    rowIds.add(rowId);
    if (reportId === undefined && !regzbotSeeds.length) {
      const start = target.threadId === null ? undefined : threadStart(db, target.threadId);
      reportId = start?.messageId ?? target.messageId;
    }
  }
  // No report among the messages: the breakage was reported elsewhere (or only the fix says what broke).
  if (reportId === undefined && !regzbotSeeds.length) reportId = null;

  // Fixes regzbot names by subject, and pull requests listing the fixes posted.
  let rows = loadMessages(db, [...rowIds]);
  const regzbotFixTitles = (
    prepared(db, `SELECT command, argument FROM regzbot_command WHERE command = 'fix' AND message_row_id IN (SELECT value FROM json_each(?))`)
      .all(ids([...rowIds])) as { command: string; argument: string }[]
  ).flatMap((r) => {
    const c = regzbotFromRow(r);
    return c.commit ? [] : c.text ? [c.text] : [];
  });
  const fixTitles = rows.filter((r) => fixRowIds.includes(r.rowId)).map((r) => parseSubject(r.subject).title);
  const more = postingsTitled(db, [...regzbotFixTitles, ...fixTitles]).filter((id) => !rowIds.has(id));
  for (const id of more) {
    rowIds.add(id);
    const [m] = loadMessages(db, [id]);
    if (m && parseSubject(m.subject).patch && !/git pull/i.test(m.subject)) addAll(withReplies(db, id));
  }
  // Patches that link to the report (Link:/Closes:) fix it too.
  const reportMid = typeof reportId === "string" ? reportId : null;
  if (reportMid) {
    const linking = prepared(db, "SELECT message_row_id FROM trailer WHERE name IN ('Link', 'Closes') AND value LIKE ?")
      .pluck()
      .all(`%${reportMid.replace(/[%_]/g, "")}%`) as number[];
    for (const id of linking) if (!rowIds.has(id)) addAll(withReplies(db, id));
  }
  rows = loadMessages(db, [...rowIds]);

  const facts = messageFacts(db, rows);
  const history = buildTimeline(facts, reportId, { sha: culprit.sha, subject: culprit.subject });
  if (!history.title) history.title = culprit.subject ? `Regression from "${culprit.subject}"` : `Regression from ${culprit.sha.slice(0, 12)}`;
  const lists: Record<string, string> = {};
  for (const r of rows) if (r.list) lists[r.messageId] = r.list;
  return { culprit, evidence: found, history, lists, rowIds: rows.map((r) => r.rowId), facts };
}

/** Toolchains and arches a story was seen with: the report's, else those of its bisection, culprit and fix messages. */
export function storyEnvironment(story: RegressionStory): { toolchains: { name: string; version: string }[]; arches: string[] } {
  const h = story.history;
  if (h.toolchains.length || h.arches.length) return { toolchains: h.toolchains, arches: h.arches };
  const telling = new Set(h.entries.filter((e) => ["report", "bisect", "culprit", "fix-posted"].includes(e.kind)).map((e) => e.messageId));
  const msgs = story.facts.filter((m) => telling.has(m.messageId));
  const toolchains = new Map<string, { name: string; version: string }>();
  for (const m of msgs) for (const t of m.toolchains) toolchains.set(`${t.name} ${t.version}`, t);
  return { toolchains: [...toolchains.values()], arches: [...new Set(msgs.flatMap((m) => m.arches))].sort() };
}
