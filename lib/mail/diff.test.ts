import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { needsCorpus } from "../testing/corpus";
import { corpusBody } from "../../ingest/extract/corpus-bodies";
import { diffIndex } from "./diff";

describe("diffIndex on real patches", needsCorpus(), () => {
  test("files, added and removed lines and hunk context of a four-file patch", async () => {
    const { body } = await corpusBody("cbl-googlegroup/clang-built-linux-2019-08.mbox", "20190807221539.94583-1-ndesaulniers@google.com");
    const ix = diffIndex(body);
    assert.deepEqual(ix.dfn, [
      "arch/x86/boot/string.c",
      "arch/x86/purgatory/Makefile",
      "arch/x86/purgatory/purgatory.c",
      "arch/x86/purgatory/string.c",
    ]);
    assert.ok(ix.dfa.includes("int bcmp(const void *s1, const void *s2, size_t len)"));
    assert.ok(ix.dfa.includes("$(obj)/string.o: $(srctree)/arch/x86/boot/compressed/string.c FORCE"));
    assert.ok(ix.dfb.includes("// SPDX-License-Identifier: GPL-2.0-only"));
    assert.ok(ix.dfhh.includes("int memcmp(const void *s1, const void *s2, size_t len)"));
    assert.ok(!ix.dfb.some((l) => l.startsWith("-- a/")), "file headers are not removed lines");
    assert.ok(!ix.dfa.some((l) => l.startsWith("++ b/")), "file headers are not added lines");
    // the diffstat says 17 insertions, 23 deletions
    assert.equal(ix.dfa.length, 17);
    assert.equal(ix.dfb.length, 23);
  });

  test("a diff quoted in a reply is not the reply's patch", async () => {
    const { body } = await corpusBody("linux-kbuild/linux-kbuild-2021-01.mbox", "CAKwvOdnssY=CV4daRQvGa659AzGvMT+Kb10g5-DDuZjqbp-J5A@mail.gmail.com");
    assert.deepEqual(diffIndex(body), { dfn: [], dfa: [], dfb: [], dfhh: [] });
  });
});
