import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { corpusFile, needsCorpus } from "../lib/testing/corpus";
import { ingest, type IngestSummary } from "./pipeline";
import { readAll, tempDatabase, tempDir, writeMbox } from "./testing";
import type { Sqlite } from "../lib/db/sqlite";

const LKML = () => corpusFile("notmuch/lkml.mbox");
const quiet = { workers: 1, warn: () => {} };

function assertAddsUp(s: IngestSummary): void {
  assert.equal(s.read, s.added + s.duplicate + s.failed, `read ${s.read} != new ${s.added} + duplicate ${s.duplicate} + failed ${s.failed}`);
}

/** Threads as comparable values: real members, root, subject, count, dates. */
function threadShapes(db: Sqlite): string[] {
  const rows = db
    .prepare(
      `SELECT t.root_message_id AS root, t.subject, t.message_count AS n, t.first_date AS first, t.last_date AS last,
              (SELECT group_concat(message_id, ' ') FROM (SELECT message_id FROM message WHERE thread_id = t.id AND ghost = 0 ORDER BY message_id)) AS members
       FROM thread t`,
    )
    .all() as Record<string, unknown>[];
  return rows.map((r) => JSON.stringify(r)).sort();
}

function listsOf(db: Sqlite, messageId: string): string[] {
  return db
    .prepare(
      `SELECT l.name FROM message m JOIN message_list ml ON ml.message_row_id = m.id JOIN list l ON l.id = ml.list_id
       WHERE m.message_id = ? ORDER BY l.name`,
    )
    .pluck()
    .all(messageId) as string[];
}

function parentsOfReal(db: Sqlite): string[] {
  return (db.prepare("SELECT message_id || ' <- ' || ifnull(parent_id, '') AS p FROM message WHERE ghost = 0 ORDER BY message_id").pluck().all() as string[]);
}

describe("ingest pipeline on real mail", needsCorpus(), () => {
  test("notmuch/duplicate.mbox: 9 copies of 3 Message-IDs are 3 messages, each in every list it came through", async () => {
    const { db } = tempDatabase();
    const s = await ingest(db, [corpusFile("notmuch/duplicate.mbox")], quiet);
    assert.deepEqual({ read: s.read, added: s.added, duplicate: s.duplicate, failed: s.failed }, { read: 9, added: 3, duplicate: 6, failed: 0 });
    assert.equal(db.prepare("SELECT count(*) FROM message WHERE ghost = 0").pluck().get(), 3);
    // Copies 5-9 of this id came through pkg-emacsen-addons (3 copies), haskell-mode and debian-science-maintainers.
    assert.deepEqual(listsOf(db, "87r2ecrr6x.fsf@zephyr.silentflame.com"), ["debian-science-maintainers", "haskell-mode", "pkg-emacsen-addons"]);
    // Copy 3 of this id has no list header: it is filed under its directory's name, copy 4 under its List-Id.
    assert.deepEqual(listsOf(db, "87r2geywh9.fsf@tethera.net"), ["emacs-goodies-el", "notmuch"]);
    db.close();
  });

  test("re-ingesting an archive adds nothing; --list adds a second list to the same rows", async () => {
    const { db } = tempDatabase();
    const first = await ingest(db, [LKML()], quiet);
    assertAddsUp(first);
    // 210 messages, 176 distinct Message-IDs: 34 copies arrived twice through gmane.
    assert.deepEqual([first.read, first.added, first.duplicate, first.failed], [210, 176, 34, 0]);
    const shapes = threadShapes(db);
    const rows = db.prepare("SELECT count(*) FROM message").pluck().get();

    const second = await ingest(db, [LKML()], quiet);
    assertAddsUp(second);
    assert.deepEqual([second.read, second.added, second.duplicate], [210, 0, 210]);
    assert.deepEqual(threadShapes(db), shapes);
    assert.equal(db.prepare("SELECT count(*) FROM message").pluck().get(), rows);

    const third = await ingest(db, [LKML()], { ...quiet, list: "lkml-mirror" });
    assert.equal(third.added, 0);
    const inMirror = db.prepare("SELECT count(*) FROM message_list ml JOIN list l ON l.id = ml.list_id WHERE l.name = 'lkml-mirror'").pluck().get();
    assert.equal(inMirror, 176);
    assert.equal(db.prepare("SELECT count(*) FROM message WHERE ghost = 0").pluck().get(), 176);
    db.close();
  });

  test("lkml.mbox threads: the 44-patch series and the subject-changed discussion in it are one thread", async () => {
    const { db } = tempDatabase();
    await ingest(db, [LKML()], quiet);
    const t = db.prepare("SELECT id, subject, message_count FROM thread WHERE root_message_id = 'cover.1289789604.git.joe@perches.com'").get() as {
      id: number;
      subject: string;
      message_count: number;
    };
    assert.equal(t.subject, "[PATCH 00/44] remove unnecessary semicolons");
    // Every patch of the series, the replies to 44/44, and the "rfc: rewrite commit subject line" branch
    // Joe Perches started inside that discussion (its References run through the 44/44 replies).
    assert.equal(t.message_count, 100);
    const inThread = (mid: string) => db.prepare("SELECT thread_id FROM message WHERE message_id = ?").pluck().get(mid);
    assert.equal(inThread("97fd199b7dac50613f6843156687223928cce44a.1289789605.git.joe@perches.com"), t.id); // [PATCH 44/44]
    assert.equal(inThread("1289919077.28741.50.camel@Joe-Laptop"), t.id); // "rfc: rewrite commit subject line ..."
    assert.equal(
      db.prepare("SELECT parent_id FROM message WHERE message_id = '97fd199b7dac50613f6843156687223928cce44a.1289789605.git.joe@perches.com'").pluck().get(),
      "cover.1289789604.git.joe@perches.com",
    );

    // The MChk thread's root, [PATCH v2 5/7], never arrived: a ghost holds the 10 replies together and the
    // thread takes its subject from the earliest real message.
    const mchk = db.prepare("SELECT t.subject, t.message_count, m.ghost FROM thread t JOIN message m ON m.message_id = t.root_message_id WHERE t.root_message_id = '20100308191005.GE4324@amak.tundra.com'").get();
    assert.deepEqual(mchk, { subject: "Re: [PATCH v2 5/7] powerpc/85xx: Add MChk handler for SRIO port", message_count: 10, ghost: 1 });
    db.close();
  });

  test("lkml.mbox in two halves, second half first in an earlier run, gives the same threads as one ingest", async () => {
    const dir = tempDir();
    const raws = await readAll(LKML());
    const firstHalf = writeMbox(path.join(dir, "first.mbox"), raws.slice(0, 105));
    const secondHalf = writeMbox(path.join(dir, "second.mbox"), raws.slice(105));

    const whole = tempDatabase(tempDir());
    await ingest(whole.db, [LKML()], quiet);

    const split = tempDatabase(tempDir());
    const a = await ingest(split.db, [secondHalf], quiet);
    // After the second half alone, the 44/44 patch (message 104) is only a ghost its replies refer to.
    const ghost = () => split.db.prepare("SELECT ghost FROM message WHERE message_id = '97fd199b7dac50613f6843156687223928cce44a.1289789605.git.joe@perches.com'").pluck().get();
    assert.equal(ghost(), 1);
    const threadsBefore = split.db.prepare("SELECT count(*) FROM thread").pluck().get() as number;
    const b = await ingest(split.db, [firstHalf], quiet);
    assertAddsUp(a);
    assertAddsUp(b);
    assert.equal(a.added + b.added, 176);
    // The ghost was filled in by the real message, and threads it joined became one.
    assert.equal(ghost(), 0);
    assert.equal(
      split.db.prepare("SELECT subject FROM message WHERE message_id = '97fd199b7dac50613f6843156687223928cce44a.1289789605.git.joe@perches.com'").pluck().get(),
      "[PATCH 44/44] sound/soc/codecs: Remove unnecessary semicolons",
    );
    assert.ok(threadsBefore > 0);

    assert.deepEqual(threadShapes(split.db), threadShapes(whole.db));
    assert.deepEqual(parentsOfReal(split.db), parentsOfReal(whole.db));
    // No thread row is left behind by a merge, and every message row points at an existing thread.
    assert.equal(split.db.prepare("SELECT count(*) FROM message WHERE thread_id IS NULL OR thread_id NOT IN (SELECT id FROM thread)").pluck().get(), 0);
    assert.equal(split.db.prepare("SELECT count(*) FROM thread WHERE id NOT IN (SELECT thread_id FROM message)").pluck().get(), 0);
    whole.db.close();
    split.db.close();
  });

  test("patchwork/fuzz: bad messages are counted and kept whole with their position; the rest are stored", async () => {
    const { db } = tempDatabase();
    const dir = corpusFile("patchwork/fuzz");
    const s = await ingest(db, [dir], quiet);
    assertAddsUp(s);
    const failures = db.prepare('SELECT source, "index", byte_offset, reason, length(raw) AS size, created_at FROM ingest_failure').all() as {
      source: string;
      index: number;
      byte_offset: number;
      reason: string;
      size: number;
      created_at: number;
    }[];
    assert.equal(failures.length, s.failed);
    // name-len.mbox has a body line "From xl.org, netdev@vger.kernel.org," after a blank line, so the
    // split makes a second "message" at byte 2,377 that is all body and has no header field.
    const nameLen = failures.find((f) => f.source.endsWith("name-len.mbox"));
    assert.ok(nameLen, "the split-off piece of name-len.mbox is recorded");
    assert.deepEqual([nameLen.index, nameLen.byte_offset], [2, 2377]);
    assert.match(nameLen.reason, /no header/);
    assert.ok(nameLen.size > 0);
    for (const f of failures) {
      assert.ok(f.source.startsWith(dir), f.source);
      assert.ok(f.index >= 1);
      assert.ok(f.byte_offset >= 0);
      assert.ok(f.reason.length > 0);
      assert.equal(typeof f.created_at, "number");
    }
    assert.equal(db.prepare("SELECT count(*) FROM message WHERE ghost = 0").pluck().get(), s.added);
    // A second run finds the same failures again and stores them once.
    const again = await ingest(db, [dir], quiet);
    assert.equal(again.failed, s.failed);
    assert.equal(db.prepare("SELECT count(*) FROM ingest_failure").pluck().get(), failures.length);
    db.close();
  });
});
