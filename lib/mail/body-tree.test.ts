import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { simpleParser } from "mailparser";
import { toHtml } from "hast-util-to-html";
import { corpusFile, needsCorpus } from "../testing/corpus";
import { splitMbox } from "../../ingest/read/mbox";
import type { Block } from "./blocks";
import { blocksToHast, classifyDiffLines, QUOTE_FOLD_LINES } from "./body-tree";

async function corpusBody(rel: string, messageId: string): Promise<string> {
  async function* once() {
    yield fs.readFileSync(corpusFile(rel));
  }
  for await (const m of splitMbox(once(), rel)) {
    const parsed = await simpleParser(m.raw);
    if (parsed.messageId === `<${messageId}>`) return (parsed.text ?? "").replace(/\r\n/g, "\n");
  }
  throw new Error(`${rel}: no message ${messageId}`);
}

const KBUILD = "linux-kbuild/linux-kbuild-2021-01.mbox";
// Nathan Chancellor's review of "[PATCH v3 2/2] Kbuild: implement support for DWARF v5": one reply line
// between a quoted commit message and a quoted patch.
const DWARF5_REVIEW = "20210104221229.GB1405526@ubuntu-m3-large-x86";

function quoteOf(lines: string[], start: number, depth = 1): Block {
  return { type: "quote", start, depth, blocks: [{ type: "paragraph", start, lines: lines.map((l) => l.replace(/^> ?/, "")) }] };
}

test("diff lines are classed file/hunk/add/del/ctx, '--- a/x' only before '+++ '", () => {
  const kinds = classifyDiffLines([
    "diff --git a/Makefile b/Makefile",
    "index 2430e1ee7c44..45231f6c1935 100644",
    "--- a/Makefile",
    "+++ b/Makefile",
    "@@ -828,6 +828,7 @@ endif",
    " ",
    "+dwarf-version-$(CONFIG_DEBUG_INFO_DWARF5) := 5",
    "-		.debug_addr	0 : { *(.debug_addr) }",
    "--- a line of a removed file that starts with dashes",
    "\\ No newline at end of file",
  ]);
  assert.deepEqual(kinds, ["file", "file", "file", "file", "hunk", "ctx", "add", "del", "del", "meta"]);
});

test("a real review: quoted patch as a diff, reply as text, script tags escaped", needsCorpus(), async () => {
  const body = await corpusBody(KBUILD, DWARF5_REVIEW);
  const lines = body.split("\n");
  const reply = lines.indexOf("Reviewed-by: Nathan Chancellor <natechancellor@gmail.com>");
  const diffStart = lines.indexOf("> diff --git a/Makefile b/Makefile");
  const diffEnd = lines.indexOf("> -- ");
  assert.ok(reply > 0 && diffStart > reply && diffEnd > diffStart, "the review has the expected shape");
  const quotedDiff = lines.slice(diffStart, diffEnd).map((l) => l.replace(/^> ?/, ""));
  const blocks: Block[] = [
    { type: "paragraph", start: 0, lines: [lines[0]] },
    quoteOf(lines.slice(1, reply - 1), 1),
    { type: "trailers", start: reply, lines: [lines[reply]] },
    {
      type: "quote",
      start: diffStart,
      depth: 1,
      blocks: [
        { type: "diff", start: diffStart, lines: quotedDiff, files: ["Makefile"] },
        { type: "quote", start: diffEnd, depth: 2, blocks: [{ type: "paragraph", start: diffEnd, lines: ["<script>alert('x')</script>"] }] },
      ],
    },
  ];
  const html = toHtml(blocksToHast(blocks));
  assert.match(html, /<p class="para">On Thu, Dec 03, 2020 at 05:11:27PM -0800, Nick Desaulniers wrote:<\/p>/);
  assert.match(html, /<span class="dl dl-add">\+dwarf-version-\$\(CONFIG_DEBUG_INFO_DWARF5\) := 5<\/span>/);
  assert.match(html, /<span class="dl dl-del">-\t\t.debug_addr\t0 : \{ \*\(.debug_addr\) \}<\/span>/);
  assert.match(html, /<span class="dl dl-hunk">@@ -828,6 \+828,7 @@ endif<\/span>/);
  assert.match(html, /<span class="dl dl-file">\+\+\+ b\/scripts\/test_dwarf5_support.sh<\/span>/);
  // The shell script's URL inside the quoted patch is a link.
  assert.match(html, /<a href="https:\/\/sourceware.org\/bugzilla\/show_bug.cgi\?id=25612" rel="nofollow noopener" class="url">/);
  assert.match(html, /&#x3C;script>alert\('x'\)&#x3C;\/script>/);
  assert.doesNotMatch(html, /<script/);
  // The quoted patch is long and starts folded; the nested quote is depth 2 and open.
  const quotes = [...html.matchAll(/<details class="quote" data-depth="(\d)"( open)?>/g)].map((m) => [m[1], Boolean(m[2])]);
  const diffLines = quotedDiff.length;
  assert.ok(diffLines > QUOTE_FOLD_LINES);
  assert.deepEqual(quotes, [["1", false], ["1", false], ["2", true]]);
  assert.match(html, new RegExp(`<span class="quote-size">${diffLines + 1} quoted lines</span>`));
});

test("signature and attribution render as their own elements", () => {
  const html = toHtml(
    blocksToHast([
      { type: "quote", start: 0, depth: 1, attribution: "On Fri, Jan 8, 2021 Nathan wrote:", blocks: [{ type: "paragraph", start: 1, lines: ["ok"] }] },
      { type: "signature", start: 3, lines: ["-- ", "2.29.2.576.ga3fc446d84-goog"] },
    ]),
  );
  assert.match(html, /<summary><span class="attribution">On Fri, Jan 8, 2021 Nathan wrote:<\/span><span class="quote-size">1 quoted line<\/span><\/summary>/);
  assert.match(html, /<div class="sig">-- \n2.29.2.576.ga3fc446d84-goog<\/div>/);
});
