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
  test("a reply's own ```-fenced diff is a patch, then its build log; the patch it quotes is not the reply's", async () => {
    const got = await snippetsOf("linux-kbuild/linux-kbuild-2021-01.mbox", "CAKwvOdmuSaf28dOdP8Yo6+RyiviMNKcq8JY=-qgbwjbPVwHmLw@mail.gmail.com");
    assert.deepEqual(got.map((s) => s.kind), ["patch", "build-log"]);
    assert.deepEqual(got[0].files, ["Makefile"]);
  });
  test("a patch whose diffstat creates arch/x86/include/asm/ubsan.h has no asm listing", async () => {
    const got = await snippetsOf("kasan-dev/kasan-dev-2024-06.mbox", "20240625032509.4155839-1-gatlin.newhouse@gmail.com");
    assert.deepEqual(got.map((s) => [s.kind, s.arch]), [["patch", null]]);
    assert.ok(got[0].files?.includes("arch/x86/include/asm/ubsan.h"));
  });
});

describe("extractSnippets on written cases", () => {
  test("compiler -S output is compiler-asm; arch comes from the listing", () => {
    const body = ["Here is the output:", "", "main:", "\t.cfi_startproc", "\tstp x29, x30, [sp, #-16]!", "\tmov x29, sp", "\tbl foo", "\tldp x29, x30, [sp], #16", "\tret", "\t.cfi_endproc"].join("\n");
    assert.deepEqual(extractSnippets(extractContext("", body)).map((s) => [s.kind, s.arch]), [["compiler-asm", "arm64"]]);
  });
});

describe("extractSnippets: listings that are not what their lines first suggest", () => {
  test("a fenced diff of a .S file is a patch, not asm", () => {
    // written case: the real fenced diff above is of a Makefile; here the file is assembly, which segmentation calls asm
    const body = [
      "Does this help?",
      "",
      "```",
      "diff --git a/arch/x86/entry/entry_64.S b/arch/x86/entry/entry_64.S",
      "index 1b5be07f8669..e0d3fb4a5a2c 100644",
      "--- a/arch/x86/entry/entry_64.S",
      "+++ b/arch/x86/entry/entry_64.S",
      "@@ -284,6 +284,7 @@ SYM_FUNC_START(__switch_to_asm)",
      " \tmovq\t%rsp, TASK_threadsp(%rdi)",
      "+\tANNOTATE_NOENDBR",
      " \tmovq\tTASK_threadsp(%rsi), %rsp",
      "```",
    ].join("\n");
    const got = extractSnippets(extractContext("", body));
    assert.deepEqual(got.map((s) => [s.kind, s.files]), [["patch", ["arch/x86/entry/entry_64.S"]]]);
  });
  test("the create-mode tail of a cover letter's diffstat is no listing", () => {
    // real lines: kbuild, 20210831144114.154-1-alexandr.lobakin@intel.com (FG-KASLR cover letter)
    const body = [
      "Alexander Lobakin (2):",
      "  x86: tools/relocs: Support >64K section headers",
      "",
      " create mode 100644 arch/x86/boot/compressed/fgkaslr.c",
      " create mode 100644 arch/x86/boot/compressed/utils.c",
      " create mode 100644 arch/x86/boot/compressed/vmlinux.symbols",
    ].join("\n");
    assert.deepEqual(extractSnippets(extractContext("", body)).filter((s) => s.kind === "asm" || s.kind === "compiler-asm"), []);
  });
  test("BPF verifier register state is not assembly", () => {
    // the verifier's log format: instruction, then the register state it computed
    const body = [
      "The verifier log shows the spill:",
      "",
      "    w3 = 100",
      "      R3_w=inv100 fp-64_w=inv1086626730498",
      "    *(u32 *)(r10 - 68) = r3",
      "      R3_w=inv100 fp-64_w=inv1086626730498",
      "    r1 = *(u32 *)(r10 - 68)",
      "      R1_w=inv(id=0,umax_value=4294967295,var_off=(0x0; 0xffffffff))",
    ].join("\n");
    assert.deepEqual(extractSnippets(extractContext("", body)).filter((s) => s.kind === "asm"), []);
  });
  test("a report without registers takes its arch from syscall entry frames", () => {
    // frames as KMSAN/KASAN print them (kasan-dev 2024-06, 82cf2f25-fd3b-40a2-8d2b-a6385a585601@I-love.SAKURA.ne.jp)
    const x86 = [
      "Here is what I get:",
      "",
      "BUG: KMSAN: uninit-value in ____sys_recvmsg+0x3c0/0x470",
      " ____sys_recvmsg+0x3c0/0x470",
      " do_recvmmsg+0x474/0xae0",
      " __x64_sys_recvmmsg+0x199/0x250",
      " do_syscall_64+0xf3/0x230",
      " entry_SYSCALL_64_after_hwframe+0x77/0x7f",
    ].join("\n");
    assert.deepEqual(extractSnippets(extractContext("", x86)).map((s) => [s.kind, s.arch]), [["oops", "x86"]]);
    const arm64 = x86.replace("__x64_sys_recvmmsg", "__arm64_sys_recvmmsg").replace(" do_syscall_64+0xf3/0x230", " invoke_syscall+0x4c/0x110").replace(" entry_SYSCALL_64_after_hwframe+0x77/0x7f", " el0_svc+0x34/0xd8");
    assert.deepEqual(extractSnippets(extractContext("", arm64)).map((s) => [s.kind, s.arch]), [["oops", "arm64"]]);
  });
});
