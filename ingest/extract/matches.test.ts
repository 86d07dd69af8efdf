import assert from "node:assert/strict";
import { test } from "node:test";
import { matches } from "./matches";

test("matches finds what matchAll finds from the start, also empty matches and whatever lastIndex was", () => {
  const text = "next-20210617 and v5.12-rc1, v6.1\n\nnext-20250101";
  for (const re of [/v(\d)\.(\d+)/g, /(?<![\w-])(next-\d{8})\b/g, /\b/g, /^/gm, /x*/g]) {
    const want = [...text.matchAll(re)].map((m) => [m.index, ...m]);
    re.lastIndex = 5; // left by an earlier search that stopped part-way
    assert.deepEqual(matches(re, text).map((m) => [m.index, ...m]), want, String(re));
    assert.equal(re.lastIndex, 0);
  }
  assert.deepEqual(matches(/z/g, text), []);
  assert.throws(() => matches(/v/, text), /not global/);
});
