import assert from "node:assert/strict";
import { test } from "node:test";
import { formatBytes, formatDuration, summaryLine } from "./progress";

test("durations and sizes read as a person would write them", () => {
  assert.equal(formatDuration(850), "850 ms");
  assert.equal(formatDuration(12_400), "12.4 s");
  assert.equal(formatDuration(185_000), "3 min 05 s");
  assert.equal(formatDuration(3_720_000), "1 h 02 min");
  assert.equal(formatBytes(318_523_155), "318.5 MB");
  assert.equal(formatBytes(999), "999 B");
});

test("the summary names every count, the elapsed time and the rate", () => {
  assert.equal(
    summaryLine({ read: 31_699, added: 31_677, duplicate: 22, failed: 0 }, 20_000),
    "31,699 read: 31,677 new, 22 duplicate, 0 failed in 20.0 s (1,585 msg/s)",
  );
});
