import assert from "node:assert/strict";
import { test } from "node:test";
import { sampleFile } from "../../lib/testing/corpus";
import { segmentBody } from "../../lib/mail/segment";
import { parseMessage } from "../parse";
import { readAll } from "../testing";
import { extractContext } from "./context";

test("every own block's text is its lines joined, on every message of the bundled samples", async () => {
  let blocks = 0;
  let quoted = 0;
  for (const name of ["linux-kbuild-2021-01.mbox.gz", "clang-built-linux-2019-08.mbox.gz", "kasan-dev-2022-09.mbox.gz"]) {
    for (const raw of await readAll(sampleFile(name))) {
      const { subject, body } = await parseMessage(raw);
      const all = segmentBody(body);
      if (all.some((b) => b.type === "quote")) quoted++;
      const ctx = extractContext(subject, body, all);
      for (const o of ctx.own) {
        assert.equal(o.text, (o.block as { lines: string[] }).lines.join("\n"));
        blocks++;
      }
      assert.equal(ctx.all, ctx.own.map((o) => o.text).join("\n\n"));
    }
  }
  assert.ok(blocks > 1000 && quoted > 100, `${blocks} blocks, ${quoted} messages with quotes`);
});

test("blocks whose lines are not the body's own still give their joined lines", () => {
  const body = "first line\n\n> quoted\n\nlast paragraph\nwith two lines";
  const blocks = segmentBody(body);
  // lines that differ from the body (as a caller passing its own blocks might have them)
  const changed = blocks.map((b) => (b.type === "paragraph" ? { ...b, lines: b.lines.map((l) => l.toUpperCase()) } : b));
  const texts = extractContext("", body, changed).own.map((o) => o.text);
  assert.deepEqual(texts, ["FIRST LINE", "LAST PARAGRAPH\nWITH TWO LINES"]);
  assert.deepEqual(
    extractContext("", body, blocks).own.map((o) => o.text),
    ["first line", "last paragraph\nwith two lines"],
  );
});
