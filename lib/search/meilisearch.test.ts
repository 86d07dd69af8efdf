// Translation of the query AST into Meilisearch parameters (always run), and live searches against a
// Meilisearch server built from real mail (only when MEILI_URL is set).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { meiliUrl } from "../config";
import { corpusFile, needsCorpus } from "../testing/corpus";
import { buildDocuments, MeiliBackend, sqliteExpander, translateForMeili, type Expander } from "./meilisearch";
import { parseQuery } from "./query";
import { buildFixture, type Fixture } from "./test-fixture";
import { QueryError } from "./types";

const NOW = new Date("2021-01-20T00:00:00Z");
// Stored values, as the database would answer; what each prefix filter expands to.
const fake: Expander = {
  commits: (p) => ["87de84c9140e", "87de84c91400"].filter((s) => s.startsWith(p)),
  configs: (p) => ["CONFIG_KASAN_GENERIC", "CONFIG_KASAN_SW_TAGS", "CONFIG_KMSAN"].filter((s) => s.startsWith(p)),
  diags: (v) => ["objtool:kasan_report:call to __kasan_report() with UACCESS enabled"].filter((s) => v === "objtool" || s.startsWith(v)),
  toolchains: (name, version) => (name === "clang" ? ["clang-12.0.0"].filter((t) => !version || t === `clang-${version}` || t.startsWith(`clang-${version}.`)) : []),
};
const tr = (q: string) => translateForMeili(parseQuery(q, { now: NOW }), fake);

describe("translateForMeili", () => {
  test("plain words, phrases and AND go into q, all words required", () => {
    const m = tr('kbuild "DWARF v5" CONFIG_KMSAN');
    assert.equal(m.q, 'kbuild "DWARF v5" CONFIG_KMSAN');
    assert.equal(m.filter, null);
    assert.equal(m.matchingStrategy, "all");
    assert.deepEqual(m.approximations, []);
  });

  test("a field prefix sets attributesToSearchOn", () => {
    assert.deepEqual(tr("s:pahole").attributesToSearchOn, ["subject"]);
    assert.deepEqual(tr("tc:devicetree").attributesToSearchOn, ["to", "cc"]);
    const mixed = tr("s:pahole b:btf");
    assert.deepEqual(mixed.attributesToSearchOn, ["subject", "body"]);
    assert.equal(mixed.approximations.length, 1);
    assert.equal(tr("s:pahole btf").attributesToSearchOn, null);
  });

  test("filters are exact, in any boolean shape", () => {
    assert.equal(tr("l:linux-kbuild").filter, 'list = "linux-kbuild"');
    assert.equal(tr("-l:linux-kbuild").filter, 'NOT (list = "linux-kbuild")');
    assert.equal(tr("d:20210105").filter, `(date EXISTS AND date IS NOT NULL AND date >= ${Date.UTC(2021, 0, 5)} AND date < ${Date.UTC(2021, 0, 6)})`);
    assert.equal(tr("m:<a@b>").filter, 'messageId = "a@b"');
    assert.equal(tr("has:patch OR arch:arm64").filter, '(tags = "has:patch" OR tags = "arch:arm64")');
    assert.equal(tr("config:KMSAN").filter, 'configs = "CONFIG_KMSAN"');
    assert.equal(tr("config:KASAN_*").filter, 'configs IN ["CONFIG_KASAN_GENERIC", "CONFIG_KASAN_SW_TAGS"]');
    assert.equal(tr("commit:87de84c9140e").filter, 'commits = "87de84c9140e"');
    assert.equal(tr("commit:1234567").filter, "id < 0", "an unknown commit matches nothing");
    assert.equal(tr("toolchain:clang-12").filter, 'toolchains = "clang-12.0.0"');
    assert.equal(tr("diag:objtool:kasan_report").filter, 'diags = "objtool:kasan_report:call to __kasan_report() with UACCESS enabled"');
    assert.equal(tr("pahole l:linux-kbuild d:20210101..").q, "pahole");
  });

  test("quotes inside filter values cannot break out of the string", () => {
    const q = (id: string) => translateForMeili({ kind: "messageId", id }, fake).filter;
    assert.equal(q('a" OR id > 0'), 'messageId = "a\\" OR id > 0"');
    assert.equal(q("a\\"), 'messageId = "a\\\\"');
  });

  test("negated text uses Meilisearch's -word operator", () => {
    assert.equal(tr("pahole -s:btf").q, "pahole -btf");
    assert.equal(tr('pahole -"DWARF v5"').q, 'pahole -"DWARF v5"');
    assert.deepEqual(tr("pahole -(btf OR dwarf)").approximations, [], "NOT (a OR b) is exactly -a -b");
  });

  test("degradations are applied and recorded", () => {
    const or = tr("pahole OR btf");
    assert.equal(or.q, "pahole btf");
    assert.equal(or.matchingStrategy, "last");
    assert.ok(or.approximations.some((a) => a.startsWith("OR between text")));
    const mixed = tr("(s:pgo OR commit:87de84c9140e)");
    assert.equal(mixed.q, "pgo");
    assert.equal(mixed.filter, null);
    assert.ok(mixed.approximations.some((a) => a.startsWith("filters combined with text by OR were dropped")));
    const notAnd = tr("kbuild -(pahole btf)");
    assert.equal(notAnd.q, "kbuild -pahole -btf");
    assert.ok(notAnd.approximations.some((a) => a.startsWith("NOT of several terms")));
    assert.ok(tr("kmalloc_*").approximations.some((a) => a.startsWith("prefix terms")));
    assert.equal(tr("kmalloc_*").q, "kmalloc_");
  });

  test("filter-only and empty queries have no text", () => {
    assert.equal(tr("l:linux-kbuild").hasText, false);
    assert.equal(translateForMeili(null, fake).q, "");
  });

  test("a prefix that expands to too many values is a QueryError", () => {
    const wide: Expander = { ...fake, configs: () => Array.from({ length: 1001 }, (_, i) => `CONFIG_X${i}`) };
    assert.throws(() => translateForMeili(parseQuery("config:X*"), wide), QueryError);
  });
});

describe("Meilisearch documents from a real database", needsCorpus(), () => {
  let fx: Fixture;
  before(async () => {
    fx = await buildFixture([{ file: corpusFile("linux-kbuild/linux-kbuild-2021-01.mbox"), list: "linux-kbuild" }]);
  });
  after(() => fx?.close());

  test("one document per real message, with entity arrays", () => {
    const ids = fx.db.prepare(`SELECT id FROM message ORDER BY id`).pluck().all() as number[];
    const docs = buildDocuments(fx.db, ids);
    assert.equal(docs.length, 626, "ghosts are left out");
    const fixes = docs.filter((d) => d.commits.includes("87de84c9140e"));
    assert.equal(fixes.length, 7);
    assert.ok(docs.every((d) => d.list[0] === "linux-kbuild" && d.threadRoot));
    assert.deepEqual(docs.filter((d) => d.toolchains.includes("clang-12.0.0")).length, 2);
  });

  test("the database expander applies the FTS5 backend's prefix rules", () => {
    const ex = sqliteExpander(fx.db);
    assert.deepEqual(ex.commits("87de84c"), ["87de84c9140e"]);
    assert.deepEqual(ex.commits("87de84c9140e0000000000000000000000000000"), ["87de84c9140e"], "a longer sha than stored");
    assert.deepEqual(ex.toolchains("clang", "12"), ["clang-12.0.0"]);
    assert.deepEqual(ex.toolchains("clang", "1"), []);
  });
});

const live = meiliUrl() ? { skip: false as const } : { skip: "skipped: MEILI_URL not set" };

describe("Meilisearch live", live, () => {
  let fx: Fixture;
  let meili: MeiliBackend;
  before(async () => {
    fx = await buildFixture([{ file: corpusFile("linux-kbuild/linux-kbuild-2021-01.mbox"), list: "linux-kbuild" }]);
    meili = new MeiliBackend({ index: `crosslore-test-${process.pid}`, db: fx.db });
    await meili.indexMessages(fx.db.prepare(`SELECT id FROM message`).pluck().all() as number[]);
  });
  after(() => fx?.close());

  test("filters and text agree with the data", async () => {
    assert.equal((await meili.search({ q: "l:linux-kbuild" })).total, 626);
    assert.equal((await meili.search({ q: "commit:87de84c9140e" })).total, 7);
    assert.equal((await meili.search({ q: "d:20210105" })).total, 7);
    const r = await meili.search({ q: "pahole" });
    assert.ok(r.total > 0);
    assert.ok(r.hits.some((h) => h.snippet.includes("<mark>")));
  });
});
