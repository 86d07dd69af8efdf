// Hostile bodies: every extractor must get through ~100 KB lines built to make regexes backtrack.
import { test } from "node:test";
import assert from "node:assert/strict";
import { segmentBody } from "../../lib/mail/segment";
import { extractEntities } from "./index";

const SIZE = 100_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const LINES: [string, string][] = [
  ["hex run", fill("0123456789abcdef")],
  ["parentheses", fill("(")],
  ["spaces then text", `${" ".repeat(SIZE)}x`],
  ["clang version repeated", fill("clang version ")],
  ["gcc banner repeated", fill("gcc (Debian 12.2.0-14) ")],
  ["dotted numbers", fill("1.2.")],
  ["commit words", fill("commit abcdef1 ")],
  ["Fixes with open subject", `Fixes: 0123456789ab ("${fill("x")}`],
  ["reverts chain", fill("This reverts commit ")],
  ["bisected to chain", fill("bisected to ")],
  ["URL without end", `https://lore.kernel.org/${fill("a/")}`],
  ["URL of hex", `https://git.kernel.org/c/${fill("a")}`],
  ["quote markers", fill(">")],
  ["nested quote markers", fill("> ")],
  ["dashes", fill("-")],
  ["hunk headers", fill("@@ -1,1 +1,1 @@ ")],
  ["path colon numbers", fill("a.c:1:")],
  ["objtool prefix", `vmlinux.o: warning: objtool: ${fill("x+0x1:")}`],
  ["kernel frames", fill("foo+0x1/0x2 ")],
  ["CONFIG names", fill("CONFIG_A=")],
  ["scripts/config flags", `scripts/config ${fill("-e X ")}`],
  ["kernel versions", fill("v5.1-rc1-next-")],
  ["trailer-like", fill("Reviewed-by: ")],
  ["brackets", fill("[ ")],
  ["pipes", fill("| ")],
  ["asm operands", `\tmov ${fill("%rax, ")}`],
  ["timestamps", fill("[    1.000000] ")],
  ["ld.lld continuation", `>>> ${fill("referenced by ")}`],
  ["at-signs and percent", fill("a@b%")],
  ["backticks", fill("`'")],
  ["tool words before a version", fill("With GCC it (requires ")],
  ["tool then version words", fill("clang version (version ")],
  ["pull request bases", fill("The following changes since commit ")],
  ["linux- paths", fill("linux-2.6/linux-6.1-")],
  ["diffstat mode lines", fill(" create mode 100644 a/b")],
  ["verifier state", fill("R1_w=inv(id=0 fp-8=")],
  ["warning colons", fill("a.c:1:2: warning:")],
  ["Cc addresses", `CC: ${fill("a.b@")}`],
];

for (const [name, line] of LINES) {
  test(`extraction finishes on a 100 KB line: ${name}`, () => {
    // the same line alone, and among ordinary lines so that the block rules see it too
    for (const body of [line, `Hello,\n\n${line}\n${line.slice(0, 5000)}\n\nThanks`]) {
      const t0 = performance.now();
      const e = extractEntities({ subject: line.slice(0, 1000), body }, segmentBody(body));
      const ms = performance.now() - t0;
      assert.ok(Array.isArray(e.commits));
      // a generous ceiling: linear scans take milliseconds, catastrophic backtracking takes minutes
      assert.ok(ms < 2000, `${name}: ${ms.toFixed(0)} ms`);
    }
  });
}

test("extraction finishes on 100 KB of short lines that each open a wrapped warning or a diff", () => {
  const body = Array.from({ length: 5000 }, (_, i) => ["a.c:1:2: warning:", "unused function 'x'", "```", "diff --git a/x.S b/x.S", " create mode 100644 x", "  R1_w=inv0"][i % 6]).join("\n");
  const t0 = performance.now();
  extractEntities({ subject: "", body });
  assert.ok(performance.now() - t0 < 2000);
});

test("extraction finishes on 100 KB of short hostile lines", () => {
  const body = Array.from({ length: 5000 }, (_, i) => ["> > > >", "+-+-", "@@ -1 +1 @@", "0000 <x>:", "  mov %rax, %rbx", "BUG: x"][i % 6]).join("\n");
  const t0 = performance.now();
  extractEntities({ subject: "", body });
  assert.ok(performance.now() - t0 < 2000);
});
