// Code listings of a message's own text (patches, assembly, disassembly, IR, logs, reports) as snippets.
import type { SnippetRef } from "./types";
import type { ExtractContext } from "./context";

// What compiler -S output has and hand-written assembly rarely does.
const COMPILER_ASM = /^\s*(?:\.cfi_\w+|\.file\s+\d*\s*"|\.loc\s+\d|#\s?%bb\.\d|\.LFB\d+:|\.LFE\d+:|\.Lfunc_end\d+:|\.section\s+\.note\.GNU-stack|\.ident\s+")/m;

/** One snippet per listing or diff in the message's own text. */
export function extractSnippets(ctx: ExtractContext): SnippetRef[] {
  const out: SnippetRef[] = [];
  for (const { block, text } of ctx.own) {
    if (block.type === "diff") {
      out.push({ kind: "patch", arch: null, text, startLine: block.start, files: block.files });
    } else if (block.type === "code" && block.kind !== "code") {
      const kind = block.kind === "asm" && COMPILER_ASM.test(text) ? "compiler-asm" : block.kind;
      out.push({ kind, arch: block.arch ?? null, text, startLine: block.start });
    }
  }
  return out;
}
