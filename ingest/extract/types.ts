// What extraction finds in one message's own new text (quoted text belongs to the message it quotes).

export type CommitRole =
  | "introduced-by"
  | "bisected-to"
  | "fixes"
  | "reverts"
  | "base"
  | "upstream"
  | "bisect-good"
  | "bisect-bad"
  | "mention";

export interface CommitRef {
  sha: string; // lowercase hex as written (7..40 chars)
  repo: string; // "linux" by default; "llvm", "gcc", "binutils", … from context
  subject: string | null;
  role: CommitRole;
}

export interface ToolchainRef {
  name: string; // clang | gcc | ld.lld | ld.bfd | binutils | rustc | pahole | llvm
  version: string; // "22.0.0git", "12.2.0", "13" (for gcc-13 shorthand)
  vendor: string | null; // Debian, Ubuntu, Android, ClangBuiltLinux, …
  gitHash: string | null;
  text: string; // the line it came from
}

export interface SnippetRef {
  kind: string; // asm | disasm | compiler-asm | llvm-ir | bisect-log | build-log | patch | oops
  arch: string | null;
  /**
   * The listing as written. Null once a worker has dropped a patch's text for the trip to the main thread:
   * a patch is lines startLine .. startLine + lineCount of the body, which is stored anyway (see bodyBacked).
   */
  text: string | null;
  startLine: number; // 0-based line of the body the listing starts on
  lineCount: number;
  files?: string[]; // for patches
}

/** Snippets whose text is not stored but read from the body they sit in: patches, megabytes of the body each. */
export function bodyBacked(s: Pick<SnippetRef, "kind">): boolean {
  return s.kind === "patch";
}

export interface DiagnosticRef {
  tool: string;
  kind: string;
  symbol: string | null;
  signature: string; // normalized, stable across threads
  title: string;
  text: string; // the original line(s)
  frames?: string[]; // kernel reports: call-trace symbols, offsets stripped, innermost first
}

export interface LinkRef {
  url: string;
  normUrl: string;
  kind: string; // "bug" (tracker entry) | "list" (archived message)
  messageId?: string; // for list-archive links that name one
}

export interface Entities {
  commits: CommitRef[];
  toolchains: ToolchainRef[];
  snippets: SnippetRef[];
  diagnostics: DiagnosticRef[];
  configs: { name: string; value: string | null }[];
  kernelVersions: string[];
  links: LinkRef[];
  trailers: { name: string; value: string }[];
  tags: string[]; // search facets: "has:asm", "has:oops", "has:bisect", "has:patch", "arch:arm64"
  regzbot: { command: string; argument: string }[]; // regzbot commands as regzbot_command rows (lib/regressions/regzbot.ts)
}
