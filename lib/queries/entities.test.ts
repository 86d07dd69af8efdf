import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ingest } from "../../ingest/pipeline";
import { tempDatabase } from "../../ingest/testing";
import { REPO_ROOT } from "../testing/corpus";

// The bundled samples, ingested with the real pipeline so that the entity tables hold what the extractors found.
const SAMPLES = fs
  .readdirSync(path.join(REPO_ROOT, "samples"))
  .filter((f) => f.endsWith(".mbox.gz"))
  .map((f) => path.join(REPO_ROOT, "samples", f));

// "powerpc: slightly improve cache helpers": the test robot bisected a clang build error to it (full sha), Nick
// Desaulniers's fix names it in Fixes: (12 digits), and his v3 reverts it (full sha). One entity, three roles.
const POWERPC = "6c5875843b87c3adea2beade9d1b8b3d4523900a";
const LKP_REPORT = "201908010929.DMXaoTjD%lkp@intel.com";
const DCBZ_FIX = "20190809182106.62130-1-ndesaulniers@google.com";
const REVERT_V3 = "20190809220348.127314-1-ndesaulniers@google.com";

describe("entity queries over the ingested samples", () => {
  const { db, file } = tempDatabase();
  let q: typeof import("./entities");

  before(async () => {
    await ingest(db, SAMPLES, { workers: 1, warn: () => {} });
    process.env.DATABASE_URL = `file:${file}`;
    q = await import("./entities");
  });
  after(() => {
    db.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  test("a commit by 12-digit, 7-digit and full sha is one entity, its mentions grouped by role in time order", () => {
    for (const sha of [POWERPC, POWERPC.slice(0, 12), POWERPC.slice(0, 7).toUpperCase()]) {
      const found = q.lookupCommit("linux", sha);
      assert.equal(found.status, "found", sha);
      if (found.status !== "found") continue;
      assert.equal(found.commit.sha, POWERPC);
      assert.equal(found.commit.subject, "powerpc: slightly improve cache helpers");
      assert.deepEqual(
        found.commit.byRole.map((g) => [g.role, g.mentions.map((m) => m.messageId)]),
        [
          ["bisected-to", [LKP_REPORT]],
          ["fixes", [DCBZ_FIX]],
          ["reverts", [REVERT_V3]],
        ],
      );
      const dates = found.commit.mentions.map((m) => m.date!.getTime());
      assert.deepEqual(dates, [...dates].sort((a, b) => a - b));
      const fix = found.commit.mentions.find((m) => m.role === "fixes")!;
      assert.equal(fix.shaText, "6c5875843b87");
      assert.equal(fix.list, "clang-built-linux");
      assert.equal(fix.subject, "[PATCH] powerpc: fix inline asm constraints for dcbz");
      assert.match(fix.fromName, /Desaulniers/);
    }
    // A full sha longer than the stored one still finds it; a different 40-digit sha with the same 12 does not.
    assert.equal(q.lookupCommit("linux", POWERPC.slice(0, 12) + "0".repeat(28)).status, "none");
    assert.equal(q.lookupCommit("llvm", POWERPC).status, "none");
    assert.equal(q.lookupCommit(null, POWERPC).status, "found");
    assert.deepEqual(q.commitsMatching("linux", "6c58758"), q.commitsMatching("linux", POWERPC));
    assert.deepEqual(q.commitsMatching("linux", "not-hex"), []);
    assert.deepEqual(q.commitsMatching("linux", "6c5875"), [], "fewer than 7 digits name nothing");
  });

  test("a prefix two commits share lists both as candidates", () => {
    // No two sample commits share 7 digits, so add one that does to this scratch copy.
    db.prepare(`INSERT INTO "commit" (repo, sha, subject) VALUES ('linux', ?, 'a neighbour')`).run(POWERPC.slice(0, 8) + "ffff");
    try {
      const amb = q.lookupCommit("linux", POWERPC.slice(0, 8));
      assert.equal(amb.status, "ambiguous");
      if (amb.status === "ambiguous") {
        assert.deepEqual(amb.candidates.map((c) => [c.sha, c.mentionCount]), [
          [POWERPC, 3],
          [POWERPC.slice(0, 8) + "ffff", 0],
        ]);
      }
      assert.equal(q.lookupCommit("linux", POWERPC.slice(0, 9)).status, "found");
    } finally {
      db.prepare(`DELETE FROM "commit" WHERE subject = 'a neighbour'`).run();
    }
  });

  test("toolchains: names with version counts, versions newest first, threads reporting one version", () => {
    const names = q.toolchainNames();
    const clang = names.find((n) => n.name === "clang");
    assert.ok(clang);
    const versions = q.toolchainVersions("clang");
    assert.equal(clang.versionCount, versions.length);
    assert.equal(clang.mentionCount, versions.reduce((n, v) => n + v.mentionCount, 0));
    const order = versions.map((v) => v.version);
    assert.ok(order.indexOf("16") < order.indexOf("12") && order.indexOf("12") < order.indexOf("9.0.0"), order.join(" "));
    assert.ok(order.indexOf("10.0.0") < order.indexOf("9"), "10.0.0 is newer than 9");
    assert.deepEqual(q.toolchainVersions("no-such-tool"), []);

    const nine = q.toolchainVersion("clang", "9.0.0");
    assert.ok(nine);
    assert.deepEqual(nine.vendors, ["ClangBuiltLinux"]);
    assert.deepEqual(nine.gitHashes, ["544315b4197034a3be8acd12cba56a75fb1f08dc", "e82a53603ae3fed2215a44b5ac603db00a780c02"]);
    assert.equal(nine.mentions.length, versions.find((v) => v.version === "9.0.0")!.mentionCount);
    const mentionDates = nine.mentions.map((m) => m.date!.getTime());
    assert.deepEqual(mentionDates, [...mentionDates].sort((a, b) => b - a), "mentions newest first");
    const threadDates = nine.threads.map((t) => t.lastDate!.getTime());
    assert.deepEqual(threadDates, [...threadDates].sort((a, b) => b - a), "threads by newest mention");
    assert.equal(nine.threads.length, versions.find((v) => v.version === "9.0.0")!.threadCount);
    const vendored = nine.mentions.find((m) => m.gitHash === "544315b4197034a3be8acd12cba56a75fb1f08dc")!;
    assert.equal(vendored.messageId, "20190812033120.43013-2-natechancellor@gmail.com");
    assert.match(vendored.text, /^ClangBuiltLinux clang version 9\.0\.0/);
    assert.equal(q.toolchainVersion("clang", "9.0.0.0"), null);
  });

  test("a Kconfig option: threads newest first with the values each gave", () => {
    const big = q.configOption("CONFIG_CPU_BIG_ENDIAN");
    assert.ok(big);
    assert.deepEqual(new Set(big.values.map((v) => v.value)), new Set(["y", "n"]));
    assert.ok(big.threads.some((t) => t.values.length > 0));
    const dates = big.threads.map((t) => t.lastDate!.getTime());
    assert.deepEqual(dates, [...dates].sort((a, b) => b - a));
    const members = big.threads.flatMap((t) => t.mentions.map((m) => m.messageId));
    assert.equal(new Set(members).size, big.mentions.length, "every mention in exactly one thread group");
    assert.equal(q.configOption("CONFIG_NO_SUCH_OPTION"), null);
  });

  test("diagnostics: index by threads, filter by tool, one signature with its mentions", () => {
    const all = q.diagnosticIndex({ pageSize: 10 });
    assert.ok(all.total >= all.items.length && all.items.length === 10);
    const counts = all.items.map((d) => d.threadCount);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    const tools = q.diagnosticTools();
    const objtool = tools.find((t) => t.tool === "objtool");
    assert.ok(objtool);
    const onlyObjtool = q.diagnosticIndex({ tool: "objtool", pageSize: 500 });
    assert.equal(onlyObjtool.total, objtool.count);
    assert.ok(onlyObjtool.items.every((d) => d.tool === "objtool"));

    const sig = "objtool:fault_in_readable:call to __tsan_volatile_write1() with UACCESS enabled";
    const d = q.diagnostic(sig);
    assert.ok(d);
    assert.equal(d.symbol, "fault_in_readable");
    assert.equal(d.mentions.length, d.mentionCount);
    assert.ok(d.threadCount >= 1 && d.threadCount <= d.mentionCount);
    assert.equal(d.firstDate!.getTime(), Math.min(...d.mentions.map((m) => m.date!.getTime())));
    assert.ok(d.mentions.every((m) => m.text.includes("fault_in_readable")));
    assert.equal(q.diagnostic("objtool:nothing:like this"), null);
  });

  test("snippets: counts per kind and arch, filtered pages newest first", () => {
    const facets = q.snippetFacets();
    const oopsTotal = facets.filter((f) => f.kind === "oops").reduce((n, f) => n + f.count, 0);
    assert.ok(oopsTotal > 2);
    const oops = q.snippets({ kind: "oops", pageSize: 2 });
    assert.equal(oops.total, oopsTotal);
    assert.equal(oops.items.length, 2);
    assert.ok(oops.items.every((s) => s.kind === "oops" && s.text.length > 0));
    const second = q.snippets({ kind: "oops", pageSize: 2, page: 2 });
    assert.notDeepEqual(second.items.map((s) => s.id), oops.items.map((s) => s.id));
    assert.ok(oops.items[1].date!.getTime() >= second.items[0].date!.getTime(), "pages continue newest first");
    const x86 = facets.find((f) => f.kind === "build-log" && f.arch === "x86")!;
    const page = q.snippets({ kind: "build-log", arch: "x86", pageSize: 100 });
    assert.equal(page.total, x86.count);
    assert.ok(page.items.every((s) => s.arch === "x86"));
    const patch = q.snippets({ kind: "patch", pageSize: 1 }).items[0];
    assert.ok(patch.files.length > 0, "a patch snippet lists the files it touches");
    assert.equal(q.snippets({ kind: "nope" }).total, 0);
  });
});
