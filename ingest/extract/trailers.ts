// Trailers (Signed-off-by:, Reviewed-by:, Fixes:, Link:, Cc: …) of a message's own text.
import type { ExtractContext } from "./context";

export interface TrailerRef {
  name: string;
  value: string;
}

// Case matters: "link:" in prose and b4's "change-id:" are not trailers.
const TRAILER = /^((?:[A-Z][a-z]+(?:-[a-z]+){0,4}-by)|Cc|CC|Fixes|Link|Closes|BugLink):[ \t]*(\S.{0,500})$/;

const ADDRESS = /^(?:[^<>,\n]{0,100}<[^>\s]{1,200}@[^>\s]{1,200}>|[\w.+-]{1,100}@[\w-]{1,100}(?:\.[\w-]{1,100}){1,6})(?:\s{0,4}#.{0,200})?$/;

function proseTag(name: string, value: string): boolean {
  if (/^(?:Link|Closes|BugLink)$/.test(name)) return /^https?:\/\//.test(value);
  if (/-by$/.test(name)) return /<[^>\s]+@[^>\s]+>/.test(value);
  return (name === "Cc" || name === "CC") && ADDRESS.test(value.trim());
}

export function extractTrailers(ctx: ExtractContext): TrailerRef[] {
  const out: TrailerRef[] = [];
  const seen = new Set<string>();
  for (const { block } of ctx.own) {
    if (block.type !== "trailers" && block.type !== "paragraph") continue;
    for (const line of block.lines) {
      const m = TRAILER.exec(line);
      if (!m) continue;
      // inside prose only unmistakable tags count: a link, a person with an address, or a Cc: of addresses
      // (the CC: lines that open 2019 0-day robot mails; their TO: line is no trailer)
      if (block.type === "paragraph" && !proseTag(m[1], m[2])) continue;
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
