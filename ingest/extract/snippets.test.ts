import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { needsCorpus } from "../../lib/testing/corpus";
import { corpusBody } from "./corpus-bodies";
import { extractContext } from "./context";
import { extractSnippets } from "./snippets";

async function snippetsOf(rel: string, id: string) {
  const { subject, body } = await corpusBody(rel, id);
  return extractSnippets(extractContext(subject, body));
}

describe("extractSnippets on real mail", needsCorpus(), () => {
  test("a patch with an llvm-objdump listing", async () => {
    const got = await snippetsOf("cbl-googlegroup/clang-built-linux-2019-08.mbox", "20190807221539.94583-1-ndesaulniers@google.com");
    assert.deepEqual(got.map((s) => [s.kind, s.arch]), [["disasm", "x86"], ["patch", null]]);
    assert.equal(got[1].files?.length, 4);
  });
  test("a KASAN report is an x86 oops (its <TASK> markers say so)", async () => {
    const got = await snippetsOf("kasan-dev/kasan-dev-2022-09.mbox", "20220919031241.1358001-1-feng.tang@intel.com");
    assert.deepEqual(got.map((s) => [s.kind, s.arch]), [["oops", "x86"], ["patch", null]]);
  });
  test("a reply's own build log, not the patch it quotes", async () => {
    const got = await snippetsOf("linux-kbuild/linux-kbuild-2021-01.mbox", "CAKwvOdmuSaf28dOdP8Yo6+RyiviMNKcq8JY=-qgbwjbPVwHmLw@mail.gmail.com");
    assert.deepEqual(got.map((s) => s.kind), ["build-log"]);
  });
});

describe("extractSnippets on written cases", () => {
  test("compiler -S output is compiler-asm; arch comes from the listing", () => {
    const body = ["Here is the output:", "", "main:", "\t.cfi_startproc", "\tstp x29, x30, [sp, #-16]!", "\tmov x29, sp", "\tbl foo", "\tldp x29, x30, [sp], #16", "\tret", "\t.cfi_endproc"].join("\n");
    assert.deepEqual(extractSnippets(extractContext("", body)).map((s) => [s.kind, s.arch]), [["compiler-asm", "arm64"]]);
  });
});
