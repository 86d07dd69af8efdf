// Trailers (Signed-off-by:, Reviewed-by:, Fixes:, Link:, Cc: …) of a message's own text.
import type { ExtractContext } from "./context";

export interface TrailerRef {
  name: string;
  value: string;
}

// Case matters: "link:" in prose and b4's "change-id:" are not trailers.
const TRAILER = /^((?:[A-Z][a-z]+(?:-[a-z]+){0,4}-by)|Cc|CC|Fixes|Link|Closes|BugLink):[ \t]*(\S.{0,500})$/;

export function extractTrailers(ctx: ExtractContext): TrailerRef[] {
  const out: TrailerRef[] = [];
  const seen = new Set<string>();
  for (const { block } of ctx.own) {
    if (block.type !== "trailers") continue;
    for (const line of block.lines) {
      const m = TRAILER.exec(line);
      if (!m) continue;
      const name = m[1] === "CC" ? "Cc" : m[1];
      const value = m[2].trim();
      const key = `${name}\n${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ name, value });
    }
  }
  return out;
}
