import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { ingest } from "../../ingest/pipeline";
import { tempDatabase, tempDir } from "../../ingest/testing";
import { sampleFile } from "../testing/corpus";
import { aggregateEntities, emptyEntities, noEntities, type MessageEntities } from "./facts";

// The kbuild test robot's powerpc report: bisected to ed4289e8b488, built with clang 10.0.0 at 45a3fd206fb0,
// one build log, five compiler diagnostics, CONFIG_CPU_BIG_ENDIAN in a warning, Reported-by the robot.
const ROBOT = "201908031145.UTyrr2mj%lkp@intel.com";
// Nick Desaulniers's "x86/purgatory" v5 series: patches 1 and 2 both carry "Fixes: 8fc5b4d4121c" and "Cc: stable".
const PURGATORY_1 = "20190807221539.94583-1-ndesaulniers@google.com";
const PURGATORY_2 = "20190807221539.94583-2-ndesaulniers@google.com";
const PURGATORY_3 = "20190807221539.94583-3-ndesaulniers@google.com";

describe("facts of real clang-built-linux messages", () => {
  const dir = tempDir();
  let facts: typeof import("./facts");
  let rowOf: (messageId: string) => { id: number; threadId: number };

  before(async () => {
    const { db, file } = tempDatabase(dir);
    await ingest(db, [sampleFile("clang-built-linux-2019-08.mbox.gz")], { workers: 1, warn: () => {} });
    const rows = new Map(
      (db.prepare("SELECT message_id AS messageId, id, thread_id AS threadId FROM message").all() as { messageId: string; id: number; threadId: number }[]).map((r) => [r.messageId, r]),
    );
    db.close();
    rowOf = (mid) => rows.get(mid) ?? assert.fail(`no <${mid}> in the sample`);
    process.env.DATABASE_URL = `file:${file}`;
    facts = await import("./facts");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("one message: commits with roles, toolchain, snippet with its line, diagnostics, config, trailer", async () => {
    const e = await facts.entitiesOfMessage(rowOf(ROBOT).id);
    assert.deepEqual(
      e.commits.map((c) => [c.repo, c.sha.slice(0, 12), c.role]),
      [
        ["linux", "ed4289e8b488", "bisected-to"],
        ["linux", "f9346b739bcf", "mention"],
      ],
    );
    assert.deepEqual(e.toolchains, [{ name: "clang", version: "10.0.0", vendor: null, gitHash: "45a3fd206fb06f77a08968c99a8172cbf2ccdd0f" }]);
    assert.equal(e.snippets.length, 1);
    const [s] = e.snippets;
    assert.deepEqual([s.kind, s.arch, s.startLine], ["build-log", "powerpc", 20]);
    assert.ok(typeof s.id === "number");
    assert.match(s.text, /^ {3}In file included from kernel\/bounds\.c:10:/);
    assert.equal(e.diagnostics.length, 5);
    const r2 = e.diagnostics.find((d) => d.symbol === "r2");
    assert.deepEqual(r2 && [r2.tool, r2.kind, r2.signature], ["compiler", "error", "compiler:error:unknown register name 'r2' in asm"]);
    assert.deepEqual(e.configs, [{ name: "CONFIG_CPU_BIG_ENDIAN", value: null }]);
    // The robot's own "CC: kbuild-all@01.org" header line counts as a Cc trailer (eval README, trailers rule).
    assert.deepEqual(e.trailers, [
      { name: "Cc", value: "kbuild-all@01.org" },
      { name: "Reported-by", value: "kbuild test robot <lkp@intel.com>" },
    ]);
    assert.deepEqual(e.links, []);
    assert.equal(noEntities(e), false);
  });

  test("unknown row ids have no entities", async () => {
    assert.ok(noEntities(await facts.entitiesOfMessage(-1)));
    assert.deepEqual(await facts.entitiesOfMessages([]), new Map());
  });

  test("many messages at once give the same as one by one", async () => {
    const ids = [ROBOT, PURGATORY_1, PURGATORY_2].map((m) => rowOf(m).id);
    const together = await facts.entitiesOfMessages(ids);
    for (const id of ids) assert.deepEqual(together.get(id), await facts.entitiesOfMessage(id));
  });

  test("a thread: each fact once, with every message that states it, in date order", async () => {
    const { thread, byMessage } = await facts.entitiesOfThread(rowOf(PURGATORY_1).threadId);
    assert.deepEqual([...byMessage.keys()], [PURGATORY_1, PURGATORY_2, PURGATORY_3]);
    const fixes = thread.commits.filter((c) => c.role === "fixes");
    assert.deepEqual(
      fixes.map((c) => [c.sha, c.messages]),
      [["8fc5b4d4121c", [PURGATORY_1, PURGATORY_2]]],
    );
    const stable = thread.trailers.filter((t) => t.name === "Cc" && t.value === "stable@vger.kernel.org");
    assert.deepEqual(stable.map((t) => t.messages), [[PURGATORY_1, PURGATORY_2]]);
    // No duplicates in any group.
    for (const t of thread.trailers) assert.equal(thread.trailers.filter((u) => u.name === t.name && u.value === t.value).length, 1);
    // Every snippet of every message is there once, tagged with its own message.
    const snippetCount = [...byMessage.values()].reduce((n, e) => n + e.snippets.length, 0);
    assert.equal(thread.snippets.length, snippetCount);
    for (const s of thread.snippets) assert.ok(byMessage.get(s.messages[0])!.snippets.some((x) => x.id === s.id));
  });

  test("messages in a given order: that order, unknown ids left out", async () => {
    const { thread, byMessage } = await facts.entitiesInOrder([PURGATORY_2, "nobody@nowhere", PURGATORY_1]);
    assert.deepEqual([...byMessage.keys()], [PURGATORY_2, PURGATORY_1]);
    assert.deepEqual(thread.commits.find((c) => c.role === "fixes")?.messages, [PURGATORY_2, PURGATORY_1]);
  });
});

describe("aggregateEntities", () => {
  const a: MessageEntities = {
    ...emptyEntities(),
    commits: [{ sha: "abc", repo: "linux", subject: null, role: "mention" }],
    toolchains: [{ name: "clang", version: "18.1.0", vendor: null, gitHash: null }],
    kernelVersions: ["6.8"],
  };
  const b: MessageEntities = {
    ...emptyEntities(),
    commits: [
      { sha: "abc", repo: "linux", subject: "x: fix y", role: "mention" },
      { sha: "def", repo: "llvm", subject: null, role: "introduced-by" },
    ],
    toolchains: [{ name: "clang", version: "18.1.0", vendor: "Debian", gitHash: "0123" }],
    kernelVersions: ["6.8", "6.9"],
  };

  test("merges repeats, keeps the first message first, fills gaps from later ones, puts culprits first", () => {
    const t = aggregateEntities([
      { messageId: "a@x", entities: a },
      { messageId: "b@x", entities: b },
    ]);
    assert.deepEqual(t.commits, [
      { sha: "def", repo: "llvm", subject: null, role: "introduced-by", messages: ["b@x"] },
      { sha: "abc", repo: "linux", subject: "x: fix y", role: "mention", messages: ["a@x", "b@x"] },
    ]);
    assert.deepEqual(t.toolchains, [{ name: "clang", version: "18.1.0", vendor: "Debian", gitHash: "0123", messages: ["a@x", "b@x"] }]);
    assert.deepEqual(t.kernelVersions, [
      { version: "6.8", messages: ["a@x", "b@x"] },
      { version: "6.9", messages: ["b@x"] },
    ]);
    assert.ok(noEntities(aggregateEntities([])));
  });
});
