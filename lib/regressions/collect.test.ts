import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { ingest } from "../../ingest/pipeline";
import { tempDatabase, tempDir } from "../../ingest/testing";
import { sampleFile } from "../testing/corpus";
import { collectRegression, regressionCandidates, resolveCulprit } from "./collect";

// samples/clang-built-linux-2019-08.mbox.gz: Nathan Chancellor's netfilter fix carries "Fixes: bd8699e9e292" and
// "Reported-by:"; the report itself was never sent to the list, and Pablo Neira Ayuso answered "Applied".
const NFT_CULPRIT = "bd8699e9e292";
const NFT_FIX = "20190814165809.46421-1-natechancellor@gmail.com";
const NFT_APPLIED = "20190814213741.ptoel7373xqwzlj5@salvia";

describe("collecting regressions from the clang-built-linux sample", () => {
  const dir = tempDir();
  const { db } = tempDatabase(dir);
  before(async () => {
    await ingest(db, [sampleFile("clang-built-linux-2019-08.mbox.gz")], { workers: 1, warn: () => {} });
  });
  after(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("a fix with Fixes: and Reported-by: makes its Fixes: commit a regression, with no report archived", () => {
    const culprit = resolveCulprit(db, "linux", NFT_CULPRIT);
    assert.ok(culprit);
    const story = collectRegression(db, culprit);
    assert.ok(story);
    assert.equal(story.evidence, "reported-fix");
    const h = story.history;
    assert.equal(h.reportId, null);
    assert.equal(h.entries.some((e) => e.kind === "report"), false);
    assert.deepEqual(h.culprits.map((c) => c.source), ["fixes"]);
    assert.equal(h.title, `Regression from "${culprit.subject}"`);
    assert.deepEqual(
      h.entries.filter((e) => e.kind !== "discussion").map((e) => [e.kind, e.messageId]),
      [
        ["fix-posted", NFT_FIX],
        ["fix-applied", NFT_APPLIED],
      ],
    );
    assert.equal(h.state, "fixed");
  });

  test("candidates: robot bisections and reported fixes, each commit once, earliest first", () => {
    const all = regressionCandidates(db);
    const keys = all.map((c) => `${c.repo} ${c.sha}`);
    assert.equal(new Set(keys).size, keys.length);
    assert.ok(all.some((c) => c.sha.startsWith(NFT_CULPRIT) && c.evidence === "reported-fix"));
    assert.ok(all.filter((c) => c.evidence === "bisected-to").length >= 10);
    const dates = all.map((c) => c.firstDate ?? Infinity);
    assert.deepEqual(dates, [...dates].sort((a, b) => a - b));
    // The regression table agrees: ingest rebuilt it at the end.
    assert.equal(db.prepare("SELECT state FROM regression WHERE sha LIKE ?").pluck().get(`${NFT_CULPRIT}%`), "fixed");
  });
});
