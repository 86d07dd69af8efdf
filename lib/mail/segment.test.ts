import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { needsCorpus } from "../testing/corpus";
import { corpusBody, corpusBodies } from "../../ingest/extract/corpus-bodies";
import type { Block } from "./blocks";
import { detectArch, ownLines, ownText, segmentBody } from "./segment";

const CBL = "cbl-googlegroup/clang-built-linux-2019-08.mbox";
const KBUILD = "linux-kbuild/linux-kbuild-2021-01.mbox";
const KASAN = "kasan-dev/kasan-dev-2022-09.mbox";

function find<T extends Block["type"]>(
  blocks: Block[],
  type: T,
  pred: (b: Extract<Block, { type: T }>) => boolean = () => true,
): Extract<Block, { type: T }> | undefined {
  for (const b of blocks) {
    if (b.type === type && pred(b as Extract<Block, { type: T }>)) return b as Extract<Block, { type: T }>;
    if (b.type === "quote") {
      const inner: Extract<Block, { type: T }> | undefined = find(b.blocks, type, pred);
      if (inner) return inner;
    }
  }
  return undefined;
}

describe("segmentBody on real mail", needsCorpus(), () => {
  test("a patch: disassembly in the commit message, trailers, diff with its files, git signature", async () => {
    const { body } = await corpusBody(CBL, "20190807221539.94583-1-ndesaulniers@google.com");
    const blocks = segmentBody(body);
    const disasm = find(blocks, "code", (b) => b.kind === "disasm");
    assert.ok(disasm, "llvm-objdump output is a disasm block");
    assert.equal(disasm.lines[0], "0000000000000339 memcpy:");
    assert.equal(disasm.arch, "x86");
    assert.ok(disasm.lines.some((l) => l.includes("0000000000000345 memset:")), "both functions in one listing");
    const trailers = find(blocks, "trailers");
    assert.ok(trailers);
    assert.equal(trailers.lines[0], "Cc: stable@vger.kernel.org");
    assert.ok(trailers.lines.includes("Tested-by: Vaibhav Rustagi <vaibhavrustagi@google.com>"));
    assert.ok(!trailers.lines.includes("---"), "the --- line ends the commit message");
    const diff = find(blocks, "diff");
    assert.ok(diff);
    assert.deepEqual(diff.files, [
      "arch/x86/boot/string.c",
      "arch/x86/purgatory/Makefile",
      "arch/x86/purgatory/purgatory.c",
      "arch/x86/purgatory/string.c",
    ]);
    const sig = blocks[blocks.length - 1];
    assert.equal(sig.type, "signature");
    assert.equal(sig.type === "signature" && sig.lines[1], "2.22.0.770.g0f2c4a37fd-goog");
  });

  test("nested quotes with attributions, a quoted diff, and ld.lld '>>>' lines that are not quotes", async () => {
    const { body } = await corpusBody(KBUILD, "CAKwvOdnssY=CV4daRQvGa659AzGvMT+Kb10g5-DDuZjqbp-J5A@mail.gmail.com");
    const blocks = segmentBody(body);
    const outer = blocks[0];
    assert.equal(outer.type, "quote");
    assert.equal(outer.type === "quote" && outer.attribution, "On Mon, Jan 11, 2021 at 1:04 PM Nathan Chancellor <natechancellor@gmail.com> wrote:");
    const inner = find(blocks, "quote", (q) => q.depth === 2);
    assert.equal(inner?.attribution, "On Mon, Jan 11, 2021 at 12:18:21AM -0800, Bill Wendling wrote:");
    const diff = find(blocks, "diff");
    assert.deepEqual(diff?.files, ["drivers/char/Makefile", "drivers/gpu/drm/i915/Makefile"]);
    const lld = find(blocks, "code", (b) => b.lines[0] === ">>> referenced by head64.c");
    assert.equal(lld?.kind, "build-log");
    assert.equal(find(blocks, "quote", (q) => q.depth === 4), undefined, "no fourfold quote from >>> lines");

    const own = ownText(blocks);
    assert.ok(own.includes("Err...that seems like it should be implemented in"));
    assert.ok(!own.includes("Local diff:"), "quoted text is not own text");
    assert.ok(!own.includes("You received this message"), "the list footer (signature) is not own text");
    const bodyLines = body.split("\n");
    const at = bodyLines.indexOf("Err...that seems like it should be implemented in");
    assert.equal(own.split("\n")[at], bodyLines[at], "own text keeps body line numbers");
  });

  test("test-robot output: '>>' marks new diagnostics inside a build log, not a quote", async () => {
    const { body } = await corpusBody(CBL, "201908010232.VAMa5bkC%lkp@intel.com");
    const blocks = segmentBody(body);
    assert.equal(find(blocks, "quote"), undefined);
    const log = find(blocks, "code", (b) => b.kind === "build-log");
    assert.ok(log);
    assert.equal(log.lines[0], "   In file included from arch/x86/kernel/asm-offsets.c:13:");
    assert.ok(log.lines.some((l) => l.startsWith(">> include/linux/memcontrol.h:1167:2: error: implicit declaration")));
    assert.ok(log.lines.includes("   make: *** [sub-make] Error 2"));
  });

  test("a KASAN report, split by blank lines and with a '>' shadow row, is one oops block", async () => {
    const { body } = await corpusBody(KASAN, "bug-216457-199747@https.bugzilla.kernel.org/");
    const blocks = segmentBody(body);
    assert.equal(blocks.filter((b) => b.type === "quote").length, 0, "the >ffff… shadow row is not a quote");
    const oops = find(blocks, "code", (b) => b.kind === "oops");
    assert.ok(oops);
    assert.ok(oops.lines.includes("BUG: KASAN: slab-out-of-bounds in _find_next_bit+0x143/0x160 lib/find_bit.c:109"));
    assert.ok(oops.lines.some((l) => l.startsWith(">ffff888017576680: 00 00")));

    const { body: body2 } = await corpusBody(KASAN, "20220919031241.1358001-1-feng.tang@intel.com");
    const oops2 = find(segmentBody(body2), "code", (b) => b.kind === "oops");
    assert.equal(oops2?.lines[0], "  BUG: KASAN: use-after-free in kobject_del+0x14/0x30");
    assert.ok(oops2?.lines.includes("  Call Trace:"), "the blank line after the title does not split the report");
  });

  test("every block of a month of linux-kbuild sits at its body lines", async () => {
    let messages = 0;
    for await (const { messageId, body } of corpusBodies(KBUILD)) {
      messages++;
      const lines = body.split("\n");
      const check = (blocks: Block[], depth: number) => {
        let prevEnd = -1;
        for (const b of blocks) {
          assert.ok(b.start > prevEnd, `${messageId}: block at ${b.start} overlaps the previous one`);
          if (b.type === "quote") {
            check(b.blocks, depth + 1);
            prevEnd = b.blocks.length ? Math.max(b.start, lastLine(b.blocks)) : b.start;
            continue;
          }
          for (let k = 0; k < b.lines.length; k++) {
            const line: string = lines[b.start + k];
            const expected: string = depth === 0 ? line : line.replace(new RegExp(`^(?:> ?){${depth}}`), "");
            if (depth === 0) assert.equal(b.lines[k], expected, `${messageId}: line ${b.start + k}`);
            else assert.ok(line.startsWith(">"), `${messageId}: quoted line ${b.start + k} has a ">"`);
          }
          prevEnd = b.start + b.lines.length - 1;
        }
      };
      const blocks = segmentBody(body);
      check(blocks, 0);
      const own = ownLines(blocks);
      for (let k = 0; k < own.length; k++) if (own[k]) assert.equal(own[k], lines[k], `${messageId}: own line ${k}`);
    }
    assert.equal(messages, 626);
  });
});

function lastLine(blocks: Block[]): number {
  const b = blocks[blocks.length - 1];
  if (b.type === "quote") return b.blocks.length ? lastLine(b.blocks) : b.start;
  return b.start + b.lines.length - 1;
}

describe("detectArch", () => {
  test("names the architecture of listings in both x86 syntaxes and of other ISAs", () => {
    assert.equal(detectArch("  movq %rsp, %rbp\n  callq foo"), "x86");
    assert.equal(detectArch("  mov rax, qword ptr [rbp - 8]\n  call foo"), "x86");
    assert.equal(detectArch("  stp x29, x30, [sp, #-16]!\n  mov x29, sp\n  bl foo"), "arm64");
    assert.equal(detectArch("  auipc ra, 0\n  jalr ra, 0(ra)"), "riscv");
    assert.equal(detectArch("  stmg %r14,%r15,112(%r15)\n  brasl %r14,foo"), "s390");
    assert.equal(detectArch("  mflr r0\n  std r0,16(r1)\n  stdu r1,-32(r1)"), "powerpc");
    assert.equal(detectArch("Hello, this is prose."), null);
  });
});
