import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseQuery, type QueryNode } from "./query";
import { QueryError } from "./types";

const NOW = new Date("2021-01-20T15:30:00Z");
const p = (q: string) => parseQuery(q, { now: NOW });
const word = (text: string, extra: Partial<Extract<QueryNode, { kind: "text" }>> = {}): QueryNode => ({
  kind: "text",
  text,
  fields: null,
  phrase: text.includes(" "),
  prefix: false,
  ...extra,
});
const utc = (s: string) => Date.parse(s + "T00:00:00Z");

function rejects(q: string, pattern: RegExp, position?: number) {
  assert.throws(
    () => p(q),
    (e: unknown) => {
      assert.ok(e instanceof QueryError, `${q}: expected QueryError, got ${String(e)}`);
      assert.match(e.message, pattern, q);
      if (position !== undefined) assert.equal(e.position, position, `${q}: position`);
      return true;
    },
  );
}

describe("parseQuery: words, phrases, identifiers", () => {
  test("empty and blank queries are null", () => {
    assert.equal(p(""), null);
    assert.equal(p("   "), null);
  });

  test("identifiers are single whole words", () => {
    assert.deepEqual(p("register_netdevice_notifier"), word("register_netdevice_notifier"));
    assert.deepEqual(p("CONFIG_KMSAN"), word("CONFIG_KMSAN"));
    assert.deepEqual(p("__msan_foo"), word("__msan_foo"));
    assert.deepEqual(p("87de84c9140e"), word("87de84c9140e"));
  });

  test("punctuation inside a bare word makes a phrase of its parts, as the FTS tokenizer would", () => {
    assert.deepEqual(p("scripts/Makefile.lib"), word("scripts Makefile lib"));
  });

  test("quoted phrases keep their words in order", () => {
    assert.deepEqual(p('"undefined stack state"'), word("undefined stack state"));
  });

  test("a trailing * is a prefix search", () => {
    assert.deepEqual(p("kmalloc_*"), word("kmalloc_", { prefix: true }));
  });

  test("std::vector and URLs are text, not prefixes", () => {
    assert.deepEqual(p("std::vector"), word("std vector"));
    assert.deepEqual(p("https://lore.kernel.org"), word("https lore kernel org"));
  });
});

describe("parseQuery: boolean structure", () => {
  test("juxtaposition is AND", () => {
    assert.deepEqual(p("clang lto"), { kind: "and", children: [word("clang"), word("lto")] });
  });

  test("OR binds looser than AND", () => {
    assert.deepEqual(p("a b OR c"), {
      kind: "or",
      children: [{ kind: "and", children: [word("a"), word("b")] }, word("c")],
    });
  });

  test("parentheses group", () => {
    assert.deepEqual(p("a (b OR c)"), {
      kind: "and",
      children: [word("a"), { kind: "or", children: [word("b"), word("c")] }],
    });
  });

  test("NOT, leading - and -( ) negate", () => {
    assert.deepEqual(p("a NOT b"), { kind: "and", children: [word("a"), { kind: "not", child: word("b") }] });
    assert.deepEqual(p("a -b"), { kind: "and", children: [word("a"), { kind: "not", child: word("b") }] });
    assert.deepEqual(p("-l:linux-kbuild"), { kind: "not", child: { kind: "list", name: "linux-kbuild" } });
    assert.deepEqual(p("-(a OR b)"), { kind: "not", child: { kind: "or", children: [word("a"), word("b")] } });
  });

  test("a hyphen inside a word is not an operator", () => {
    assert.deepEqual(p("pre-processor"), word("pre processor"));
  });

  test("lowercase and/or are words", () => {
    assert.deepEqual(p("this or that"), { kind: "and", children: [word("this"), word("or"), word("that")] });
  });
});

describe("parseQuery: prefixes", () => {
  test("text prefixes restrict fields", () => {
    assert.deepEqual(p("s:kbuild"), word("kbuild", { fields: ["subject"] }));
    assert.deepEqual(p("f:torvalds"), word("torvalds", { fields: ["from"] }));
    assert.deepEqual(p("b:pahole"), word("pahole", { fields: ["body"] }));
    assert.deepEqual(p("bs:pahole"), word("pahole", { fields: ["subject", "body"] }));
    assert.deepEqual(p("t:linux-kbuild"), word("linux kbuild", { fields: ["to"] }));
    assert.deepEqual(p("c:masahiroy"), word("masahiroy", { fields: ["cc"] }));
    assert.deepEqual(p("tc:masahiroy"), word("masahiroy", { fields: ["to", "cc"] }));
    assert.deepEqual(p("dfn:Makefile"), word("Makefile", { fields: ["dfn"] }));
    assert.deepEqual(p("dfa:CONFIG_KMSAN"), word("CONFIG_KMSAN", { fields: ["dfa"] }));
    assert.deepEqual(p("dfb:cc-option"), word("cc option", { fields: ["dfb"] }));
    assert.deepEqual(p("dfhh:kasan_report"), word("kasan_report", { fields: ["dfhh"] }));
    assert.deepEqual(p('s:"DWARF v5"'), word("DWARF v5", { fields: ["subject"] }));
    assert.deepEqual(p("s:kmalloc_*"), word("kmalloc_", { fields: ["subject"], prefix: true }));
  });

  test("l: and m:", () => {
    assert.deepEqual(p("l:linux-kbuild"), { kind: "list", name: "linux-kbuild" });
    assert.deepEqual(p("m:<20210105112415.1234@linaro.org>"), { kind: "messageId", id: "20210105112415.1234@linaro.org" });
  });

  test("toolchain knowledge prefixes", () => {
    assert.deepEqual(p("commit:87DE84C9140E"), { kind: "commit", sha: "87de84c9140e" });
    assert.deepEqual(p("toolchain:clang-22"), { kind: "toolchain", name: "clang", version: "22" });
    assert.deepEqual(p("toolchain:clang-22.0.0git"), { kind: "toolchain", name: "clang", version: "22.0.0git" });
    assert.deepEqual(p("toolchain:gcc"), { kind: "toolchain", name: "gcc", version: null });
    assert.deepEqual(p("toolchain:ld.lld-19"), { kind: "toolchain", name: "ld.lld", version: "19" });
    assert.deepEqual(p("config:KMSAN"), { kind: "config", name: "CONFIG_KMSAN", prefix: false });
    assert.deepEqual(p("config:CONFIG_KMSAN"), { kind: "config", name: "CONFIG_KMSAN", prefix: false });
    assert.deepEqual(p("config:kasan_*"), { kind: "config", name: "CONFIG_KASAN_", prefix: true });
    assert.deepEqual(p("diag:objtool"), { kind: "diag", value: "objtool" });
    assert.deepEqual(p('diag:"objtool:folio_zero_user:undefined stack state"'), {
      kind: "diag",
      value: "objtool:folio_zero_user:undefined stack state",
    });
    assert.deepEqual(p("has:asm"), { kind: "tag", tag: "has:asm" });
    assert.deepEqual(p("arch:arm64"), { kind: "tag", tag: "arch:arm64" });
  });
});

describe("parseQuery: dates (UTC)", () => {
  test("closed range, both spellings; the end day is included", () => {
    const r = { kind: "date", from: utc("2021-01-01"), to: utc("2021-03-02") };
    assert.deepEqual(p("d:20210101..20210301"), r);
    assert.deepEqual(p("d:2021-01-01..2021-03-01"), r);
  });

  test("open ranges", () => {
    assert.deepEqual(p("d:20210101.."), { kind: "date", from: utc("2021-01-01"), to: null });
    assert.deepEqual(p("d:..20210301"), { kind: "date", from: null, to: utc("2021-03-02") });
  });

  test("a single day", () => {
    assert.deepEqual(p("d:20210105"), { kind: "date", from: utc("2021-01-05"), to: utc("2021-01-06") });
  });

  test("relative dates count back from now", () => {
    assert.deepEqual(p("d:2.weeks.ago.."), { kind: "date", from: NOW.getTime() - 14 * 86_400_000, to: null });
    assert.deepEqual(p("d:yesterday.."), { kind: "date", from: utc("2021-01-19"), to: null });
    assert.deepEqual(p("d:1.month.ago..1.week.ago"), {
      kind: "date",
      from: Date.parse("2020-12-20T15:30:00Z"),
      to: Date.parse("2021-01-13T15:30:00Z"),
    });
    assert.deepEqual(p("d:3.days.ago"), { kind: "date", from: utc("2021-01-17"), to: utc("2021-01-18") });
  });
});

describe("parseQuery: malformed queries throw QueryError with a position", () => {
  test("quotes and parentheses", () => {
    rejects('s:"unterminated', /unbalanced quote.*position 3/, 2);
    rejects("(a OR b", /"\(" at position 1 is never closed/, 0);
    rejects("a OR b)", /"\)" at position 7 has no matching/, 6);
    rejects("()", /empty parentheses/);
  });

  test("dangling operators", () => {
    rejects("clang AND", /"AND" at position 7 has nothing after it/, 6);
    rejects("OR clang", /"OR" at position 1 has nothing before it/, 0);
    rejects("a OR OR b", /"OR" at position 3 has nothing after it/);
    rejects("NOT", /"NOT" at position 1 has nothing after it/);
  });

  test("prefixes", () => {
    rejects("foo:bar", /unknown search prefix "foo:" at position 1/, 0);
    rejects("s: kbuild", /prefix "s:" at position 1 has no value/);
    rejects("commit:xyz", /commit:xyz at position 1: a commit is 7 to 40 hex digits/);
    rejects("toolchain:22", /toolchain:22 .*expected a tool name/);
    rejects("config:KMSAN-X", /expected a Kconfig option/);
  });

  test("dates", () => {
    rejects("d:20211301", /"20211301" is not a calendar date/);
    rejects("d:20210230", /not a calendar date/);
    rejects("d:last.tuesday..", /"last.tuesday" is not a date/);
    rejects("d:20210301..20210101", /ends before it starts/);
    rejects("d:..", /needs at least one end/);
  });

  test("nothing searchable", () => {
    rejects("a & b", /"&" at position 3 contains no searchable word/);
  });
});
