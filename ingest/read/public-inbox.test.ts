import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Sqlite } from "../../lib/db/sqlite";
import { corpusFile, needsCorpus, REPO_ROOT } from "../../lib/testing/corpus";
import { ingest, type IngestOptions } from "../pipeline";
import { ProgressLine, type Counts } from "../progress";
import { Store } from "../store";
import { tempDatabase, tempDir } from "../testing";
import type { RawMessage } from "../types";
import { checkSources, readSources } from "./index";
import { epochSortKey, EpochStats, gitDirKind, readEpoch, type EpochReadOptions } from "./public-inbox";

// kasan-dev epoch 0, its first 2,500 commits (MANIFEST.md): one message per commit, 2,498 distinct Message-IDs.
const BUNDLE = () => corpusFile("public-inbox/kasan-dev-epoch0-first2500.bundle");
const ROOT = "1f768711f156b387d34d7ca212cbca55dedca657";
const TIP = "941a66781b46af1f98d0ed78fa558204c470ec77";
// Commit 2,418 delivers the same bytes as commit 2,417: its tree does not change, so `git log --raw` shows nothing for it.
const UNCHANGED_TREE = "bc8d0dbc708aa9ea83489d5d0a17e666cd9bf751";
const HALF = 1250;
const LIST = "kasan-dev";

const tmp = tempDir();
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function git(dir: string, args: string[], input?: string): string {
  return execFileSync("git", ["-C", dir, "-c", "user.name=crosslore test", "-c", "user.email=test@crosslore.invalid", ...args], {
    encoding: "utf8",
    input,
    maxBuffer: 1 << 26,
  }).trim();
}

function cloneBare(to: string, headAt?: string): string {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  execFileSync("git", ["clone", "-q", "--bare", BUNDLE(), to]);
  if (headAt) git(to, ["update-ref", "HEAD", headAt]);
  return to;
}

async function readAll(dir: string, options: EpochReadOptions = {}): Promise<RawMessage[]> {
  const out: RawMessage[] = [];
  for await (const m of readEpoch(dir, { warn: () => {}, ...options })) out.push(m);
  return out;
}

const sha1 = (b: Buffer) => createHash("sha1").update(b).digest("hex");

/** The Message-ID header, unfolded: an oracle independent of the parser and the store. */
function headerMessageId(raw: Buffer): string {
  const head = raw.subarray(0, raw.indexOf("\n\n")).toString("latin1").replace(/\r?\n[ \t]+/g, " ");
  const m = /^message-id:\s*<([^>\s]+)>/im.exec(head);
  assert.ok(m, "every message of this epoch has a Message-ID header");
  return m[1];
}

/** Messages (ghosts marked), parent links and threads (root, count, all members) as comparable values. */
function snapshot(db: Sqlite) {
  return {
    messages: db.prepare("SELECT message_id || CASE WHEN ghost THEN ' (ghost)' ELSE '' END FROM message ORDER BY message_id").pluck().all() as string[],
    parents: db.prepare("SELECT message_id || ' <- ' || ifnull(parent_id, '') FROM message ORDER BY message_id").pluck().all() as string[],
    threads: (
      db
        .prepare(
          `SELECT t.root_message_id AS root, t.message_count AS n,
             (SELECT group_concat(message_id, ' ') FROM (SELECT message_id FROM message WHERE thread_id = t.id ORDER BY message_id)) AS members
           FROM thread t`,
        )
        .all() as object[]
    )
      .map((r) => JSON.stringify(r))
      .sort(),
  };
}

function epochRows(db: Sqlite) {
  return db
    .prepare("SELECT root_commit AS root, path, list, last_commit AS last, message_count AS count FROM inbox_epoch ORDER BY id")
    .all();
}

const realIds = (db: Sqlite) => new Set(db.prepare("SELECT message_id FROM message WHERE ghost = 0").pluck().all() as string[]);

/** A status line that crashes the run once this many messages have been stored, as a kill would. */
class CrashAfter extends ProgressLine {
  constructor(private readonly stored: number) {
    super(process.stderr, false);
  }
  override update(c: Counts): void {
    if (c.added + c.duplicate + c.failed >= this.stored) throw new Error("injected crash");
  }
}

describe("public-inbox git epochs", needsCorpus(), () => {
  const quiet: IngestOptions = { list: LIST, warn: () => {} };
  let full: string;
  let commits: string[];
  let fullRead: RawMessage[];
  let reference: ReturnType<typeof snapshot>;

  before(async () => {
    full = cloneBare(path.join(tmp, "full/0.git"));
    commits = git(full, ["rev-list", "--reverse", "HEAD"]).split("\n");
    const t0 = performance.now();
    fullRead = await readAll(full);
    const readMs = performance.now() - t0;
    const { db } = tempDatabase(tempDir());
    const s = await ingest(db, [full], quiet);
    assert.deepEqual([s.read, s.added, s.duplicate, s.failed], [2500, 2498, 2, 0]);
    reference = snapshot(db);
    assert.deepEqual(epochRows(db), [{ root: ROOT, path: full, list: LIST, last: TIP, count: 2500 }]);
    db.close();
    console.log(
      `kasan-dev epoch, 2,500 commits: read ${Math.round((2500 * 1000) / readMs)} msg/s (${Math.round(readMs)} ms); ` +
        `full ingest ${Math.round((2500 * 1000) / s.elapsedMs)} msg/s (${(s.elapsedMs / 1000).toFixed(1)} s)`,
    );
  });

  test("one message per commit, in commit order, with its commit and position", () => {
    assert.equal(commits.length, 2500);
    assert.equal(commits[0], ROOT);
    assert.equal(commits[2499], TIP);
    assert.deepEqual(
      fullRead.map((m) => m.gitCommit),
      commits,
    );
    fullRead.forEach((m, i) => {
      assert.deepEqual(m.source, { path: `${full}#${commits[i]}`, index: i + 1, byteOffset: 0 });
      assert.deepEqual(m.epoch, { rootCommit: ROOT, path: full, lastCommit: commits[i], messageCount: i + 1 });
    });
    for (const i of [0, 1249, 2416, 2417, 2499]) {
      const blob = execFileSync("git", ["-C", full, "cat-file", "blob", `${commits[i]}:m`]);
      assert.ok(fullRead[i].raw.equals(blob), `message ${i + 1} is the m blob of its commit`);
    }
    assert.equal(commits[2417], UNCHANGED_TREE);
    assert.ok(fullRead[2417].raw.equals(fullRead[2416].raw), "a commit that leaves m unchanged delivers that message again");
    assert.equal(new Set(fullRead.map((m) => headerMessageId(m.raw))).size, 2498);
    // The oracle agrees with what the pipeline stored, so it can judge a part-way database below.
    assert.deepEqual(new Set(fullRead.map((m) => headerMessageId(m.raw))), new Set(reference.messages.filter((x) => !x.endsWith("(ghost)"))));
  });

  test("an epoch ingested at commit 1,250, then brought up to date, reads only the new commits and ends as one full ingest does", async () => {
    const cut = cloneBare(path.join(tmp, "cut/0.git"), commits[HALF - 1]);
    const { db } = tempDatabase(tempDir());
    const first = await ingest(db, [cut], quiet);
    assert.equal(first.read, HALF);
    assert.equal(first.added + first.duplicate, HALF);
    assert.deepEqual(epochRows(db), [{ root: ROOT, path: cut, list: LIST, last: commits[HALF - 1], count: HALF }]);

    git(cut, ["update-ref", "HEAD", TIP]);
    const store = new Store(db);
    const stats = new EpochStats();
    const pending = await readAll(cut, { epochState: (root) => store.epochState(root), stats });
    assert.equal(stats.startAfter, commits[HALF - 1]);
    assert.equal(stats.commits, 2500 - HALF);
    assert.equal(pending[0].source.index, HALF + 1);
    assert.equal(pending[0].gitCommit, commits[HALF]);

    const second = await ingest(db, [cut], quiet);
    assert.equal(second.read, 2500 - HALF, "the second run reads only the commits after the stored one");
    assert.equal(first.added + second.added, 2498);
    assert.deepEqual(epochRows(db), [{ root: ROOT, path: cut, list: LIST, last: TIP, count: 2500 }]);
    assert.deepEqual(snapshot(db), reference);

    const third = await ingest(db, [cut], quiet);
    assert.deepEqual([third.read, third.added], [0, 0], "nothing new: nothing read");
    const again = new EpochStats();
    await readAll(cut, { epochState: (root) => store.epochState(root), stats: again });
    assert.equal(again.commits, 0);
    db.close();
  });

  test("a run that dies part-way keeps only whole committed batches and their position, and the next run finishes the job", async () => {
    const { db } = tempDatabase(tempDir());
    // Transactions of at most about 500 messages (or 5 s); the crash comes once 1,800 are stored, and takes
    // the batches stored since the last commit with it.
    const crashAt = 1800;
    await assert.rejects(ingest(db, [full], { ...quiet, commitMessages: 500, progress: new CrashAfter(crashAt) }), /injected crash/);
    const rows = epochRows(db) as { last: string; count: number }[];
    assert.equal(rows.length, 1);
    const kept = rows[0].count;
    assert.ok(kept > 0 && kept < crashAt + 500, `a committed position (${kept})`);
    assert.equal(rows[0].last, commits[kept - 1]);
    assert.deepEqual(realIds(db), new Set(fullRead.slice(0, kept).map((m) => headerMessageId(m.raw))), "stored messages are exactly those up to the position");

    const resumed = await ingest(db, [full], quiet);
    console.log(`crash after ${crashAt} stored: ${kept} committed, resumed run read ${resumed.read}`);
    assert.equal(resumed.read, 2500 - kept, "the resumed run starts right after the committed position");
    assert.deepEqual(epochRows(db), [{ root: ROOT, path: full, list: LIST, last: TIP, count: 2500 }]);
    assert.deepEqual(snapshot(db), reference);
    db.close();
  });

  test("a directory of epochs is read in epoch order (9.git before 10.git), each resuming on its own", async () => {
    const dir = path.join(tmp, "inbox/git");
    const older = cloneBare(path.join(dir, "9.git"), commits[HALF - 1]);
    // The next epoch is a new history (its own root) holding the messages of commits 1,251..2,500.
    const newer = cloneBare(path.join(dir, "10.git"));
    const blobs = git(newer, ["cat-file", "--batch-check=%(objectname)"], commits.slice(HALF).map((c) => `${c}:m\n`).join("")).split("\n");
    const stream = blobs.map((b, i) => `commit refs/heads/epoch\ncommitter crosslore test <test@crosslore.invalid> ${1_600_000_000 + i} +0000\ndata 0\nM 100644 ${b} m\n\n`).join("");
    git(newer, ["fast-import", "--quiet"], stream);
    git(newer, ["update-ref", "HEAD", "refs/heads/epoch"]);
    git(newer, ["update-ref", "-d", "refs/heads/epoch"]);
    const newerRoot = git(newer, ["rev-list", "--max-parents=0", "HEAD"]);
    const newerTip = git(newer, ["rev-parse", "HEAD"]);

    const sources = await checkSources([path.join(tmp, "inbox")], { warn: () => {} });
    assert.deepEqual(
      sources.map((s) => [s.kind, s.path]),
      [
        ["public-inbox", older],
        ["public-inbox", newer],
      ],
    );
    const read: RawMessage[] = [];
    for await (const m of readSources([dir], { warn: () => {} })) read.push(m);
    assert.deepEqual(read.map((m) => sha1(m.raw)), fullRead.map((m) => sha1(m.raw)), "the two epochs hold the whole archive, in order");
    assert.equal(read[HALF].source.index, 1, "commit numbers restart with each epoch");

    const { db } = tempDatabase(tempDir());
    const s = await ingest(db, [dir], quiet);
    assert.equal(s.read, 2500);
    assert.deepEqual(epochRows(db), [
      { root: ROOT, path: older, list: LIST, last: commits[HALF - 1], count: HALF },
      { root: newerRoot, path: newer, list: LIST, last: newerTip, count: 2500 - HALF },
    ]);
    assert.deepEqual(snapshot(db), reference);
    const again = await ingest(db, [dir], quiet);
    assert.equal(again.read, 0);
    db.close();
  });

  test("deletions and missing blobs are skipped and counted; the position covers them, so a re-run reads nothing", async () => {
    const repo = cloneBare(path.join(tmp, "deleted/0.git"), commits[HALF - 1]);
    const blobOf = (i: number) => git(repo, ["rev-parse", `${commits[i]}:m`]);
    const commitTree = (entries: string, parent: string, message: string) => git(repo, ["commit-tree", git(repo, ["mktree", "--missing"], entries), "-p", parent, "-m", message]);
    // public-inbox removes a message by deleting m and adding d.
    const removal = commitTree(`100644 blob ${blobOf(HALF - 1)}\td\n`, commits[HALF - 1], "delete");
    const added = commitTree(`100644 blob ${blobOf(HALF)}\tm\n`, removal, "add");
    const lost = commitTree(`100644 blob ${"0123456789abcdef".repeat(2)}01234567\tm\n`, added, "blob not in this copy");
    const trailing = commitTree(`100644 blob ${blobOf(HALF)}\td\n`, lost, "delete again");
    git(repo, ["update-ref", "HEAD", trailing]);

    const warnings: string[] = [];
    const stats = new EpochStats();
    const read = await readAll(repo, { stats, warn: (w) => warnings.push(w) });
    assert.deepEqual(
      { commits: stats.commits, messages: stats.messages, deletions: stats.deletions, withoutMessage: stats.withoutMessage },
      { commits: HALF + 4, messages: HALF + 1, deletions: 2, withoutMessage: 1 },
    );
    assert.equal(read.length, HALF + 1);
    assert.deepEqual(read[HALF - 1].epoch?.lastCommit, removal, "the deletion after a message joins its position");
    assert.deepEqual(read[HALF].source.index, HALF + 2);
    assert.ok(read[HALF].raw.equals(fullRead[HALF].raw));
    assert.deepEqual(read[HALF].epoch, { rootCommit: ROOT, path: repo, lastCommit: trailing, messageCount: HALF + 1 });
    assert.ok(warnings.some((w) => w.includes(`${repo}#${lost}`) && /missing from the repository/.test(w)), warnings.join("\n"));
    assert.ok(warnings.includes(`${repo}: skipped 2 deletions (commits that remove m) and 1 commit without a message`), warnings.join("\n"));

    const rerun = new EpochStats();
    await readAll(repo, { stats: rerun, epochState: () => ({ lastCommit: trailing, messageCount: HALF + 1 }) });
    assert.equal(rerun.commits, 0);
    const fromMessage = new EpochStats();
    const rest = await readAll(repo, { stats: fromMessage, epochState: () => ({ lastCommit: commits[HALF - 1], messageCount: HALF }) });
    assert.equal(fromMessage.commits, 4);
    assert.deepEqual(rest.map((m) => m.epoch?.messageCount), [HALF + 1]);
  });

  test("a stored position no longer in the history (rewritten or rewound) is warned about and the epoch is read again", async () => {
    const rewound = cloneBare(path.join(tmp, "rewound/0.git"), commits[HALF - 1]);
    for (const gone of [TIP, "f".repeat(40)]) {
      const warnings: string[] = [];
      const stats = new EpochStats();
      const read = await readAll(rewound, { stats, warn: (w) => warnings.push(w), epochState: () => ({ lastCommit: gone, messageCount: 2500 }) });
      assert.equal(stats.rewritten, true);
      assert.equal(read.length, HALF);
      assert.equal(read[0].epoch?.messageCount, 1, "counting starts again");
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], new RegExp(`${rewound}: history rewritten: the last commit read \\(${gone}\\) is no longer in the history of HEAD`));
    }
  });

  test("a checkout (non-bare clone) is an epoch too; a checkout of anything else is walked for mail files", async () => {
    const checkout = path.join(tmp, "checkout");
    execFileSync("git", ["clone", "-q", BUNDLE(), checkout]);
    assert.equal(await gitDirKind(checkout, true), "epoch");
    let n = 0;
    let last: RawMessage | undefined;
    for await (const m of readSources([checkout], { warn: () => {} })) {
      n++;
      last = m;
    }
    assert.equal(n, 2500);
    assert.equal(last?.gitCommit, TIP);

    const project = path.join(tmp, "project");
    fs.mkdirSync(project);
    git(project, ["init", "-q"]);
    fs.copyFileSync(corpusFile("notmuch/duplicate.mbox"), path.join(project, "duplicate.mbox"));
    assert.equal(await gitDirKind(project, true), null);
    assert.deepEqual((await checkSources([project])).map((s) => s.kind), ["mbox"]);
  });

  test("an inbox directory: all.git (empty alternates) is passed over, an epoch with no commits says so", async () => {
    const inbox = path.join(tmp, "v2inbox");
    fs.mkdirSync(path.join(inbox, "git"), { recursive: true });
    execFileSync("git", ["init", "-q", "--bare", path.join(inbox, "all.git")]);
    fs.symlinkSync(full, path.join(inbox, "git/0.git"));
    execFileSync("git", ["init", "-q", "--bare", path.join(inbox, "git/1.git")]);
    const sources = await checkSources([inbox], { warn: () => {} });
    assert.deepEqual(
      sources.map((s) => path.relative(inbox, s.path)),
      ["git/0.git", "git/1.git"],
    );
    const warnings: string[] = [];
    const stats = new EpochStats();
    assert.deepEqual(await readAll(path.join(inbox, "git/1.git"), { stats, warn: (w) => warnings.push(w) }), []);
    assert.deepEqual(warnings, [`${path.join(inbox, "git/1.git")}: no commits`]);
    assert.equal(stats.rootCommit, null);
  });
});

test("a directory that looks like a bare repository but is not one fails as a source, named, and reading goes on", async () => {
  // Inside a checkout (this one), so a git left to search upwards would find and read that instead.
  const dir = fs.mkdtempSync(path.join(REPO_ROOT, ".test-public-inbox-"));
  try {
    const fake = path.join(dir, "0.git");
    fs.mkdirSync(path.join(fake, "objects"), { recursive: true });
    fs.mkdirSync(path.join(fake, "refs"));
    fs.writeFileSync(path.join(fake, "HEAD"), "not a ref\n");
    const eml = path.join(dir, "1.eml");
    fs.writeFileSync(eml, "Message-ID: <after@example.org>\nSubject: after\n\nbody\n");
    const warnings: string[] = [];
    const read: RawMessage[] = [];
    for await (const m of readSources([fake, eml], { warn: (w) => warnings.push(w) })) read.push(m);
    assert.deepEqual(read.map((m) => m.source.path), [eml]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], new RegExp(`^${fake}: git rev-parse: fatal: not a git repository`));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("epochSortKey puts numbered epochs in number order and other names in name order", () => {
  const byKey = (names: string[]) => names.sort((a, b) => (epochSortKey(a) < epochSortKey(b) ? -1 : epochSortKey(a) > epochSortKey(b) ? 1 : 0));
  assert.deepEqual(byKey(["10.git", "all.git", "9.git", "0.git", "2.git"]), ["0.git", "2.git", "9.git", "10.git", "all.git"]);
  assert.deepEqual(byKey(["kasan-dev.googlegroups.com.10", "kasan-dev.googlegroups.com.9"]), ["kasan-dev.googlegroups.com.9", "kasan-dev.googlegroups.com.10"]);
  assert.deepEqual(byKey(["b.mbox", "a.mbox", "cur"]), ["a.mbox", "b.mbox", "cur"]);
});
