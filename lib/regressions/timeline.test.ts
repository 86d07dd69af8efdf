import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { ParsedMessage } from "../../ingest/types";
import { corpusAvailable, needsCorpus } from "../testing/corpus";
import { corpusMessages } from "./test-mail";
import { appliedNotice, buildTimeline, sameCommit, type MessageFacts } from "./timeline";

// Stands in for the database: trailers and Fixes: commits read from each message's own lines.
function facts(m: ParsedMessage): MessageFacts {
  const own = m.body.split("\n").filter((l) => !l.startsWith(">"));
  const trailers = own.flatMap((l) => {
    const t = /^(Fixes|Link|Closes|Reported-by):\s*(.+)$/i.exec(l);
    return t ? [{ name: t[1], value: t[2].trim() }] : [];
  });
  const commits = trailers.flatMap((t) => {
    const sha = /^([0-9a-f]{7,40})\b/i.exec(t.value);
    return t.name.toLowerCase() === "fixes" && sha ? [{ sha: sha[1].toLowerCase(), role: "fixes" as const, subject: null }] : [];
  });
  return { ...m, commits, toolchains: [], configs: [], arches: [], trailers };
}

const THREADS = [
  "6.4.4 breaks module-free",
  "modules_install copy modules.builtin",
  "CFLAGS=-w no longer works",
  "Regression. -6.3.X Good. -6.4-rcY Bad.",
  "Prevent binary files appearing in cscope",
];

describe("buildTimeline on regressions tracked in linux-kbuild", needsCorpus(), () => {
  let messages: ParsedMessage[] = [];
  before(async () => {
    if (corpusAvailable()) messages = await corpusMessages("linux-kbuild/linux-kbuild-2019-04_2026-07.mbox.xz", (raw) => THREADS.some((t) => raw.includes(t)));
  });
  const about = (needle: string) => messages.filter((m) => m.subject.includes(needle) || m.body.includes(needle)).map(facts);

  test("6.4.4 breaks module-free builds: regzbot report, two culprits, fix named by subject, merged in a pull", () => {
    const h = buildTimeline([...about("6.4.4 breaks module-free"), ...about("modules_install copy modules.builtin")]);
    // Bagas Sanjaya forwarded the bugzilla report with "#regzbot introduced: 4243afdb932677 https://bugzilla…".
    assert.equal(h.reportId, "e7292802-e517-6469-6fbd-a4d30887c99b@gmail.com");
    assert.equal(h.title, "always doing modules_install breaks CONFIG_MODULES=n builds");
    assert.deepEqual(h.culprits.map((c) => [c.sha, c.source]), [["4243afdb932677", "regzbot"], ["6061ac50f1e04", "regzbot"]]);
    // Thorsten's "#regzbot fix: kbuild: make modules_install copy modules.builtin(.modinfo)" names Masahiro's patch
    // of 2023-06-15, which the Kbuild pull for v6.5-rc1 (2023-07-01) lists.
    const kinds = h.entries.map((e) => [e.kind, e.messageId]);
    assert.deepEqual(kinds.slice(0, 3), [
      ["fix-posted", "20230615111743.883891-1-masahiroy@kernel.org"],
      ["fix-applied", "CAK7LNAQEm1K9VLuo7XqxYKnyvqfbyWKLuEVmxfex7emow7idXg@mail.gmail.com"],
      ["report", "e7292802-e517-6469-6fbd-a4d30887c99b@gmail.com"],
    ]);
    assert.ok(kinds.some(([k, id]) => k === "regzbot" && id === "421602e6-0fe0-34c4-12bb-d805f2a282f4@leemhuis.info"));
    assert.equal(h.state, "fixed");
    assert.equal(h.fixPending, false);
    for (let i = 1; i < h.entries.length; i++) assert.ok((h.entries[i - 1].date?.getTime() ?? 0) <= (h.entries[i].date?.getTime() ?? Infinity));
  });

  test("CFLAGS=-w no longer works: declared invalid, so resolved", () => {
    const h = buildTimeline(about("CFLAGS=-w no longer works"));
    assert.equal(h.reportId, "20251009075149.1083040-1-safinaskar@gmail.com");
    assert.deepEqual(h.culprits.map((c) => c.sha), ["d1d0963121769d8d16150b913fe886e48efefa51"]);
    assert.equal(h.state, "resolved");
    // Replies went on for weeks after the report (the thread runs from October to December 2025).
    assert.ok(h.lastActivity && h.firstDate && h.lastActivity > h.firstDate);
  });

  test("6.3 good, 6.4-rc bad: fixed by a commit named to regzbot", () => {
    const h = buildTimeline(about("Regression. -6.3.X Good. -6.4-rcY Bad."));
    assert.equal(h.reportId, "8a79151b-ef75-08ad-ae3d-f6cdabfeaa47@gmail.com");
    assert.equal(h.title, 'nm vmlinux ENOENT when "make mrproper" on arm64');
    assert.equal(h.state, "fixed");
    const fixCmd = h.entries.find((e) => e.kind === "regzbot" && e.commands?.some((c) => c.verb === "fix"));
    assert.equal(fixCmd?.messageId, "ZGsPiEq/yE1taACL@debian.me");
  });

  test("a culprit known only from a fix's Fixes:, no report archived: every version of the fix is a fix posting", () => {
    // v1 (July 5, 2026) says nothing of the culprit; v2 (July 14) adds "Fixes: 4f491bb6ea2a".
    const h = buildTimeline(about("Prevent binary files appearing in cscope"), null, { sha: "4f491bb6ea2a", subject: null });
    assert.equal(h.reportId, null);
    assert.ok(!h.entries.some((e) => e.kind === "report"));
    assert.deepEqual(h.culprits.map((c) => [c.sha, c.source]), [["4f491bb6ea2a", "fixes"]]);
    const fixes = h.entries.filter((e) => e.kind === "fix-posted").map((e) => [e.messageId, e.version]);
    assert.deepEqual(fixes, [
      ["20260705175936.4653-1-litvindev@gmail.com", 1],
      ["20260714083331.69482-1-litvindev@gmail.com", 2],
    ]);
    assert.equal(h.state, "open");
    assert.equal(h.fixPending, true);
  });
});

describe("buildTimeline rules", () => {
  const msg = (id: string, day: number, subject: string, extra: Partial<MessageFacts> = {}): MessageFacts => ({
    messageId: id,
    inReplyTo: null,
    subject,
    from: { name: id.split("@")[0], address: id },
    date: new Date(Date.UTC(2024, 0, day)),
    commits: [],
    toolchains: [],
    configs: [],
    arches: [],
    trailers: [],
    ...extra,
  });
  const culprit = "0123456789abcdef0123456789abcdef01234567";

  test("bisect, fix v1 and v2, applied, stable backport; then the revert wins", () => {
    const ms = [
      msg("report@x", 1, "clang-18 miscompiles foo on arm64", { toolchains: [{ name: "clang", version: "18.1.0" }], arches: ["arm64"], configs: ["CONFIG_LTO_CLANG"] }),
      msg("bisect@x", 2, "Re: clang-18 miscompiles foo on arm64", { inReplyTo: "report@x", commits: [{ sha: culprit.slice(0, 12), role: "bisected-to", subject: "foo: use bar" }] }),
      msg("v1@x", 3, "[PATCH] foo: fix bar", { commits: [{ sha: culprit.slice(0, 12), role: "fixes", subject: null }] }),
      msg("v2@x", 5, "[PATCH v2] foo: fix bar", { trailers: [{ name: "Closes", value: "https://lore.kernel.org/all/report@x/" }] }),
      msg("applied@x", 6, "Re: [PATCH v2] foo: fix bar", { inReplyTo: "v2@x", body: "On Fri, A wrote:\n> patch\n\nApplied to kbuild-fixes, thanks!\n" }),
      msg("stable@x", 8, "[PATCH 6.6 12/40] foo: fix bar", { commits: [{ sha: culprit, role: "fixes", subject: null }, { sha: "fedcba9876543", role: "upstream", subject: null }] }),
    ];
    const h = buildTimeline(ms);
    assert.deepEqual(h.entries.map((e) => e.kind), ["report", "bisect", "fix-posted", "fix-posted", "fix-applied", "backport"]);
    assert.deepEqual(h.entries.filter((e) => e.kind === "fix-posted").map((e) => e.version), [1, 2]);
    assert.deepEqual(h.culprits, [{ sha: culprit.slice(0, 12), source: "bisected-to", messageId: "bisect@x", subject: "foo: use bar" }]);
    assert.deepEqual(h.toolchains, [{ name: "clang", version: "18.1.0" }]);
    assert.deepEqual(h.fixes.map((f) => [f.messageId, f.applied]), [["v1@x", false], ["v2@x", true]]);
    assert.equal(h.state, "fixed");

    const revert = msg("revert@x", 9, '[PATCH] Revert "foo: use bar"', { commits: [{ sha: culprit, role: "reverts", subject: "foo: use bar" }], body: "The following commit has been merged into the x86/urgent branch of tip:\n" });
    const h2 = buildTimeline([...ms, revert]);
    assert.equal(h2.state, "reverted");
    // A later backport of the fix does not turn a reverted regression back into a fixed one.
    const late = msg("stable2@x", 10, "[PATCH AUTOSEL 6.1 3/9] foo: fix bar", { commits: [{ sha: culprit, role: "fixes", subject: null }] });
    assert.equal(buildTimeline([...ms, revert, late]).state, "reverted");
  });

  test("a posted fix leaves it open with a fix pending; regzbot dup-of and inconclusive; quiet mails", () => {
    const base = [msg("r@x", 1, "gcc 14: objtool warning"), msg("p@x", 2, "[PATCH] x: fix", { trailers: [{ name: "Link", value: "https://lore.kernel.org/r/r@x" }] })];
    const h = buildTimeline(base);
    assert.deepEqual([h.state, h.fixPending], ["open", true]);
    const poke = msg("poke@x", 3, "Re: gcc 14: objtool warning", { inReplyTo: "r@x", body: "#regzbot poke\n" });
    assert.equal(buildTimeline([...base, poke]).lastActivity?.toISOString(), base[1].date?.toISOString());
    const dup = msg("d@x", 4, "Re: gcc 14: objtool warning", { inReplyTo: "r@x", body: "#regzbot dup-of: https://lore.kernel.org/all/other@x/\n" });
    assert.deepEqual([buildTimeline([...base, dup]).state, buildTimeline([...base, dup]).fixPending], ["duplicate", false]);
    const inc = msg("i@x", 5, "Re: gcc 14: objtool warning", { inReplyTo: "r@x", body: "#regzbot inconclusive: nobody can reproduce\n" });
    assert.equal(buildTimeline([...base, dup, inc]).state, "inconclusive");
    assert.equal(buildTimeline([]).state, "open");
    assert.equal(buildTimeline([]).reportId, null);
  });

  test("helpers", () => {
    assert.equal(sameCommit("3610dc36f4fd76", "3610dc36f4fd76aa0011"), true);
    assert.equal(sameCommit("3610dc", "3610dc36f4fd76"), false);
    assert.equal(appliedNotice("> Applied, thanks\nI disagree.\n"), false);
    assert.equal(appliedNotice("Applied to linux-kbuild/fixes.\n\nThanks.\n"), true);
  });
});
