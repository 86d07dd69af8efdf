// The patch facts lore indexes (dfn:, dfa:, dfb:, dfhh:) from the diffs in a message's own text.
import type { DiffIndex } from "../../ingest/types";
import type { Block } from "./blocks";
import { segmentBody } from "./segment";

const HUNK = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@ ?(.*)$/;

/** dfn/dfa/dfb/dfhh of the top-level (unquoted) diffs of `body`; pass `blocks` when already segmented. */
export function diffIndex(body: string, blocks: Block[] = segmentBody(body)): DiffIndex {
  const index: DiffIndex = { dfn: [], dfa: [], dfb: [], dfhh: [] };
  const files = new Set<string>();
  for (const b of blocks) {
    if (b.type !== "diff") continue;
    for (const f of b.files) files.add(f);
    // Hunk lengths decide where a hunk ends, so "--- a/next-file" is never taken for a removed line.
    let oldLeft = 0;
    let newLeft = 0;
    for (const line of b.lines) {
      const c = line.charCodeAt(0);
      if (oldLeft > 0 || newLeft > 0) {
        if (c === 0x2b /* + */) {
          index.dfa.push(line.slice(1));
          newLeft--;
        } else if (c === 0x2d /* - */) {
          index.dfb.push(line.slice(1));
          oldLeft--;
        } else if (c !== 0x5c /* \ */) {
          oldLeft--;
          newLeft--;
        }
        continue;
      }
      const m = HUNK.exec(line);
      if (m) {
        oldLeft = m[1] === undefined ? 1 : Number(m[1]);
        newLeft = m[2] === undefined ? 1 : Number(m[2]);
        const context = m[3].trim();
        if (context) index.dfhh.push(context);
      }
    }
  }
  index.dfn = [...files];
  return index;
}
