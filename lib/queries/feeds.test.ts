// Feed and export queries over the bundled linux-kbuild sample (626 real messages), ingested by the real
// pipeline; every expected number is read back from the database with plain SQL, not from these queries.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { ingest } from "../../ingest/pipeline";
import { openDatabase, type Sqlite } from "../db/sqlite";

const SAMPLE = path.join(import.meta.dirname, "../../samples/linux-kbuild-2021-01.mbox.gz");

describe("feed queries on the linux-kbuild sample", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosslore-feeds-"));
  const file = path.join(dir, "feeds.db");
  let db: Sqlite;
  let feeds: typeof import("./feeds");

  before(async () => {
    db = openDatabase({ file });
    await ingest(db, [SAMPLE], { workers: 1, warn: () => {} });
    process.env.DATABASE_URL = `file:${file}`;
    feeds = await import("./feeds");
  });
  after(() => {
    db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ids = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().all(...params) as string[];
  const count = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;
  const isNewestFirst = (dates: (Date | null)[]) => dates.every((d, i) => i === 0 || (d?.getTime() ?? -Infinity) <= (dates[i - 1]?.getTime() ?? -Infinity));

  test("newest messages of a list: the FEED_ENTRIES newest real messages, newest first", async () => {
    const got = await feeds.newestMessages("linux-kbuild");
    const expected = ids(
      `SELECT m.message_id FROM message m JOIN message_list ml ON ml.message_row_id = m.id JOIN list l ON l.id = ml.list_id
       WHERE l.name = 'linux-kbuild' AND m.ghost = 0 ORDER BY m.date DESC, m.id DESC LIMIT ?`,
      feeds.FEED_ENTRIES,
    );
    assert.equal(got.length, feeds.FEED_ENTRIES);
    assert.deepEqual(got.map((m) => m.messageId), expected);
    assert.ok(isNewestFirst(got.map((m) => m.date)));
    assert.ok(got.every((m) => m.list === "linux-kbuild"));
    assert.deepEqual(await feeds.newestMessages("no-such-list"), []);
    assert.deepEqual((await feeds.newestMessages(undefined, 5)).map((m) => m.messageId), expected.slice(0, 5));
  });

  test("a thread feed holds every real message of the thread, newest first", async () => {
    const biggest = db
      .prepare("SELECT id, message_count AS n, root_message_id AS root FROM thread ORDER BY message_count DESC, id LIMIT 1")
      .get() as { id: number; n: number; root: string };
    assert.ok(biggest.n > 10, `the sample's biggest thread has ${biggest.n} messages`);
    const newest = ids("SELECT message_id FROM message WHERE thread_id = ? AND ghost = 0 ORDER BY date DESC, id DESC", biggest.id);
    const member = newest[3];
    const thread = await feeds.threadFeedMessages(member);
    assert.ok(thread);
    assert.equal(thread.rootMessageId, biggest.root);
    assert.equal(thread.messages.length, Math.min(biggest.n, feeds.THREAD_FEED_ENTRIES));
    assert.equal(count("SELECT count(*) FROM message WHERE thread_id = ? AND ghost = 0", biggest.id), biggest.n);
    assert.deepEqual(thread.messages.map((m) => m.messageId), newest.slice(0, feeds.THREAD_FEED_ENTRIES));
    assert.ok(isNewestFirst(thread.messages.map((m) => m.date)));
    assert.equal(await feeds.threadFeedMessages("no-such-id@example.org"), null);
  });

  test("commit mentions: an abbreviated or a longer sha finds the stored commit, newest message first", async () => {
    const mentionsOf = (sha: string) =>
      count(
        `SELECT count(DISTINCT cm.message_row_id) FROM commit_mention cm JOIN "commit" c ON c.id = cm.commit_id
         JOIN message m ON m.id = cm.message_row_id WHERE c.repo = 'linux' AND c.sha = ? AND m.ghost = 0`,
        sha,
      );
    // The most-mentioned commit of the month is stored abbreviated, as every message wrote it.
    const top = db
      .prepare(`SELECT c.sha FROM commit_mention cm JOIN "commit" c ON c.id = cm.commit_id WHERE c.repo = 'linux' GROUP BY c.id ORDER BY count(*) DESC, c.sha LIMIT 1`)
      .pluck()
      .get() as string;
    const n = mentionsOf(top);
    assert.ok(n >= 3, `${top} is mentioned by ${n} messages`);
    const short = await feeds.commitMentionFeed("linux", top.slice(0, 7));
    assert.ok(short);
    assert.ok(short.entity.some((c) => c.sha === top));
    const exact = await feeds.commitMentionFeed("linux", top.toUpperCase());
    assert.ok(exact);
    assert.equal(exact.total, n);
    assert.equal(exact.messages.length, n);
    assert.ok(isNewestFirst(exact.messages.map((m) => m.date)));
    // A full-length sha that begins with the stored abbreviation still finds it.
    const longer = await feeds.commitMentionFeed("linux", top.padEnd(40, "0"));
    assert.deepEqual(longer?.entity.map((c) => c.sha), [top]);
    assert.equal(longer?.total, n);

    assert.equal(await feeds.commitMentionFeed("linux", "not-a-sha"), null);
    assert.equal(await feeds.commitMentionFeed("linux", "12345"), null, "shorter than 7 hex digits");
    assert.equal(await feeds.commitMentionFeed("gcc", top), null, "the repository is part of the identity");
  });

  test("toolchain mentions: every message naming the version, newest first", async () => {
    const t = db
      .prepare(
        `SELECT t.name, t.version, count(DISTINCT tm.message_row_id) AS n FROM toolchain_mention tm JOIN toolchain t ON t.id = tm.toolchain_id
         JOIN message m ON m.id = tm.message_row_id WHERE m.ghost = 0 GROUP BY t.id ORDER BY n DESC, t.id LIMIT 1`,
      )
      .get() as { name: string; version: string; n: number };
    assert.ok(t.n >= 2);
    const feed = await feeds.toolchainMentionFeed(t.name, t.version);
    assert.ok(feed);
    assert.equal(feed.total, t.n);
    assert.equal(feed.messages.length, Math.min(t.n, feeds.FEED_ENTRIES));
    assert.ok(isNewestFirst(feed.messages.map((m) => m.date)));
    assert.equal(await feeds.toolchainMentionFeed(t.name, "0.0.0-none"), null);
  });

  test("search hit ids: pages walked in the search's order, cut at the cap, total kept", async () => {
    const { searchMessages } = await import("./search");
    const all = await feeds.searchHitIds({ q: "d:19700101..", sort: "date-desc" });
    assert.ok(all.ok);
    const real = count("SELECT count(*) FROM message WHERE ghost = 0");
    assert.equal(all.total, real);
    assert.equal(all.messageIds.length, Math.min(real, feeds.EXPORT_MAX_MESSAGES));
    const capped = await feeds.searchHitIds({ q: "d:19700101..", sort: "date-desc" }, 150);
    assert.ok(capped.ok);
    assert.equal(capped.total, real);
    assert.equal(capped.messageIds.length, 150);
    const page2 = await searchMessages({ q: "d:19700101..", sort: "date-desc", page: 2, pageSize: 100 });
    assert.ok(page2.ok);
    assert.deepEqual(capped.messageIds.slice(100), page2.result.hits.slice(0, 50).map((h) => h.messageId));
    const bad = await feeds.searchHitIds({ q: "s:(unclosed" });
    assert.equal(bad.ok, false);
  });

  test("feedMessagesByIds keeps the order given and drops unknown ids and ghosts", async () => {
    const [a, b] = ids("SELECT message_id FROM message WHERE ghost = 0 ORDER BY id LIMIT 2");
    const ghost = ids("SELECT message_id FROM message WHERE ghost = 1 LIMIT 1")[0];
    const got = await feeds.feedMessagesByIds([b, "nope@x", ghost, a]);
    assert.deepEqual(got.map((m) => m.messageId), [b, a]);
  });
});
