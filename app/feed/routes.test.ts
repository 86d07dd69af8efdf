// The feed, search-export and OpenSearch route handlers, called as Next calls them, over the bundled
// linux-kbuild sample ingested by the real pipeline. Expected ids and counts come from plain SQL.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { after, before, describe, test } from "node:test";
import { ingest } from "../../ingest/pipeline";
import { openDatabase, type Sqlite } from "../../lib/db/sqlite";
import { checkXml } from "../../lib/feeds/xml-check";
import { escapeMessageId } from "../../lib/mail/url";

const SAMPLE = path.join(import.meta.dirname, "../../samples/linux-kbuild-2021-01.mbox.gz");
const ORIGIN = "https://crosslore.test";

interface Entry {
  id: string;
  link: string;
  updated: string;
  content: string;
}

/** The entries of an Atom document, in document order (the feeds are generated, so a pattern suffices). */
function entries(xml: string): Entry[] {
  return [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map(([, e]) => ({
    id: /<id>([^<]*)<\/id>/.exec(e)![1],
    link: /<link rel="alternate" type="text\/html" href="([^"]*)"\/>/.exec(e)![1],
    updated: /<updated>([^<]*)<\/updated>/.exec(e)![1],
    content: /<pre[^>]*>([\s\S]*?)<\/pre>/.exec(e)![1],
  }));
}

const get = (url: string, method = "GET") => new Request(`${ORIGIN}${url}`, { method, headers: { "x-forwarded-host": "crosslore.test", "x-forwarded-proto": "https" } });
const params = <T>(p: T) => ({ params: Promise.resolve(p) });

/** Message-IDs of an mboxrd file, in file order. */
function mboxMessageIds(gz: ArrayBuffer): string[] {
  const text = gunzipSync(Buffer.from(gz)).toString("latin1");
  return text
    .split(/^From mboxrd@z Thu Jan {2}1 00:00:00 1970\n/m)
    .filter((m) => m !== "")
    .map((m) => /^message-id:\s*<([^>]+)>/im.exec(m.slice(0, m.indexOf("\n\n")))?.[1] ?? "(none)");
}

describe("feed and export routes on the linux-kbuild sample", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosslore-feed-routes-"));
  const file = path.join(dir, "routes.db");
  let db: Sqlite;

  before(async () => {
    db = openDatabase({ file });
    await ingest(db, [SAMPLE], { workers: 1, warn: () => {} });
    process.env.DATABASE_URL = `file:${file}`;
    delete process.env.CROSSLORE_BASE_URL;
    delete process.env.MEILI_URL;
  });
  after(() => {
    db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ids = (sql: string, ...args: unknown[]) => db.prepare(sql).pluck().all(...args) as string[];
  const pageOf = (mid: string) => `${ORIGIN}/linux-kbuild/${escapeMessageId(mid)}/`;

  async function atom(res: Response): Promise<{ xml: string; entries: Entry[] }> {
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(res.headers.get("content-type"), "application/atom+xml; charset=utf-8");
    const xml = await res.text();
    const check = checkXml(xml);
    assert.ok(check.ok, `not well-formed (${check.parser}): ${check.error}`);
    return { xml, entries: entries(xml) };
  }

  test("/<list>/new.atom: the 50 newest messages, newest first, each linking to its page", async () => {
    const { GET } = await import("./list/[list]/route");
    const { FEED_ENTRIES } = await import("../../lib/queries/feeds");
    const { xml, entries: got } = await atom(await GET(get("/linux-kbuild/new.atom"), params({ list: "linux-kbuild" })));
    const newest = ids(
      `SELECT m.message_id FROM message m JOIN message_list ml ON ml.message_row_id = m.id WHERE m.ghost = 0 ORDER BY m.date DESC, m.id DESC LIMIT ?`,
      FEED_ENTRIES,
    );
    assert.deepEqual(got.map((e) => e.link), newest.map(pageOf));
    assert.deepEqual(got.map((e) => e.id), newest.map((m) => `${ORIGIN}/all/${escapeMessageId(m)}/`));
    assert.deepEqual(got.map((e) => e.updated), [...got.map((e) => e.updated)].sort().reverse());
    // The feed is as new as its newest entry.
    assert.equal(/<\/id><updated>([^<]+)<\/updated>/.exec(xml)?.[1], got[0].updated);
    assert.match(xml, /<link rel="self" type="application\/atom\+xml" href="https:\/\/crosslore\.test\/linux-kbuild\/new\.atom"\/>/);
    // Content is the author's own text: replies' quoted lines are left out.
    assert.ok(got.every((e) => !/^&gt;/m.test(e.content)), "no quoted line in any entry");

    const all = await atom(await GET(get("/all/new.atom"), params({ list: "all" })));
    assert.equal(all.entries.length, FEED_ENTRIES);
    const missing = await GET(get("/nope/new.atom"), params({ list: "nope" }));
    assert.equal(missing.status, 404);
  });

  test("/<list>/<msgid>/t.atom: every message of the thread, newest first", async () => {
    const { GET } = await import("./thread/[list]/[...path]/route");
    const thread = db.prepare("SELECT id FROM thread ORDER BY message_count DESC, id LIMIT 1").pluck().get() as number;
    const members = ids("SELECT message_id FROM message WHERE thread_id = ? AND ghost = 0 ORDER BY date DESC, id DESC", thread);
    const mid = members.at(-1)!;
    const { entries: got } = await atom(await GET(get(`/linux-kbuild/${escapeMessageId(mid)}/t.atom`), params({ list: "linux-kbuild" })));
    assert.equal(got.length, members.length);
    assert.deepEqual(got.map((e) => e.link), members.map(pageOf));
    const missing = await GET(get("/linux-kbuild/no-such@id/t.atom"), params({ list: "linux-kbuild" }));
    assert.equal(missing.status, 404);
  });

  test("search x=A: the newest hits as Atom; a malformed query is a 400 with the parser's reason", async () => {
    const { GET } = await import("./search/[[...list]]/route");
    const { searchMessages } = await import("../../lib/queries/search");
    const outcome = await searchMessages({ q: "pahole", sort: "date-desc", pageSize: 50 });
    assert.ok(outcome.ok && outcome.result.total > 5);
    const expected = outcome.result.hits.map((h) => pageOf(h.messageId));
    const site = await atom(await GET(get("/search?q=pahole&x=A"), params({})));
    assert.deepEqual(site.entries.map((e) => e.link), expected);
    const list = await atom(await GET(get("/linux-kbuild/?q=pahole&x=A"), params({ list: ["linux-kbuild"] })));
    assert.deepEqual(list.entries.map((e) => e.link), expected);
    assert.deepEqual(list.entries.map((e) => e.updated), [...list.entries.map((e) => e.updated)].sort().reverse());

    const bad = await GET(get("/search?q=s:(oops&x=A"), params({}));
    assert.equal(bad.status, 400);
    assert.match((await bad.json()).error, /s:/);
    assert.equal((await GET(get("/search?x=A"), params({}))).status, 400);
    assert.equal((await GET(get("/nope/?q=pahole&x=A"), params({ list: ["nope"] }))).status, 404);
  });

  test("search x=m: GET and POST return gzipped mboxrd of exactly the hits, with the cap stated", async () => {
    const { GET, POST } = await import("../export/search/[[...list]]/route");
    const { searchHitIds, EXPORT_MAX_MESSAGES } = await import("../../lib/queries/feeds");
    const hits = await searchHitIds({ q: "pahole", list: "linux-kbuild", sort: "relevance" });
    assert.ok(hits.ok && hits.total > 5);
    for (const method of ["GET", "POST"] as const) {
      const res = await (method === "GET" ? GET : POST)(get("/linux-kbuild/?q=pahole&x=m", method), params({ list: ["linux-kbuild"] }));
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("content-type"), "application/gzip");
      assert.equal(res.headers.get("content-disposition"), 'attachment; filename="results-pahole.mbox.gz"');
      assert.equal(res.headers.get("x-crosslore-limit"), String(EXPORT_MAX_MESSAGES));
      assert.equal(res.headers.get("x-crosslore-hits"), String(hits.total));
      assert.equal(res.headers.get("x-crosslore-messages"), String(hits.messageIds.length));
      assert.deepEqual(mboxMessageIds(await res.arrayBuffer()), hits.messageIds);
    }
    const bad = await GET(get("/search?q=pahole%20AND&x=m"), params({}));
    assert.equal(bad.status, 400);
    assert.ok((await bad.json()).error);
  });

  test("commit and toolchain feeds: every mentioning message, newest first; unknown ones are 404", async () => {
    const commit = await import("./commit/[repo]/[sha]/route");
    const top = db
      .prepare(
        `SELECT c.sha, count(DISTINCT cm.message_row_id) AS n FROM commit_mention cm JOIN "commit" c ON c.id = cm.commit_id
         WHERE c.repo = 'linux' GROUP BY c.id ORDER BY n DESC, c.sha LIMIT 1`,
      )
      .get() as { sha: string; n: number };
    const mentioning = ids(
      `SELECT m.message_id FROM message m WHERE m.ghost = 0 AND m.id IN (SELECT cm.message_row_id FROM commit_mention cm
       JOIN "commit" c ON c.id = cm.commit_id WHERE c.repo = 'linux' AND c.sha = ?) ORDER BY m.date DESC, m.id DESC`,
      top.sha,
    );
    assert.equal(mentioning.length, top.n);
    const feed = await atom(await commit.GET(get(`/commit/${top.sha.slice(0, 8)}/new.atom`), params({ repo: "linux", sha: top.sha.slice(0, 8) })));
    assert.deepEqual(feed.entries.map((e) => e.link), mentioning.map(pageOf));
    assert.equal((await commit.GET(get("/commit/0000000/new.atom"), params({ repo: "linux", sha: "0000000" }))).status, 404);

    const toolchain = await import("./toolchain/[name]/[version]/route");
    const t = db
      .prepare(
        `SELECT t.name, t.version, count(DISTINCT tm.message_row_id) AS n FROM toolchain_mention tm JOIN toolchain t ON t.id = tm.toolchain_id
         GROUP BY t.id ORDER BY n DESC, t.id LIMIT 1`,
      )
      .get() as { name: string; version: string; n: number };
    const tf = await atom(await toolchain.GET(get(`/toolchain/${t.name}/${t.version}/new.atom`), params({ name: t.name, version: t.version })));
    assert.equal(tf.entries.length, Math.min(t.n, 50));
    assert.equal((await toolchain.GET(get("/toolchain/clang/0.0/new.atom"), params({ name: "clang", version: "0.0" }))).status, 404);
  });

  test("/opensearch.xml describes the search with HTML and Atom templates", async () => {
    const { GET } = await import("../opensearch.xml/route");
    const res = GET(get("/opensearch.xml"));
    assert.equal(res.headers.get("content-type"), "application/opensearchdescription+xml; charset=utf-8");
    const xml = await res.text();
    assert.ok(checkXml(xml).ok);
    assert.match(xml, /template="https:\/\/crosslore\.test\/search\?q=\{searchTerms\}"/);
    assert.match(xml, /type="application\/atom\+xml" rel="results" template="https:\/\/crosslore\.test\/search\?q=\{searchTerms\}&amp;x=A"/);
  });
});
