import assert from "node:assert/strict";
import { test } from "node:test";
import { sampleFile } from "../testing/corpus";
import { parseMessage } from "../../ingest/parse";
import { readAll } from "../../ingest/testing";
import { extractSnippets } from "../../ingest/extract/snippets";
import { extractContext } from "../../ingest/extract/context";
import { bodyLines, snippetText } from "./body-lines";

test("bodyLines cuts whole lines, at the start, the middle and an end without a newline", () => {
  const body = "a\nbb\n\nccc\nd";
  assert.equal(bodyLines(body, 0, 1), "a");
  assert.equal(bodyLines(body, 1, 3), "bb\n\nccc");
  assert.equal(bodyLines(body, 3, 2), "ccc\nd");
  assert.equal(bodyLines(body, 4, 5), "d");
  assert.equal(bodyLines(body, 9, 1), "");
  assert.equal(snippetText({ text: "own", startLine: 0, lineCount: 1 }, body), "own");
});

test("every listing of the kbuild sample is the body lines its startLine and lineCount name", async () => {
  let patches = 0;
  for (const raw of await readAll(sampleFile("linux-kbuild-2021-01.mbox.gz"))) {
    const { subject, body } = await parseMessage(raw);
    for (const s of extractSnippets(extractContext(subject, body))) {
      assert.equal(snippetText({ ...s, text: null }, body), s.text);
      if (s.kind === "patch") patches++;
    }
  }
  assert.ok(patches > 100, `${patches} patches`);
});
