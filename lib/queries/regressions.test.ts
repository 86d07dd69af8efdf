import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { ingest } from "../../ingest/pipeline";
import { reextract } from "../../ingest/reextract";
import { tempDatabase, tempDir } from "../../ingest/testing";
import { sampleFile } from "../testing/corpus";

// samples/linux-kbuild-regressions.mbox.gz: two whole regression stories from linux-kbuild.
const RUSTDOC_CULPRIT = "6b5747d07138"; // "kbuild: ... --remap-path-prefix", bisected by the kernel test robot
const RUSTDOC_REPORT = "Z9IsEPOnC+MGSAEA@rli9-mobl";
const RUSTDOC_V1 = "20250314213333.2230670-1-ojeda@kernel.org";
const RUSTDOC_V2 = "20250315194045.2353200-1-ojeda@kernel.org";
const RUSTDOC_APPLIED = "CAK7LNAQaXXWCJtrt+wp3jr4GEC4M8QknKouWSOQ-eqpVkak5Pw@mail.gmail.com";
const CLANG_TOOLS_CULPRIT = "9362d34acf91a706c543d919ade3e651b9bd2d6f";
const CLANG_TOOLS_REPORT = "CACT4Y+Z8aCz0XcoJx9XXPHZSZHxGF8Kx9iUbFarhpTSEPDhMfg@mail.gmail.com";
const REVERT = "20251217-revert-scripts-clang-rools-handle-included-c-files-v1-1-def5651446da@kernel.org";

describe("regression queries over the sample regression stories", () => {
  const dir = tempDir();
  const { db, file } = tempDatabase(dir);
  let q: typeof import("./regressions");

  before(async () => {
    await ingest(db, [sampleFile("linux-kbuild-regressions.mbox.gz")], { workers: 1, warn: () => {} });
    process.env.DATABASE_URL = `file:${file}`;
    q = await import("./regressions");
  });
  after(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("ingest stores regzbot commands, and reextract brings them back", async () => {
    const rows = () =>
      db.prepare("SELECT m.message_id AS mid, r.command, r.argument FROM regzbot_command r JOIN message m ON m.id = r.message_row_id ORDER BY r.id").all();
    const stored = rows();
    assert.deepEqual(stored, [
      { mid: CLANG_TOOLS_REPORT, command: "introduced", argument: CLANG_TOOLS_CULPRIT },
      { mid: CLANG_TOOLS_REPORT, command: "title", argument: "scripts/clang-tools: included .c files don't compile" },
    ]);
    db.exec("DELETE FROM regzbot_command; DELETE FROM regression");
    const s = await reextract(db, { workers: 1 });
    assert.deepEqual(rows(), stored);
    assert.equal(s.regressions, db.prepare("SELECT count(*) FROM regression").pluck().get());
  });

  test("the robot's report: bisected, fix v1 and v2, applied, and in the pull request", () => {
    const story = q.regressionStory("linux", RUSTDOC_CULPRIT);
    assert.ok(story);
    const h = story.history;
    assert.equal(story.evidence, "bisected-to");
    assert.equal(h.reportId, RUSTDOC_REPORT);
    assert.equal(h.title, "error: Unrecognized option: 'remap-path-prefix'");
    assert.equal(h.state, "fixed");
    assert.ok(h.toolchains.some((t) => t.name === "clang" && t.version.startsWith("19.")), JSON.stringify(h.toolchains));
    const events = h.entries.filter((e) => e.kind !== "discussion").map((e) => [e.kind, e.messageId, e.version ?? null]);
    assert.deepEqual(events.slice(0, 4), [
      ["report", RUSTDOC_REPORT, null],
      ["fix-posted", RUSTDOC_V1, 1],
      ["fix-posted", RUSTDOC_V2, 2],
      ["fix-applied", RUSTDOC_APPLIED, null],
    ]);
    assert.match(h.entries.at(-2)!.subject, /GIT PULL\] Kbuild updates for v6\.15-rc1/);
    assert.equal(story.lists[RUSTDOC_REPORT], "linux-kbuild");
    // An abbreviation longer or shorter than the stored hash finds the same story; other hashes find none.
    assert.equal(q.regressionStory("linux", "6b5747d0713")?.history.reportId, RUSTDOC_REPORT);
    assert.equal(q.regressionStory("linux", "0000000000"), null);
    assert.equal(q.regressionStory("llvm", RUSTDOC_CULPRIT), null);
  });

  test("the regzbot story: reported in a pull thread, reverted", () => {
    const h = q.regressionStory("linux", "9362d34acf91")!.history;
    assert.equal(h.reportId, CLANG_TOOLS_REPORT);
    assert.equal(h.title, "scripts/clang-tools: included .c files don't compile");
    assert.equal(h.state, "reverted");
    assert.deepEqual(h.culprits.map((c) => [c.sha, c.source]), [[CLANG_TOOLS_CULPRIT, "regzbot"]]);
    const revert = h.entries.filter((e) => e.kind === "revert");
    assert.equal(revert[0].messageId, REVERT);
    assert.equal(revert.at(-1)!.applied, true);
    assert.ok(h.entries.some((e) => e.kind === "regzbot" && e.commands?.some((c) => c.verb === "title")));
  });

  test("the list: both stories, filters by toolchain, arch, state and time, and reports per month", () => {
    const all = q.listRegressions();
    assert.equal(all.total, 2);
    assert.deepEqual(all.rows.map((r) => [r.sha.slice(0, 12), r.state, r.reportList]), [
      ["9362d34acf91", "reverted", "linux-kbuild"],
      [RUSTDOC_CULPRIT, "fixed", "linux-kbuild"],
    ]);
    assert.deepEqual(all.monthly, [
      { month: "2025-03", count: 1 },
      { month: "2025-12", count: 1 },
    ]);
    assert.ok(all.toolchainNames.includes("clang"));
    const clang19 = q.listRegressions({ toolchain: "clang 19" });
    assert.deepEqual(clang19.rows.map((r) => r.sha.slice(0, 12)), [RUSTDOC_CULPRIT]);
    assert.equal(q.listRegressions({ toolchain: "clang 18" }).total, 0);
    assert.deepEqual(q.listRegressions({ state: "reverted" }).rows.map((r) => r.sha), [CLANG_TOOLS_CULPRIT]);
    assert.deepEqual(q.listRegressions({ arch: "x86" }).rows.map((r) => r.sha), [CLANG_TOOLS_CULPRIT]);
    const spring = q.parseRegressionFilter({ since: "2025-03", until: "2025-03" });
    assert.equal(spring.error, null);
    assert.deepEqual(q.listRegressions(spring.filter).rows.map((r) => r.sha.slice(0, 12)), [RUSTDOC_CULPRIT]);
    assert.equal(q.listRegressions({ page: 2 }).rows.length, 0);
    // The kernel test robot reported the rustdoc breakage; a person reported the clang-tools one.
    assert.deepEqual(q.listRegressions({ reporter: "robots" }).rows.map((r) => r.sha.slice(0, 12)), [RUSTDOC_CULPRIT]);
    assert.deepEqual(q.listRegressions({ reporter: "people" }).rows.map((r) => r.sha), [CLANG_TOOLS_CULPRIT]);
  });

  test("filter parsing names the parameter it cannot read", () => {
    assert.match(q.parseRegressionFilter({ state: "closed" }).error ?? "", /^state "closed": expected one of open, fixed/);
    assert.match(q.parseRegressionFilter({ since: "March" }).error ?? "", /^since "March"/);
    assert.match(q.parseRegressionFilter({ page: "0" }).error ?? "", /^page "0"/);
    assert.match(q.parseRegressionFilter({ reporter: "bots" }).error ?? "", /^reporter "bots": expected one of people, robots/);
    assert.deepEqual(q.parseRegressionFilter({ toolchain: "gcc", until: "2024" }).filter, { toolchain: "gcc", until: new Date("2025-01-01T00:00:00Z") });
  });

  test("a thread's regressions", () => {
    const threadOf = (mid: string) => db.prepare("SELECT thread_id FROM message WHERE message_id = ?").pluck().get(mid) as number;
    assert.deepEqual(q.timelineForThread(threadOf(REVERT)).map((s) => s.culprit.sha), [CLANG_TOOLS_CULPRIT]);
    assert.deepEqual(q.timelineForThread(threadOf(RUSTDOC_V2)).map((s) => s.history.reportId), [RUSTDOC_REPORT]);
    assert.deepEqual(q.timelineForThread(-1), []);
  });
});
