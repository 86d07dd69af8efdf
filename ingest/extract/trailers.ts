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
    if (block.type !== "trailers" && block.type !== "paragraph") continue;
    for (const line of block.lines) {
      const m = TRAILER.exec(line);
      if (!m) continue;
      // inside prose only unmistakable tags count: a link, or a person with an address
      if (block.type === "paragraph" && !(/^(?:Link|Closes|BugLink)$/.test(m[1]) ? /^https?:\/\//.test(m[2]) : /-by$/.test(m[1]) && /<[^>\s]+@[^>\s]+>/.test(m[2]))) continue;
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
