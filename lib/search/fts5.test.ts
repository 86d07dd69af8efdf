// The FTS5 backend on real mail: one month of linux-kbuild (626 messages) and one of kasan-dev (490).
// Expected counts were taken from the mbox files with Python's email package, not from this code.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { corpusFile, needsCorpus } from "../testing/corpus";
import { Fts5Backend, planQuery } from "./fts5";
import { parseQuery } from "./query";
import { buildFixture, type Fixture } from "./test-fixture";
import { QueryError, type SearchRequest } from "./types";

const KBUILD_MESSAGES = 626;
const KASAN_MESSAGES = 490;

describe("FTS5 backend on real mail", needsCorpus(), () => {
  let fx: Fixture;
  let fts: Fts5Backend;
  before(async () => {
    fx = await buildFixture([
      { file: corpusFile("linux-kbuild/linux-kbuild-2021-01.mbox"), list: "linux-kbuild" },
      { file: corpusFile("kasan-dev/kasan-dev-2022-09.mbox"), list: "kasan-dev" },
    ]);
    fts = new Fts5Backend(fx.db);
  });
  after(() => fx?.close());

  const search = (q: string, extra: Partial<SearchRequest> = {}, now?: Date) => fts.searchSync({ q, pageSize: 100, ...extra }, now);
  const total = (q: string, extra: Partial<SearchRequest> = {}, now?: Date) => search(q, extra, now).total;
  const subjects = (q: string, extra: Partial<SearchRequest> = {}) => search(q, extra).hits.map((h) => h.subject);

  test("the fixture holds every message, and ghosts are never results", () => {
    assert.equal(fx.realMessages, KBUILD_MESSAGES + KASAN_MESSAGES);
    assert.ok(fx.ghosts > 0, "thread roots that never arrived are stored as ghosts");
    assert.equal(total("d:19700101.."), KBUILD_MESSAGES + KASAN_MESSAGES);
    assert.equal(total("-l:nonexistent"), KBUILD_MESSAGES + KASAN_MESSAGES);
  });

  test("identifiers are whole tokens; a prefix search reaches inside them", () => {
    assert.deepEqual(subjects("kmalloc_track_caller"), ["[Bug 216509] New: KASAN: add tests for kmalloc_track_caller"]);
    // 16 subjects have the word kmalloc ("mm/slub: … for kmalloc"); kmalloc_track_caller is another word.
    assert.equal(total("s:kmalloc"), 16);
    assert.ok(!subjects("s:kmalloc").some((s) => s.includes("kmalloc_track_caller")));
    assert.ok(subjects("s:kmalloc_*").includes("[Bug 216509] New: KASAN: add tests for kmalloc_track_caller"));
    assert.ok(!subjects("s:kmalloc_*").some((s) => /\bkmalloc\b/.test(s)), "kmalloc_* needs the underscore");
    const kmsan = search("CONFIG_KMSAN l:kasan-dev");
    assert.ok(kmsan.total > 0);
    assert.ok(kmsan.hits.some((h) => h.snippet.includes("<mark>CONFIG_KMSAN</mark>")));
  });

  test("text prefixes search their own fields", () => {
    assert.equal(total("s:pahole l:linux-kbuild"), 28);
    assert.equal(total("f:torvalds l:linux-kbuild"), 4);
    assert.equal(total("t:pantelis l:linux-kbuild"), 35);
    assert.equal(total("c:devicetree l:linux-kbuild"), 109);
    assert.equal(total("tc:devicetree l:linux-kbuild"), 109);
    assert.equal(total("dfn:scripts/Makefile.lib l:linux-kbuild"), 17);
    assert.equal(total("bs:pahole -s:pahole l:linux-kbuild"), 44, "body-only pahole messages");
    assert.ok(total("b:pahole") > total("b:pahole s:pahole"));
  });

  test("m: finds exactly one message, l: restricts to a list", () => {
    const r = search("m:<bug-216509-199747@https.bugzilla.kernel.org/>");
    assert.equal(r.total, 1);
    assert.equal(r.hits[0].list, "kasan-dev");
    assert.equal(total("l:linux-kbuild"), KBUILD_MESSAGES);
    assert.equal(total("l:kasan-dev"), KASAN_MESSAGES);
    assert.equal(total("", { list: "kasan-dev" }), KASAN_MESSAGES);
    assert.ok(search("kasan", { list: "linux-kbuild" }).hits.every((h) => h.list === "linux-kbuild"));
  });

  test("toolchain knowledge prefixes", () => {
    const fixes = search("commit:87de84c9140e");
    assert.equal(fixes.total, 7, "seven patches carry Fixes: 87de84c9140e");
    assert.ok(fixes.hits.every((h) => /check the minimum compiler version|partial revert/.test(h.subject)));
    assert.equal(total("commit:87de84c"), 7, "a shorter sha is a prefix");
    assert.deepEqual(subjects("toolchain:clang-12").sort(), [
      "Re: [PATCH] scripts: dtc: Start building fdtoverlay and fdtdump",
      "[kbuild:testing3 3/3] scripts/Makefile.headersinst:15: scripts/Kbuild.include: No such file or directory",
    ]);
    assert.equal(total("toolchain:clang-12.0"), 2);
    assert.equal(total("toolchain:clang-1"), 0, "clang-1 is not a prefix of clang-12");
    assert.ok(total("toolchain:clang") > total("toolchain:clang-12"));
    assert.ok(total("config:KMSAN") > 0);
    assert.equal(total("config:KMSAN"), total("config:CONFIG_KMSAN"));
    assert.ok(total("config:KASAN_*") >= total("config:KASAN_GENERIC") + 1);
    assert.ok(total("diag:objtool") > 0);
    assert.ok(total("diag:objtool:kasan_report") > 0 && total("diag:objtool:kasan_report") < total("diag:objtool"));
    assert.equal(total("has:patch l:linux-kbuild"), 142);
  });

  test("date ranges and relative dates", () => {
    assert.equal(total("d:20210105 l:linux-kbuild"), 7);
    assert.equal(total("d:2021-01-05..2021-01-05 l:linux-kbuild"), 7);
    const before = total("d:..20210114 l:linux-kbuild");
    const afterwards = total("d:20210115.. l:linux-kbuild");
    assert.ok(before > 0 && afterwards > 0);
    assert.equal(before + afterwards + total("-d:19000101.. l:linux-kbuild"), KBUILD_MESSAGES);
    assert.equal(total("d:2.weeks.ago..", {}, new Date("2021-01-20T00:00:00Z")), total("d:20210106.."));
    assert.equal(total("d:yesterday..", {}, new Date("2021-01-06T12:00:00Z")), total("d:20210105.."));
    assert.equal(total("d:1.month.ago..1.week.ago", {}, new Date("2021-02-01T00:00:00Z")), total("d:20210101..20210124"));
  });

  test("AND, OR, NOT and parentheses", () => {
    const a = total("s:pahole");
    const b = total("s:dwarf");
    const both = total("s:pahole s:dwarf");
    assert.equal(total("s:pahole OR s:dwarf"), a + b - both);
    assert.equal(total("s:pahole AND s:dwarf"), both);
    assert.equal(total("s:pahole NOT s:dwarf"), a - both);
    assert.equal(total("s:pahole -s:dwarf"), a - both);
    assert.equal(total("-s:pahole"), KBUILD_MESSAGES + KASAN_MESSAGES - a, "a pure negation");
    assert.equal(total("-(s:pahole OR s:dwarf)"), KBUILD_MESSAGES + KASAN_MESSAGES - (a + b - both));
    // Text and filters mixed under OR and NOT.
    const commit = total("commit:87de84c9140e");
    const pgo = total("s:pgo");
    const pgoAndCommit = total("s:pgo commit:87de84c9140e");
    assert.equal(total("(s:pgo OR commit:87de84c9140e)"), pgo + commit - pgoAndCommit);
    assert.equal(total("kasan -l:linux-kbuild"), total("kasan l:kasan-dev"));
    assert.equal(total("-l:linux-kbuild"), KASAN_MESSAGES);
    assert.equal(total("(s:pahole l:linux-kbuild) OR (s:kmsan l:kasan-dev)"), 28 + 75);
  });

  test("the FTS5 expression quotes every term: query syntax cannot be injected", () => {
    const plan = planQuery(parseQuery('"foo" NEAR kmalloc_* {body}'));
    assert.equal(plan.match, '("foo" AND "NEAR" AND "kmalloc_" * AND "body")');
    assert.doesNotThrow(() => search('NEAR "col:umn" ^start'));
  });

  test("subject matches outrank body-only matches", () => {
    const hits = search("pahole l:linux-kbuild").hits;
    const firstBodyOnly = hits.findIndex((h) => !/pahole/i.test(h.subject));
    const lastSubject = hits.map((h) => /pahole/i.test(h.subject)).lastIndexOf(true);
    assert.ok(firstBodyOnly > 0, "some subject hits come first");
    assert.ok(lastSubject < firstBodyOnly + 5, `subject hits lead the ranking (last subject hit at ${lastSubject})`);
    assert.ok(/pahole/i.test(hits[0].subject));
  });

  test("snippets are escaped HTML with matches in <mark>", () => {
    const hit = search("pahole l:linux-kbuild").hits.find((h) => h.snippet.includes("<mark>"));
    assert.ok(hit);
    assert.match(hit.snippet, /<mark>pahole<\/mark>/i);
    // Real mail is full of <address> and #include <x.h>: it must come out as text.
    const r = search("f:torvalds");
    for (const h of r.hits) assert.doesNotMatch(h.snippet.replace(/<\/?mark>/g, ""), /[<>]/);
    assert.ok(r.hits.some((h) => h.snippet.includes("&lt;") || h.snippet.includes("&gt;")));
  });

  test("a body holding <script> comes out escaped", () => {
    const id = Number(
      fx.db
        .prepare(`INSERT INTO message (message_id, subject, body) VALUES ('xss@test', 'xss probe', ?) RETURNING id`)
        .pluck()
        .get('before <script>alert("zzxss")</script> after'),
    );
    fx.db.prepare(`INSERT INTO message_fts(rowid, subject, body) VALUES (?, 'xss probe', ?)`).run(id, 'before <script>alert("zzxss")</script> after');
    const [hit] = search("zzxss").hits;
    assert.equal(hit.snippet, "before &lt;script&gt;alert(&quot;<mark>zzxss</mark>&quot;)&lt;/script&gt; after");
    assert.equal(search("m:xss@test").hits[0].snippet, "before &lt;script&gt;alert(&quot;zzxss&quot;)&lt;/script&gt; after");
  });

  test("pagination: totals, pages, stable order", () => {
    const all = search("s:pgo", { pageSize: 100 });
    const p1 = search("s:pgo", { pageSize: 10, page: 1 });
    const p3 = search("s:pgo", { pageSize: 10, page: 3 });
    assert.equal(p1.total, all.total);
    assert.equal(p1.hits.length, 10);
    assert.deepEqual(p3.hits.map((h) => h.messageId), all.hits.slice(20, 30).map((h) => h.messageId));
    assert.equal(search("s:pgo", { page: 1000, pageSize: 10 }).hits.length, 0);
    assert.equal(search("s:pgo", { pageSize: -5, page: Number.NaN }).pageSize, 1);
  });

  test("filter-only queries list newest first; date sorts work with text", () => {
    const r = search("l:linux-kbuild", { pageSize: 20 });
    const dates = r.hits.map((h) => h.date!);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const asc = search("pahole", { sort: "date-asc", pageSize: 20 }).hits.map((h) => h.date!);
    assert.deepEqual(asc, [...asc].sort());
  });

  test("hits carry list and thread root", () => {
    const r = search('s:"Add support for Clang LTO" l:linux-kbuild');
    assert.ok(r.total > 0);
    for (const h of r.hits) {
      assert.equal(h.list, "linux-kbuild");
      assert.ok(h.threadRoot.length > 0);
    }
    const replies = r.hits.filter((h) => h.subject.startsWith("Re:"));
    assert.ok(replies.some((h) => h.threadRoot !== h.messageId), "replies point at their thread's root");
  });

  test("malformed queries throw QueryError, not a server error", () => {
    for (const q of ['"open', "a AND", "(x", "d:2021", "zz:top", "commit:nothex"]) {
      assert.throws(() => search(q), QueryError, q);
    }
  });
});
