// Entity extraction from one message: runs every extractor over the message's own (unquoted) text.
import type { Block } from "../../lib/mail/blocks";
import { segmentBody } from "../../lib/mail/segment";
import { parseRegzbotCommands, regzbotRow } from "../../lib/regressions/regzbot";
import { extractCommits } from "./commits";
import { extractContext, type ExtractContext } from "./context";
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

// Each extractor, in the order they run. `tags` are not found but derived (facetTags).
type Found = Omit<Entities, "tags">;
const STEPS: { [K in keyof Found]: (ctx: ExtractContext) => Found[K] } = {
  commits: extractCommits,
  toolchains: extractToolchains,
  snippets: extractSnippets,
  diagnostics: extractDiagnostics,
  configs: extractConfigs,
  kernelVersions: extractKernelVersions,
  links: extractLinks,
  trailers: extractTrailers,
  regzbot: (ctx) => parseRegzbotCommands(ctx.body).map(regzbotRow),
};
const KEYS = Object.keys(STEPS) as (keyof Found)[];

function withTags(f: Found): Entities {
  const bisected = f.commits.some((c) => c.role === "bisected-to" || c.role === "bisect-good" || c.role === "bisect-bad");
  return {
    commits: f.commits,
    toolchains: f.toolchains,
    snippets: f.snippets,
    diagnostics: f.diagnostics,
    configs: f.configs,
    kernelVersions: f.kernelVersions,
    links: f.links,
    trailers: f.trailers,
    tags: facetTags(f.snippets, bisected),
    regzbot: f.regzbot,
  };
}

/** Entities of one message. Pass `blocks` when the body is already segmented (ingest renders from them too). */
export function extractEntities(input: { subject: string; body: string }, blocks: Block[] = segmentBody(input.body)): Entities {
  const ctx = extractContext(input.subject, input.body, blocks);
  const found = {} as Record<keyof Found, unknown>;
  for (const key of KEYS) found[key] = STEPS[key](ctx);
  return withTags(found as Found);
}

export type BatchOutcome = { entities: Entities; error: null } | { entities: null; error: string };

/**
 * Entities of many messages, each as extractEntities finds them, but extractor by extractor: each runs over the
 * whole batch before the next starts. A message at a time, the ~200 patterns and the code around them were
 * cold again for every message (parsing the next one in between evicts them): in the ingest workers that made
 * extraction twice as slow as when it runs warm. An extractor that throws on one message fails that message
 * only.
 */
export function extractBatch(inputs: { subject: string; body: string; blocks: Block[] }[]): BatchOutcome[] {
  const errors: (string | null)[] = inputs.map(() => null);
  const fail = (i: number, step: string, err: unknown) => (errors[i] = `${step}: ${err instanceof Error ? err.message : String(err)}`);
  const ctxs = inputs.map((m, i) => {
    try {
      return extractContext(m.subject, m.body, m.blocks);
    } catch (err) {
      fail(i, "context", err);
      return null;
    }
  });
  const found = inputs.map(() => ({}) as Record<keyof Found, unknown>);
  for (const key of KEYS) {
    const step = STEPS[key];
    for (let i = 0; i < ctxs.length; i++) {
      if (errors[i] !== null) continue;
      try {
        found[i][key] = step(ctxs[i]!);
      } catch (err) {
        fail(i, key, err);
      }
    }
  }
  return found.map((f, i) => (errors[i] === null ? { entities: withTags(f as Found), error: null } : { entities: null, error: errors[i]! }));
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
