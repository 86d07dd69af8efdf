// The structure of a mail body as crosslore sees it: what the renderer draws and what extraction reads.
// Produced by segmentBody() in lib/mail/segment.ts; never by a Markdown parser.

export type CodeKind =
  | "asm" // assembly source or compiler -S output
  | "disasm" // objdump / llvm-objdump disassembly
  | "llvm-ir"
  | "bisect-log" // `git bisect log`
  | "build-log" // compiler/linker/make output, warnings and errors
  | "oops" // kernel Oops/BUG/WARNING/KASAN/KMSAN/UBSAN/KCFI report, compiler crash dumps
  | "code"; // other indented or fenced code

export type Block =
  | { type: "paragraph"; start: number; lines: string[] }
  | { type: "quote"; start: number; depth: number; blocks: Block[]; attribution?: string }
  | { type: "diff"; start: number; lines: string[]; files: string[] }
  | { type: "code"; start: number; lines: string[]; kind: CodeKind; arch?: string }
  | { type: "signature"; start: number; lines: string[] }
  | { type: "trailers"; start: number; lines: string[] }; // Signed-off-by:, Fixes:, Link: … block

// `start` is the 0-based line number of the block's first line in the body (LF line ends).
