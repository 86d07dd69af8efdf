import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { needsCorpus } from "../../lib/testing/corpus";
import { corpusBody } from "./corpus-bodies";
import { extractContext } from "./context";
import { normalizeTrackerUrl } from "../../lib/links/normalize";
import { extractLinks } from "./links";

const of = (body: string) => extractLinks(extractContext("", body)).map((l) => [l.kind, l.normUrl, l.messageId ?? null]);

describe("extractLinks", () => {
  test("on real mail: lore links with their Message-IDs", needsCorpus(), async () => {
    const { subject, body } = await corpusBody("linux-kbuild/linux-kbuild-2021-01.mbox", "20210114170710.GA259754@ubuntu-m3-large-x86");
    const links = extractLinks(extractContext(subject, body));
    assert.deepEqual(
      links.map((l) => l.messageId),
      ["20210110190807.134996-1-paul.gortmaker@windriver.com", "CAHk-=wh-+TMHPTFo1qs-MYyK7tZh-OQovA=pP3=e06aCVp6_kA@mail.gmail.com", "20210112224832.10980-1-will@kernel.org"],
    );
    assert.ok(links.every((l) => l.kind === "list"));
  });
  test("on real mail: a bug tracker in a reply's own text, not the links it quotes", needsCorpus(), async () => {
    const { subject, body } = await corpusBody("linux-kbuild/linux-kbuild-2021-01.mbox", "CAKwvOdmuSaf28dOdP8Yo6+RyiviMNKcq8JY=-qgbwjbPVwHmLw@mail.gmail.com");
    assert.deepEqual(
      extractLinks(extractContext(subject, body)).map((l) => [l.kind, l.normUrl]),
      [["bug", "https://sourceware.org/bugzilla/show_bug.cgi?id=25611"]],
    );
  });
  test("trackers, archives and shorthand; other links are not kept", () => {
    assert.deepEqual(
      of(
        [
          "http://github.com/ClangBuiltLinux/linux/issues/1044#issuecomment-123456 and ClangBuiltLinux/linux#1045",
          "https://gcc.gnu.org/bugzilla/show_bug.cgi?id=102768, https://bugs.llvm.org/show_bug.cgi?id=4711 and https://llvm.org/pr4712",
          "(https://lore.kernel.org/linux-kbuild/20241123-x-v1-1-0d0f@weissschuh.net/T/#u)",
          "https://lkml.kernel.org/r/abc@def.org https://patch.msgid.link/x@y.z",
          "https://syzkaller.appspot.com/bug?extid=48135e34de22e3a82c99 https://syzkaller.appspot.com/x/log.txt?x=1315c1",
          "https://godbolt.org/z/abc https://reviews.llvm.org/D71193 https://lore.kernel.org/linux-kbuild/",
        ].join("\n"),
      ),
      [
        ["bug", "https://github.com/clangbuiltlinux/linux/issues/1044", null],
        ["bug", "https://gcc.gnu.org/bugzilla/show_bug.cgi?id=102768", null],
        ["bug", "https://bugs.llvm.org/show_bug.cgi?id=4711", null],
        ["bug", "https://bugs.llvm.org/show_bug.cgi?id=4712", null],
        ["list", "https://lore.kernel.org/r/20241123-x-v1-1-0d0f@weissschuh.net", "20241123-x-v1-1-0d0f@weissschuh.net"],
        ["list", "https://lore.kernel.org/r/abc@def.org", "abc@def.org"],
        ["list", "https://lore.kernel.org/r/x@y.z", "x@y.z"],
        ["bug", "https://syzkaller.appspot.com/bug?extid=48135e34de22e3a82c99", null],
        ["bug", "https://github.com/clangbuiltlinux/linux/issues/1045", null],
      ],
    );
    assert.equal(normalizeTrackerUrl("http://www.bugzilla.kernel.org/show_bug.cgi?id=1/"), "https://bugzilla.kernel.org/show_bug.cgi?id=1");
  });
  test("norm_url is the site's normal form: a link written two ways in two messages meets on one row", () => {
    const a = extractLinks(extractContext("", "see https://github.com/ClangBuiltLinux/linux/issues/1044#issuecomment-5 and https://llvm.org/PR4712"));
    const b = extractLinks(extractContext("", "ClangBuiltLinux/linux#1044, http://www.bugs.llvm.org/show_bug.cgi?id=4712/"));
    assert.deepEqual(a.map((l) => l.normUrl), b.map((l) => l.normUrl).reverse());
    assert.deepEqual(a.map((l) => l.normUrl), [normalizeTrackerUrl("https://github.com/clangbuiltlinux/linux/issues/1044"), "https://bugs.llvm.org/show_bug.cgi?id=4712"]);
  });
});
