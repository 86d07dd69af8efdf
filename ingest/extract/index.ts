// Entity extraction from one message: runs every extractor over the message's own (unquoted) text.
import type { Block } from "../../lib/mail/blocks";
import { segmentBody } from "../../lib/mail/segment";
import { parseRegzbotCommands, regzbotRow } from "../../lib/regressions/regzbot";
import { extractCommits } from "./commits";
import { extractContext } from "./context";
import { extractDiagnostics } from "./diagnostics";
import { extractConfigs } from "./kconfig";
import { extractKernelVersions } from "./kernel-versions";
import { extractLinks } from "./links";
import { extractSnippets } from "./snippets";
import { extractToolchains } from "./toolchains";
import { extractTrailers } from "./trailers";
import type { Entities, SnippetRef } from "./types";

/** Bumped whenever an extractor changes what it finds, so stored messages can be re-extracted. */
export const EXTRACT_VERSION = 6;

/** Entities of one message. Pass `blocks` when the body is already segmented (ingest renders from them too). */
export function extractEntities(input: { subject: string; body: string }, blocks: Block[] = segmentBody(input.body)): Entities {
  const ctx = extractContext(input.subject, input.body, blocks);
  const commits = extractCommits(ctx);
  const snippets = extractSnippets(ctx);
  return {
    commits,
    toolchains: extractToolchains(ctx),
    snippets,
    diagnostics: extractDiagnostics(ctx),
    configs: extractConfigs(ctx),
    kernelVersions: extractKernelVersions(ctx),
    links: extractLinks(ctx),
    trailers: extractTrailers(ctx),
    tags: facetTags(snippets, commits.some((c) => c.role === "bisected-to" || c.role === "bisect-good" || c.role === "bisect-bad")),
    regzbot: parseRegzbotCommands(input.body).map(regzbotRow),
  };
}

const KIND_TAG: Record<string, string> = {
  asm: "has:asm",
  "compiler-asm": "has:asm",
  disasm: "has:disasm",
  oops: "has:oops",
  "bisect-log": "has:bisect",
  patch: "has:patch",
  "build-log": "has:build-log",
  "llvm-ir": "has:llvm-ir",
};

/** Search facets: has:<listing kind> and arch:<arch> of the listings, has:bisect for bisection results. */
export function facetTags(snippets: SnippetRef[], bisected: boolean): string[] {
  const tags = new Set<string>();
  for (const s of snippets) {
    const tag = KIND_TAG[s.kind];
    if (tag) tags.add(tag);
    if (s.arch) tags.add(`arch:${s.arch}`);
  }
  if (bisected) tags.add("has:bisect");
  return [...tags].sort();
}
