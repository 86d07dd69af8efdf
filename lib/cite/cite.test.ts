import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Link, Root } from "mdast";
import { remark } from "remark";
import { toString } from "mdast-util-to-string";
import { needsCorpus } from "../testing/corpus";
import { corpusMessages } from "../regressions/test-mail";
import { linkTrailer, markdownLink, markdownSummary, permalink } from "./cite";

const BASE = "https://lore.kernel.org";

function firstLink(md: string): Link {
  const tree = remark().parse(md) as Root;
  const para = tree.children[0];
  assert.equal(para.type, "paragraph");
  const link = (para as { children: unknown[] }).children[0] as Link;
  assert.equal(link.type, "link", md);
  return link;
}

describe("cite", () => {
  test("Link: trailer, with lore's escaping of the Message-ID", () => {
    assert.equal(linkTrailer(BASE, "20210113003235.716547-4-ndesaulniers@google.com"), "Link: https://lore.kernel.org/r/20210113003235.716547-4-ndesaulniers@google.com");
    assert.equal(permalink("https://example.org/", "X8psgMuL4jMjP/Oy@rani.riverdale.lan"), "https://example.org/r/X8psgMuL4jMjP%2FOy@rani.riverdale.lan");
  });

  test("every subject of a month of linux-kbuild mail survives a Markdown round trip", needsCorpus(), async () => {
    const ms = await corpusMessages("linux-kbuild/linux-kbuild-2021-01.mbox");
    let special = 0;
    for (const m of ms) {
      const md = markdownLink({ base: BASE, messageId: m.messageId, subject: m.subject });
      const link = firstLink(md);
      assert.equal(toString(link), m.subject || "(no subject)", md);
      assert.equal(decodeURI(link.url), decodeURI(permalink(BASE, m.messageId)), md);
      if (/[[\]*_`<]/.test(m.subject)) special++;
    }
    // Nearly every subject has "[PATCH …]" brackets; some have `*`, `_` or `<`.
    assert.ok(special > 500, `${special} subjects with Markdown characters`);
  });

  test("escaping is the serializer's, and the summary lists the key facts", () => {
    const subject = "[PATCH v2 1/3] x86/boot: fix *ptr and __init_or_module <asm/foo.h> `bar`";
    const md = markdownSummary({
      base: BASE,
      messageId: "CAHk-=wh-+TMHPTFo1qs-MYyK7tZh-OQovA=pP3=e06aCVp6_kA@mail.gmail.com",
      subject,
      authorName: "Linus Torvalds",
      date: new Date("2021-01-12T18:00:00Z"),
      commits: [
        { sha: "4243afdb932677aabbccddeeff00112233445566", role: "introduced-by", subject: "kbuild: always run modules_install" },
        { sha: "8ae071fc216a25f4f797f33c56857f4dd6b4408e", role: "fixes", subject: null },
      ],
      toolchains: [{ name: "clang", version: "12.0.0" }, { name: "gcc", version: "10.2.0" }],
      diagnostics: [{ title: "objtool: foo()+0x1c: call without frame pointer save/setup" }],
    });
    assert.ok(md.includes("\\[PATCH v2 1/3\\]") && md.includes("\\_\\_init_or_module") && md.includes("\\*ptr") && md.includes("\\<asm/foo.h>") && md.includes("\\`bar\\`"), md);
    const tree = remark().parse(md) as Root;
    assert.equal(toString(firstLink(md)), subject);
    assert.equal(tree.children[1].type, "list");
    const items = toString(tree.children[1]);
    assert.ok(items.includes("4243afdb9326 introduced by (\"kbuild: always run modules_install\")"), items);
    assert.ok(items.includes("8ae071fc216a fixes"), items);
    assert.ok(items.includes("clang 12.0.0, gcc 10.2.0"), items);
    assert.ok(md.includes("(Linus Torvalds, 2021-01-12)"), md);
    assert.equal(markdownSummary({ base: BASE, messageId: "a@b", subject: "", authorName: "", date: null, commits: [], toolchains: [], diagnostics: [] }).trim(), "[(no subject)](https://lore.kernel.org/r/a@b) ()");
  });
});
