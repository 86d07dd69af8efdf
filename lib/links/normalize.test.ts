import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { needsCorpus } from "../testing/corpus";
import { corpusMessages } from "../regressions/test-mail";
import { githubShorthandUrl, normalizeLinkQuery, normalizeTrackerUrl } from "./normalize";

describe("normalizeTrackerUrl", () => {
  test("GitHub: comment fragments dropped, issues and pulls kept apart, owner/repo case folded", () => {
    // Both comment links are quoted in linux-kbuild-2021-01.mbox; they are one issue.
    const a = normalizeTrackerUrl("https://github.com/ClangBuiltLinux/tc-build/issues/129#issuecomment-758056553");
    const b = normalizeTrackerUrl("https://github.com/ClangBuiltLinux/tc-build/issues/129#issuecomment-758026878");
    assert.equal(a, "https://github.com/clangbuiltlinux/tc-build/issues/129");
    assert.equal(a, b);
    assert.equal(normalizeTrackerUrl("http://www.github.com/ClangBuiltLinux/linux/issues/619/"), "https://github.com/clangbuiltlinux/linux/issues/619");
    assert.equal(normalizeTrackerUrl("https://github.com/llvm/llvm-project/pull/619/files"), "https://github.com/llvm/llvm-project/pull/619");
    assert.notEqual(normalizeTrackerUrl("https://github.com/llvm/llvm-project/pull/619"), normalizeTrackerUrl("https://github.com/llvm/llvm-project/issues/619"));
    // File paths keep their case: only owner and repository are case-insensitive.
    assert.equal(
      normalizeTrackerUrl("https://github.com/llvm/llvm-project/blob/49142991a685bd427d7e877c29c77371dfb7634c/llvm/include/llvm/ProfileData/SampleProf.h#L96-L101"),
      "https://github.com/llvm/llvm-project/blob/49142991a685bd427d7e877c29c77371dfb7634c/llvm/include/llvm/ProfileData/SampleProf.h",
    );
  });

  test("Bugzillas: show_bug.cgi?id=N whatever the spelling", () => {
    assert.equal(normalizeTrackerUrl("https://bugs.llvm.org/show_bug.cgi?id=42950"), "https://bugs.llvm.org/show_bug.cgi?id=42950");
    assert.equal(normalizeTrackerUrl("http://bugs.llvm.org/show_bug.cgi?id=42950#c3"), "https://bugs.llvm.org/show_bug.cgi?id=42950");
    assert.equal(normalizeTrackerUrl("https://bugs.llvm.org/42950"), "https://bugs.llvm.org/show_bug.cgi?id=42950");
    assert.equal(normalizeTrackerUrl("https://gcc.gnu.org/PR63293"), "https://gcc.gnu.org/bugzilla/show_bug.cgi?id=63293");
    assert.equal(normalizeTrackerUrl("https://gcc.gnu.org/bugzilla/show_bug.cgi?id=63293&format=multiple"), "https://gcc.gnu.org/bugzilla/show_bug.cgi?id=63293");
    assert.equal(normalizeTrackerUrl("https://bugzilla.kernel.org/show_bug.cgi?id=217773"), normalizeTrackerUrl("https://bugzilla.kernel.org/217773"));
  });

  test("archived messages: one form per Message-ID whatever list, view or anchor", () => {
    const forms = [
      "https://lore.kernel.org/lkml/cover.1610431620.git.viresh.kumar@linaro.org/T/#u",
      "https://lore.kernel.org/all/cover.1610431620.git.viresh.kumar@linaro.org/",
      "http://lkml.kernel.org/r/cover.1610431620.git.viresh.kumar@linaro.org",
      "https://patch.msgid.link/cover.1610431620.git.viresh.kumar@linaro.org",
      "https://lore.kernel.org/cover.1610431620.git.viresh.kumar%40linaro.org/raw",
    ];
    assert.deepEqual(new Set(forms.map(normalizeTrackerUrl)), new Set(["https://lore.kernel.org/r/cover.1610431620.git.viresh.kumar@linaro.org"]));
    // lore's own escaping: "=" and "+" stay, "/" is %2F.
    assert.equal(normalizeTrackerUrl("https://lore.kernel.org/lkml/CAHk-=wh-+TMHPTFo1qs-MYyK7tZh-OQovA=pP3=e06aCVp6_kA@mail.gmail.com/"), "https://lore.kernel.org/r/CAHk-=wh-+TMHPTFo1qs-MYyK7tZh-OQovA=pP3=e06aCVp6_kA@mail.gmail.com");
    assert.equal(normalizeTrackerUrl("https://lore.kernel.org/lkml/X8psgMuL4jMjP%2FOy@rani.riverdale.lan/"), "https://lore.kernel.org/r/X8psgMuL4jMjP%2FOy@rani.riverdale.lan");
    assert.equal(normalizeTrackerUrl("https://lore.barebox.org/barebox/20231129203106.2417486-1-a.fatoum@pengutronix.de/T/#u"), "https://lore.barebox.org/barebox/20231129203106.2417486-1-a.fatoum@pengutronix.de");
  });

  test("generic rules: host case, default ports, trailing slash, tracking parameters, prose", () => {
    assert.equal(normalizeTrackerUrl("HTTPS://Example.ORG:443/a/b/?utm_source=x&k=v"), "https://example.org/a/b?k=v");
    assert.equal(normalizeTrackerUrl("http://example.org:8080/"), "https://example.org:8080");
    assert.equal(normalizeTrackerUrl("https://bugs.llvm.org/show_bug.cgi?id=43128,"), "https://bugs.llvm.org/show_bug.cgi?id=43128");
    assert.equal(normalizeTrackerUrl("(https://syzkaller.appspot.com/bug?extid=abc)"), "(https://syzkaller.appspot.com/bug?extid=abc");
    assert.equal(normalizeTrackerUrl("not a url"), "not a url");
    assert.equal(normalizeTrackerUrl("mailto:a@b"), "mailto:a@b");
  });

  test("what a reader types: shorthand, no scheme, short Bugzilla forms; nothing else", () => {
    assert.equal(githubShorthandUrl("ClangBuiltLinux/linux#1044"), "https://github.com/ClangBuiltLinux/linux/issues/1044");
    assert.equal(normalizeLinkQuery(" ClangBuiltLinux/linux#1044 "), "https://github.com/clangbuiltlinux/linux/issues/1044");
    assert.equal(normalizeLinkQuery("github.com/ClangBuiltLinux/linux/pull/1044/files"), "https://github.com/clangbuiltlinux/linux/pull/1044");
    assert.equal(normalizeLinkQuery("llvm.org/PR42950"), "https://bugs.llvm.org/show_bug.cgi?id=42950");
    assert.equal(normalizeLinkQuery("https://syzkaller.appspot.com/bug?extid=48135e34de22e3a82c99#x"), "https://syzkaller.appspot.com/bug?extid=48135e34de22e3a82c99");
    assert.equal(normalizeLinkQuery("https://bugzilla.kernel.org/show_bug.cgi?id=212203/"), "https://bugzilla.kernel.org/show_bug.cgi?id=212203");
    assert.equal(normalizeLinkQuery("the bug"), null);
    assert.equal(normalizeLinkQuery("ftp://example.org/x"), null);
    assert.equal(normalizeLinkQuery(""), null);
  });

  test("a month of ClangBuiltLinux mail: each issue collapses to one form", needsCorpus(), async () => {
    const messages = await corpusMessages("cbl-googlegroup/clang-built-linux-2019-08.mbox", (raw) => raw.includes("github.com/ClangBuiltLinux/linux/issues/625"));
    const forms = new Set<string>();
    for (const m of messages) for (const u of m.body.match(/https?:\/\/github\.com\/ClangBuiltLinux\/linux\/issues\/625[^\s>)]*/g) ?? []) forms.add(u);
    // The raw file has it both bare and with #issuecomment-519251372.
    assert.ok(forms.size >= 2, [...forms].join(" "));
    assert.deepEqual(new Set([...forms].map(normalizeTrackerUrl)), new Set(["https://github.com/clangbuiltlinux/linux/issues/625"]));
  });
});
