// Writes analyzed messages into SQLite: identity by Message-ID, list membership, ghosts, incremental
// threading, extracted entities and the FTS5 index, in large write transactions with prepared statements.
// The only ingest module that touches the database.
import path from "node:path";
import zlib from "node:zlib";
import type { Sqlite } from "../lib/db/sqlite";
import { bodyBacked, type Entities } from "./extract/types";
import { refreshRegressions, type RefreshSummary } from "../lib/regressions/summary";
import { indexInTransaction, reindexInTransaction } from "./indexer";
import { compareByDate, linkMessage, referenceChain, rootOf, type ContainerView } from "./thread";
import type { EpochState } from "./read/public-inbox";
import type { Address, DiffIndex, EpochPosition } from "./types";
import type { Analyzed, AnalyzedMessage, FailedMessage, StoredText } from "./worker";

export interface StoreOptions {
  /** Every message goes to this list (--list); otherwise the message's own List-Id/X-Mailing-List. */
  list?: string;
}

export interface BatchOutcome {
  newRowIds: number[]; // messages stored for the first time (ghosts filled in included)
  added: number;
  duplicate: number;
  failed: FailedMessage[];
  extractErrors: { message: AnalyzedMessage; error: string }[];
}

interface ContainerRow {
  id: number;
  ghost: number;
  parent_id: string | null;
  thread_id: number | null;
}

// A mailbox keeps its list in its directory name (corpus/notmuch/lkml.mbox, lists/linux-kbuild/...);
// maildir subdirectories say nothing about the list, so the maildir's own directory is used.
const MAILDIR_PARTS = new Set(["cur", "new", "tmp"]);
export const FALLBACK_LIST = "misc";

/**
 * The list for a message that names none (no List-Id or X-Mailing-List, no --list): the directory its
 * source file is in, as a lore-style name, or "misc" when that says nothing ("/", ".").
 */
export function fallbackListName(sourcePath: string): string {
  let dir = path.dirname(path.resolve(sourcePath));
  while (MAILDIR_PARTS.has(path.basename(dir))) dir = path.dirname(dir);
  const name = path
    .basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "");
  return name || FALLBACK_LIST;
}

function addressText(a: Address): string {
  if (!a.address) return a.name;
  return a.name ? `${a.name} <${a.address}>` : a.address;
}

const lines = (xs: string[]) => xs.join("\n");

// Hex digits sort below "g", so [sha, sha + "g") is every stored sha that starts with `sha`.
const AFTER_HEX = "g";
// git's shortest abbreviation; shorter prefixes are not commit ids.
const MIN_SHA = 7;

export class Store {
  private readonly listIds = new Map<string, number>();
  private readonly touchedThreads = new Set<number>();
  private uncommitted: number[] = [];
  private readonly s;

  constructor(
    readonly db: Sqlite,
    private readonly options: StoreOptions = {},
  ) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      storedTexts: p("SELECT id AS rowId, subject, body, dfn, dfa, dfb, dfhh FROM message WHERE ghost = 0 AND id > ? ORDER BY id LIMIT ?"),
      countStored: p("SELECT count(*) FROM message WHERE ghost = 0").pluck(),
      setExtractVersion: p("UPDATE message SET extract_version = ? WHERE id = ?"),
      setDiffColumns: p("UPDATE message SET dfn = @dfn, dfa = @dfa, dfb = @dfb, dfhh = @dfhh WHERE id = @rowId"),
      savepoint: p("SAVEPOINT message"),
      release: p("RELEASE message"),
      rollbackTo: p("ROLLBACK TO message"),
      container: p("SELECT id, ghost, parent_id, thread_id FROM message WHERE message_id = ?"),
      insertMessage: p(
        `INSERT INTO message (message_id, ghost, synthetic, subject, from_name, from_addr, from_text, to_text, cc_text,
           date, in_reply_to, refs, thread_id, body, dfn, dfa, dfb, dfhh, raw, raw_size, extract_version, ingested_at)
         VALUES (@messageId, 0, @synthetic, @subject, @fromName, @fromAddr, @fromText, @toText, @ccText,
           @date, @inReplyTo, @refs, NULL, @body, @dfn, @dfa, @dfb, @dfhh, @raw, @rawSize, @extractVersion, @ingestedAt)`,
      ),
      fillGhost: p(
        `UPDATE message SET ghost = 0, synthetic = @synthetic, subject = @subject, from_name = @fromName,
           from_addr = @fromAddr, from_text = @fromText, to_text = @toText, cc_text = @ccText, date = @date,
           in_reply_to = @inReplyTo, refs = @refs, body = @body, dfn = @dfn, dfa = @dfa, dfb = @dfb, dfhh = @dfhh,
           raw = @raw, raw_size = @rawSize, extract_version = @extractVersion, ingested_at = @ingestedAt
         WHERE id = @rowId`,
      ),
      insertGhost: p("INSERT INTO message (message_id, ghost, thread_id) VALUES (?, 1, ?)"),
      setParent: p("UPDATE message SET parent_id = ? WHERE message_id = ?"),
      setThread: p("UPDATE message SET thread_id = ? WHERE id = ?"),
      moveThread: p("UPDATE message SET thread_id = ? WHERE thread_id = ?"),
      insertThread: p("INSERT INTO thread (root_message_id) VALUES (?)"),
      deleteThread: p("DELETE FROM thread WHERE id = ?"),
      threadStats: p("SELECT COALESCE(SUM(ghost = 0), 0) AS n, MIN(date) AS first, MAX(date) AS last FROM message WHERE thread_id = ?"),
      threadMembers: p("SELECT message_id AS messageId, subject, date FROM message WHERE thread_id = ? AND ghost = 0"),
      realSubject: p("SELECT subject FROM message WHERE message_id = ? AND ghost = 0"),
      updateThread: p("UPDATE thread SET root_message_id = ?, subject = ?, first_date = ?, last_date = ?, message_count = ? WHERE id = ?"),
      listId: p("SELECT id FROM list WHERE name = ?"),
      insertList: p("INSERT INTO list (name) VALUES (?)"),
      addToList: p("INSERT OR IGNORE INTO message_list (message_row_id, list_id) VALUES (?, ?)"),
      insertAttachment: p("INSERT INTO attachment (message_row_id, filename, content_type, size) VALUES (?, ?, ?, ?)"),
      insertFailure: p(
        "INSERT OR IGNORE INTO ingest_failure (source, \"index\", byte_offset, reason, raw, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      commitOrLonger: p("SELECT id, sha, subject FROM \"commit\" WHERE repo = ? AND sha >= ? AND sha < ? ORDER BY length(sha) DESC LIMIT 1"),
      // every prefix of X of at least MIN_SHA digits sorts in [X[0..MIN_SHA), X): an index range, not one probe per length
      commitShorter: p(
        "SELECT id, sha, subject FROM \"commit\" WHERE repo = ? AND sha >= ? AND sha < ? AND substr(?, 1, length(sha)) = sha ORDER BY length(sha) DESC LIMIT 1",
      ),
      insertCommit: p("INSERT INTO \"commit\" (repo, sha, subject) VALUES (?, ?, ?)"),
      updateCommit: p("UPDATE \"commit\" SET sha = ?, subject = ? WHERE id = ?"),
      insertCommitMention: p("INSERT OR IGNORE INTO commit_mention (commit_id, message_row_id, role, sha_text) VALUES (?, ?, ?, ?)"),
      toolchainId: p("SELECT id FROM toolchain WHERE name = ? AND version = ?"),
      insertToolchain: p("INSERT INTO toolchain (name, version) VALUES (?, ?)"),
      insertToolchainMention: p(
        "INSERT OR IGNORE INTO toolchain_mention (toolchain_id, message_row_id, vendor, git_hash, text) VALUES (?, ?, ?, ?, ?)",
      ),
      insertSnippet: p("INSERT INTO snippet (message_row_id, kind, arch, text, files, start_line, line_count) VALUES (?, ?, ?, ?, ?, ?, ?)"),
      diagnosticId: p("SELECT id FROM diagnostic WHERE signature = ?"),
      insertDiagnostic: p("INSERT INTO diagnostic (signature, tool, kind, symbol, title) VALUES (?, ?, ?, ?, ?)"),
      // The row describes a diagnostic as the current extractor does: re-extraction after an extractor change
      // rewrites tool, kind, symbol and title of signatures it already knew (a no-op when nothing differs).
      refreshDiagnostic: p(
        `UPDATE diagnostic SET tool = @tool, kind = @kind, symbol = @symbol, title = @title
         WHERE id = @id AND (tool IS NOT @tool OR kind IS NOT @kind OR symbol IS NOT @symbol OR title IS NOT @title)`,
      ),
      insertDiagnosticMention: p("INSERT OR IGNORE INTO diagnostic_mention (diagnostic_id, message_row_id, text) VALUES (?, ?, ?)"),
      insertConfig: p("INSERT OR IGNORE INTO config_mention (message_row_id, name, value) VALUES (?, ?, ?)"),
      insertKernelVersion: p("INSERT OR IGNORE INTO kernel_version_mention (message_row_id, version) VALUES (?, ?)"),
      insertLink: p("INSERT OR IGNORE INTO link_mention (message_row_id, url, norm_url, kind) VALUES (?, ?, ?, ?)"),
      insertTrailer: p("INSERT INTO trailer (message_row_id, name, value) VALUES (?, ?, ?)"),
      insertTag: p("INSERT OR IGNORE INTO message_tag (message_row_id, tag) VALUES (?, ?)"),
      insertRegzbot: p("INSERT INTO regzbot_command (message_row_id, command, argument) VALUES (?, ?, ?)"),
      deleteMentions: [
        "commit_mention",
        "toolchain_mention",
        "snippet",
        "diagnostic_mention",
        "config_mention",
        "kernel_version_mention",
        "link_mention",
        "trailer",
        "message_tag",
        "regzbot_command",
      ].map((table) => p(`DELETE FROM ${table} WHERE message_row_id = ?`)),
      epochState: p("SELECT last_commit AS lastCommit, message_count AS messageCount FROM inbox_epoch WHERE root_commit = ?"),
      upsertEpoch: p(
        `INSERT INTO inbox_epoch (root_commit, path, list, last_commit, message_count, updated_at)
         VALUES (@rootCommit, @path, @list, @lastCommit, @messageCount, @updatedAt)
         ON CONFLICT (root_commit) DO UPDATE SET path = excluded.path, list = COALESCE(excluded.list, list),
           last_commit = excluded.last_commit, message_count = excluded.message_count, updated_at = excluded.updated_at`,
      ),
    };
  }

  // ---- Public-inbox git epochs (read/public-inbox.ts): where reading each one has got ----

  /** Where reading the epoch whose first commit is `rootCommit` stopped, or null when it was never read. */
  epochState(rootCommit: string): EpochState | null {
    return (this.s.epochState.get(rootCommit) as EpochState | undefined) ?? null;
  }

  /**
   * Records the epoch positions a batch ends at, in the write transaction that batch opened: call it
   * right after storeBatch. A position is then committed together with the messages it covers, so a run
   * that dies part-way resumes exactly after the last committed message, skipping and repeating nothing.
   */
  recordEpochs(positions: EpochPosition[]): void {
    if (positions.length === 0) return;
    if (!this.db.inTransaction) this.db.exec("BEGIN");
    for (const p of positions) this.s.upsertEpoch.run({ ...p, list: this.options.list ?? null, updatedAt: Date.now() });
  }

  /**
   * Stores one batch inside the open write transaction (one is begun when none is). Nothing is visible
   * to readers, nor searchable, until commit().
   */
  storeBatch(items: Analyzed[]): BatchOutcome {
    if (!this.db.inTransaction) this.db.exec("BEGIN");
    const outcome: BatchOutcome = { newRowIds: [], added: 0, duplicate: 0, failed: [], extractErrors: [] };
    for (const item of items) {
      if (!item.ok) {
        this.recordFailure(item);
        outcome.failed.push(item);
        continue;
      }
      let rowId: number | null;
      // A message the database refuses must not take the rest of the batch with it.
      this.s.savepoint.run();
      try {
        rowId = this.storeMessage(item);
        this.s.release.run();
      } catch (err) {
        this.s.rollbackTo.run();
        this.s.release.run();
        const failure: FailedMessage = { ok: false, source: item.message.source, reason: `cannot be stored: ${(err as Error).message}`, raw: zlib.inflateSync(item.rawDeflated) };
        this.recordFailure(failure);
        outcome.failed.push(failure);
        continue;
      }
      if (rowId === null) {
        outcome.duplicate++;
        continue;
      }
      outcome.added++;
      outcome.newRowIds.push(rowId);
      this.uncommitted.push(rowId);
      if (item.extractError) outcome.extractErrors.push({ message: item, error: item.extractError });
    }
    return outcome;
  }

  /** Messages stored since the last commit. */
  get pending(): number {
    return this.uncommitted.length;
  }

  /**
   * Finishes the open transaction: thread rows brought up to date, the new messages added to the FTS5
   * index (in one go: FTS5 writes a segment per transaction, so fewer, larger ones cost far less), then
   * COMMIT. Returns the row ids committed. On error the transaction is rolled back and the error thrown.
   */
  commit(): number[] {
    const rowIds = this.uncommitted;
    this.uncommitted = [];
    if (!this.db.inTransaction) return rowIds;
    try {
      this.refreshThreads();
      indexInTransaction(this.db, rowIds);
      this.db.exec("COMMIT");
    } catch (err) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      this.touchedThreads.clear();
      throw err;
    }
    return rowIds;
  }

  /** Abandons the open transaction, if any (after an error elsewhere in the pipeline). */
  rollback(): void {
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
    this.uncommitted = [];
    this.touchedThreads.clear();
  }

  private recordFailure(f: FailedMessage): void {
    this.s.insertFailure.run(f.source.path, f.source.index, f.source.byteOffset, f.reason, f.raw, Date.now());
  }

  private listsOf(item: AnalyzedMessage): string[] {
    if (this.options.list) return [this.options.list];
    if (item.message.lists.length > 0) return item.message.lists;
    return [fallbackListName(item.message.source.path)];
  }

  private listId(name: string): number {
    let id = this.listIds.get(name);
    if (id === undefined) {
      const row = this.s.listId.get(name) as { id: number } | undefined;
      id = row ? row.id : Number(this.s.insertList.run(name).lastInsertRowid);
      this.listIds.set(name, id);
    }
    return id;
  }

  private container(messageId: string): ContainerRow | undefined {
    return this.s.container.get(messageId) as ContainerRow | undefined;
  }

  /** The new message's row id, or null when the Message-ID is already stored (a duplicate). */
  private storeMessage(item: AnalyzedMessage): number | null {
    const m = item.message;
    const existing = this.container(m.messageId);
    const lists = this.listsOf(item).map((name) => this.listId(name));
    if (existing && !existing.ghost) {
      for (const listId of lists) this.s.addToList.run(existing.id, listId);
      return null;
    }
    const values = {
      messageId: m.messageId,
      synthetic: m.synthetic ? 1 : 0,
      subject: m.subject,
      fromName: m.from.name,
      fromAddr: m.from.address,
      fromText: addressText(m.from),
      toText: m.to.map(addressText).join(", "),
      ccText: m.cc.map(addressText).join(", "),
      date: m.date ? m.date.getTime() : null,
      inReplyTo: m.inReplyTo,
      refs: JSON.stringify(m.references),
      body: m.body,
      ...diffColumns(item.diff),
      raw: item.rawDeflated,
      rawSize: item.rawSize,
      extractVersion: item.extractVersion,
      ingestedAt: Date.now(),
    };
    let rowId: number;
    if (existing) {
      rowId = existing.id;
      this.s.fillGhost.run({ ...values, rowId });
    } else {
      rowId = Number(this.s.insertMessage.run(values).lastInsertRowid);
    }
    for (const listId of lists) this.s.addToList.run(rowId, listId);
    for (const a of m.attachments) this.s.insertAttachment.run(rowId, a.filename, a.contentType, a.size);
    this.insertEntities(rowId, item.entities);
    this.thread(m, rowId, existing?.thread_id ?? null);
    return rowId;
  }

  /**
   * Puts a just-stored message into its thread: ghosts for the ids it references that are not stored,
   * every thread it touches merged into one, and the JWZ parent links (thread.ts) applied.
   */
  private thread(m: AnalyzedMessage["message"], rowId: number, ownThread: number | null): void {
    const chain = referenceChain(m);
    const threads = new Set<number>();
    if (ownThread !== null) threads.add(ownThread);
    const missing: string[] = [];
    for (const id of chain) {
      const row = this.container(id);
      if (!row) missing.push(id);
      else if (row.thread_id !== null) threads.add(row.thread_id);
    }
    let target: number;
    if (threads.size === 0) {
      target = Number(this.s.insertThread.run(m.messageId).lastInsertRowid);
    } else {
      // The oldest thread absorbs the others: usually the largest, so the fewest rows move.
      target = Math.min(...threads);
      for (const other of threads) {
        if (other === target) continue;
        this.s.moveThread.run(target, other);
        this.s.deleteThread.run(other);
        this.touchedThreads.delete(other);
      }
    }
    if (ownThread !== target) this.s.setThread.run(target, rowId);
    for (const id of missing) this.s.insertGhost.run(id, target);
    this.touchedThreads.add(target);

    const view: ContainerView = {
      parentOf: (id) => {
        const row = this.container(id);
        return row ? row.parent_id : undefined;
      },
      isReal: (id) => this.container(id)?.ghost === 0,
    };
    for (const [child, parent] of linkMessage(m, view)) this.s.setParent.run(parent, child);
  }

  /** Root, subject, dates and count of every thread this batch changed. */
  private refreshThreads(): void {
    const parentOf = (id: string) => this.container(id)?.parent_id;
    for (const threadId of this.touchedThreads) {
      const stats = this.s.threadStats.get(threadId) as { n: number; first: number | null; last: number | null };
      const members = this.s.threadMembers.all(threadId) as { messageId: string; subject: string; date: number | null }[];
      if (members.length === 0) continue;
      let earliest = members[0];
      const key = (x: typeof earliest) => ({ date: x.date === null ? null : new Date(x.date), messageId: x.messageId });
      for (const x of members) if (compareByDate(key(x), key(earliest)) < 0) earliest = x;
      const root = rootOf(earliest.messageId, parentOf);
      const rootSubject = root === earliest.messageId ? earliest.subject : (this.s.realSubject.get(root) as { subject: string } | undefined)?.subject;
      this.s.updateThread.run(root, rootSubject ?? earliest.subject, stats.first, stats.last, stats.n, threadId);
    }
    this.touchedThreads.clear();
  }

  /** The commit row for (repo, sha), merging abbreviations: a short and a full hash of one commit are one row. */
  private commitId(repo: string, sha: string, subject: string | null): number {
    const longer = this.s.commitOrLonger.get(repo, sha, sha + AFTER_HEX) as { id: number; sha: string; subject: string | null } | undefined;
    if (longer) {
      if (subject && !longer.subject) this.s.updateCommit.run(longer.sha, subject, longer.id);
      return longer.id;
    }
    const shorter =
      sha.length > MIN_SHA ? (this.s.commitShorter.get(repo, sha.slice(0, MIN_SHA), sha, sha) as { id: number; sha: string; subject: string | null } | undefined) : undefined;
    if (shorter) {
      this.s.updateCommit.run(sha, shorter.subject ?? subject, shorter.id);
      return shorter.id;
    }
    return Number(this.s.insertCommit.run(repo, sha, subject).lastInsertRowid);
  }

  private lookupOrInsert(select: { get: (...a: unknown[]) => unknown }, insert: { run: (...a: unknown[]) => { lastInsertRowid: number | bigint } }, key: unknown[], extra: unknown[] = []): number {
    const row = select.get(...key) as { id: number } | undefined;
    return row ? row.id : Number(insert.run(...key, ...extra).lastInsertRowid);
  }

  /** Stores a message's entities; the message must have none stored yet (see replaceEntities). */
  insertEntities(rowId: number, e: Entities): void {
    const s = this.s;
    for (const c of e.commits) {
      const sha = c.sha.toLowerCase();
      s.insertCommitMention.run(this.commitId(c.repo, sha, c.subject), rowId, c.role, c.sha);
    }
    for (const t of e.toolchains) {
      const id = this.lookupOrInsert(s.toolchainId, s.insertToolchain, [t.name, t.version]);
      s.insertToolchainMention.run(id, rowId, t.vendor, t.gitHash, t.text);
    }
    for (const sn of e.snippets) {
      // a patch's text is in the body already (lib/mail/body-lines.ts reads it back)
      s.insertSnippet.run(rowId, sn.kind, sn.arch, bodyBacked(sn) ? null : sn.text, sn.files ? JSON.stringify(sn.files) : null, sn.startLine, sn.lineCount);
    }
    for (const d of e.diagnostics) {
      const known = s.diagnosticId.get(d.signature) as { id: number } | undefined;
      const id = known ? known.id : Number(s.insertDiagnostic.run(d.signature, d.tool, d.kind, d.symbol, d.title).lastInsertRowid);
      if (known) s.refreshDiagnostic.run({ id, tool: d.tool, kind: d.kind, symbol: d.symbol, title: d.title });
      s.insertDiagnosticMention.run(id, rowId, d.text);
    }
    for (const c of e.configs) s.insertConfig.run(rowId, c.name, c.value);
    for (const v of e.kernelVersions) s.insertKernelVersion.run(rowId, v);
    for (const l of e.links) s.insertLink.run(rowId, l.url, l.normUrl, l.kind);
    for (const t of e.trailers) s.insertTrailer.run(rowId, t.name, t.value);
    for (const tag of e.tags) s.insertTag.run(rowId, tag);
    for (const r of e.regzbot) s.insertRegzbot.run(rowId, r.command, r.argument);
  }

  /** Replaces a stored message's entities (for re-extraction). Call inside a transaction. */
  replaceEntities(rowId: number, e: Entities): void {
    for (const del of this.s.deleteMentions) del.run(rowId);
    this.insertEntities(rowId, e);
  }

  /** Stored messages after row `afterId`, in row order, with what extraction reads and what it wrote. */
  storedTexts(afterId: number, limit: number): (StoredText & DiffColumns)[] {
    return this.s.storedTexts.all(afterId, limit) as (StoredText & DiffColumns)[];
  }

  countStored(): number {
    return this.s.countStored.get() as number;
  }

  /**
   * Replaces one message's extraction results: entities, extract_version, and the diff columns (taking
   * the row out of the FTS5 index and back in when they change). Returns whether the diff columns changed.
   */
  replaceExtraction(rowId: number, entities: Entities, version: number, old: DiffColumns, diff: DiffIndex): boolean {
    if (!this.db.inTransaction) this.db.exec("BEGIN");
    this.replaceEntities(rowId, entities);
    this.s.setExtractVersion.run(version, rowId);
    const cols = diffColumns(diff);
    if (cols.dfn === old.dfn && cols.dfa === old.dfa && cols.dfb === old.dfb && cols.dfhh === old.dfhh) return false;
    reindexInTransaction(this.db, [rowId], () => this.s.setDiffColumns.run({ ...cols, rowId }));
    return true;
  }

  /** Rebuilds the regression summary (lib/regressions/summary.ts) from what is stored; after the last commit. */
  refreshRegressions(): RefreshSummary {
    return refreshRegressions(this.db);
  }

  /** Entity rows no mention refers to any more, left behind by re-extraction. */
  pruneEntities(): number {
    let n = 0;
    n += this.db.prepare('DELETE FROM "commit" WHERE id NOT IN (SELECT commit_id FROM commit_mention)').run().changes;
    n += this.db.prepare("DELETE FROM toolchain WHERE id NOT IN (SELECT toolchain_id FROM toolchain_mention)").run().changes;
    n += this.db.prepare("DELETE FROM diagnostic WHERE id NOT IN (SELECT diagnostic_id FROM diagnostic_mention)").run().changes;
    return n;
  }
}

export interface DiffColumns {
  dfn: string;
  dfa: string;
  dfb: string;
  dfhh: string;
}

/** The message columns lore's dfn:/dfa:/dfb:/dfhh: search, one entry per line. */
export function diffColumns(d: DiffIndex): DiffColumns {
  return { dfn: lines(d.dfn), dfa: lines(d.dfa), dfb: lines(d.dfb), dfhh: lines(d.dfhh) };
}
