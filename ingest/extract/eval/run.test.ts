// Tests of the eval's scoring rules on the shipped hand labels (messages/*.json, heldout/*.json); no extractor needed.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { parseMessage } from "../../parse";
import type { CommitRole, Entities } from "../types";
import { HELDOUT_DIR, evaluate, formatTable, loadLabelledMessages, type LabelledMessage } from "./run";
import {
  EXTRACTORS,
  collapseCommits,
  collapseToolchains,
  normKernelVersion,
  normUrl,
  rates,
  sameSha,
  scoreMessage,
  type Label,
} from "./score";

const messages = loadLabelledMessages();
const bySlug = (slug: string): LabelledMessage => {
  const m = messages.find((x) => x.name.endsWith(`-${slug}`));
  assert.ok(m, `no labelled message *-${slug}`);
  return m;
};

function none(): Entities {
  return { commits: [], toolchains: [], snippets: [], diagnostics: [], configs: [], kernelVersions: [], links: [], trailers: [], tags: [], regzbot: [] };
}

/** What a perfect extractor would return for a label, written the way an extractor writes it. */
function asEntities(label: Label): Entities {
  return {
    commits: label.commits.map((c) => ({ ...c, role: c.role as CommitRole, subject: null })),
    toolchains: label.toolchains.map((t) => ({ ...t, vendor: null, gitHash: null, text: `${t.name} ${t.version}` })),
    snippets: label.snippets.map((s) => ({ kind: Array.isArray(s.kind) ? s.kind[0] : s.kind, arch: s.arch, text: "", startLine: 0, lineCount: 0 })),
    diagnostics: label.diagnostics.map((d) => ({ tool: d.tool, kind: "warning", symbol: d.symbol, signature: d.essence, title: d.essence, text: d.essence })),
    configs: label.configs.map((name) => ({ name, value: null })),
    kernelVersions: label.kernelVersions,
    links: label.links.map((l) => ({ url: l.url, normUrl: l.url, kind: l.kind === "bug" ? "bugzilla" : "lore" })),
    trailers: label.trailers,
    tags: [],
    regzbot: [],
  };
}

test("the labelled set is large enough and every label file is well formed", () => {
  assert.ok(messages.length >= 80, `${messages.length} messages`);
  for (const m of messages) {
    assert.match(m.label.messageId, /\S@\S/, `${m.name}: messageId`);
    assert.ok(m.eml.length < 60 * 1024, `${m.name}: ${m.eml.length} bytes`);
    for (const c of m.label.commits) assert.match(c.sha, /^[0-9a-f]{7,40}$/, `${m.name}: sha ${c.sha}`);
    for (const l of m.label.links) assert.ok(l.kind === "bug" || l.kind === "list", `${m.name}: link kind ${l.kind}`);
  }
});

test("a perfect extractor scores 1.0 everywhere on every label", () => {
  for (const m of messages) {
    const scored = scoreMessage(m.label, asEntities(m.label));
    for (const x of EXTRACTORS) {
      assert.equal(scored[x].fp + scored[x].fn, 0, `${m.name} ${x}: ${JSON.stringify(scored[x])}`);
    }
  }
});

test("a 12-digit and a 40-digit hash of one commit are one entity; 6 digits never match", () => {
  assert.ok(sameSha("607e57c6c62c", "607e57c6c62c00965ae276902c166834ce73014a"));
  assert.ok(!sameSha("607e57", "607e57c6c62c00965ae276902c166834ce73014a"));
  assert.ok(!sameSha("607e57c6c62d", "607e57c6c62c00965ae276902c166834ce73014a"));
  // "commit 607e57c6c62c00965ae276902c166834ce73014a upstream." reported with its short form
  const label = bySlug("stable-upstream-auto-var-init").label;
  const got = asEntities(label);
  got.commits[0] = { sha: "607e57c6c62c", repo: "linux", role: "upstream", subject: null };
  assert.equal(scoreMessage(label, got).commits.tp, 2);
});

test("role and repo are part of the commit key", () => {
  // the reverted Linux commit and the LLVM commit of reviews.llvm.org/D71193
  const label = bySlug("revert-bcmp-llvm-hash").label;
  const got = none();
  got.commits = [
    { sha: "5f074f3e192f10c9fade898b9b3b8812e3d83342", repo: "linux", role: "mention", subject: null },
    { sha: "0508c994f0b14144041f2cfd3ba9f9a80f03de08", repo: "llvm/llvm-project", role: "mention", subject: null },
  ];
  const t = scoreMessage(label, got).commits;
  assert.deepEqual([t.tp, t.fp, t.fn], [1, 1, 1]);
  assert.deepEqual(t.fnItems, ["5f074f3e192f reverts linux"]);
  got.commits[1].repo = "linux";
  assert.equal(scoreMessage(label, got).commits.tp, 0);
});

test("a mention of a commit that has a specific role, and bisect-bad of the culprit, are not extra entities", () => {
  const collapsed = collapseCommits([
    { sha: "5f73e7d0386d", repo: "linux", role: "mention" },
    { sha: "5f73e7d0386d", repo: "linux", role: "fixes" },
    { sha: "a0590473c5e6c4ef17c3132ad08fbad170f72d55", repo: "linux", role: "bisect-bad" },
    { sha: "a0590473c5e6", repo: "linux", role: "bisected-to" },
    { sha: "f354fc88a72a", repo: "linux", role: "mention" },
  ]);
  assert.deepEqual(
    collapsed.map((c) => c.role),
    ["fixes", "bisected-to", "mention"],
  );
  // a whole bisect log: reporting the culprit as bisect-bad too costs nothing
  const label = bySlug("bisect-log-modpost-mips").label;
  const got = asEntities(label);
  got.commits.push({ sha: "a0590473c5e6", repo: "linux", role: "bisect-bad", subject: null });
  assert.equal(scoreMessage(label, got).commits.fp, 0);
});

test("precision, recall and F1 arithmetic", () => {
  assert.deepEqual(rates({ tp: 0, fp: 0, fn: 0 }), { precision: 1, recall: 1, f1: 1 });
  const r = rates({ tp: 9, fp: 1, fn: 3 });
  assert.equal(r.precision, 0.9);
  assert.equal(r.recall, 0.75);
  assert.ok(Math.abs(r.f1 - (2 * 0.9 * 0.75) / 1.65) < 1e-12);
  assert.equal(rates({ tp: 0, fp: 4, fn: 0 }).precision, 0);
});

test("toolchain names and abbreviated versions: one entity per release", () => {
  // "Clang 20 from git" and the "clang version 20.0.0git" banner; LLVM and clang share versions
  assert.deepEqual(
    collapseToolchains([
      { name: "Clang", version: "20" },
      { name: "clang", version: "20.0.0git" },
      { name: "LLVM", version: "13.0.1" },
      { name: "ld.bfd", version: "2.36" },
      { name: "binutils", version: "2.36.1" },
      { name: "gcc", version: "10" },
      { name: "gcc", version: "1" },
    ]),
    [
      { name: "clang", version: "20.0.0git" },
      { name: "clang", version: "13.0.1" },
      { name: "binutils", version: "2.36.1" },
      { name: "gcc", version: "10" },
      { name: "gcc", version: "1" },
    ],
  );
  const label = bySlug("cbl-clang-git-versions-table").label;
  const got = asEntities(label);
  got.toolchains.push({ name: "clang", version: "21", vendor: null, gitHash: null, text: "Clang 21 (ToT)" });
  assert.equal(scoreMessage(label, got).toolchains.fp, 0);
});

test("kernel versions compare in normal form", () => {
  assert.equal(normKernelVersion("v5.12-rc3"), "5.12-rc3");
  assert.equal(normKernelVersion("Linux 6.7"), "6.7");
  assert.equal(normKernelVersion("6.0.0-rc5-next-20220916"), "6.0-rc5-next-20220916");
  assert.equal(normKernelVersion("5.18.0-rc1-00054-g7b4537199a4a"), "5.18-rc1");
  assert.equal(normKernelVersion("4.19.23"), "4.19.23");
  assert.equal(normKernelVersion("linux-6.12"), "6.12");
  assert.equal(normKernelVersion("next-20241219"), "next-20241219");
});

test("links: lore URLs by Message-ID, trackers by id, unscored kinds ignored", () => {
  assert.equal(
    normUrl("https://lore.kernel.org/linux-kbuild/CAK7LNARb3xO3ptBWOMpwKcyf3=zkfhMey5H2KnB1dOmUwM79dA@mail.gmail.com/T/#t"),
    normUrl("https://lore.kernel.org/r/CAK7LNARb3xO3ptBWOMpwKcyf3=zkfhMey5H2KnB1dOmUwM79dA@mail.gmail.com"),
  );
  assert.equal(normUrl("https://lore.kernel.org/r/20240828083605.3093701-1-vegard.nossum%40oracle.com"), "lore:20240828083605.3093701-1-vegard.nossum@oracle.com");
  assert.equal(normUrl("https://github.com/ClangBuiltLinux/linux/issues/1467#issuecomment-1046071624"), "github.com/clangbuiltlinux/linux/issues/1467");
  assert.equal(normUrl("http://bugs.llvm.org/show_bug.cgi?id=47479"), "bugs.llvm.org/show_bug.cgi?id=47479");
  // a lore link and a godbolt link; the godbolt one is neither FP nor TP
  const label = bySlug("lore-and-godbolt-clang17").label;
  const got = asEntities(label);
  got.links.push({ url: "https://godbolt.org/z/sj98GMhv3", normUrl: "https://godbolt.org/z/sj98GMhv3", kind: "godbolt" });
  const t = scoreMessage(label, got).links;
  assert.deepEqual([t.tp, t.fp, t.fn], [1, 0, 0]);
  got.links[0].kind = "bugzilla";
  assert.deepEqual(scoreMessage(label, got).links.fp, 1);
});

test("diagnostics match on tool class, symbol without offset and essence words, not on formatting", () => {
  // "mm/gup.o: warning: objtool: fault_in_readable+0x101: call to __tsan_volatile_write1() with UACCESS enabled"
  const label = bySlug("objtool-uaccess-tsan").label;
  const got = none();
  got.diagnostics = [
    {
      tool: "objtool",
      kind: "warning",
      symbol: "fault_in_readable+0x101",
      signature: "objtool:call to __tsan_volatile_write1() with UACCESS enabled",
      title: "objtool: fault_in_readable: call to __tsan_volatile_write1() with UACCESS enabled",
      text: "  mm/gup.o: warning: objtool: fault_in_readable+0x101: call to __tsan_volatile_write1() with UACCESS enabled",
    },
  ];
  assert.equal(scoreMessage(label, got).diagnostics.tp, 1);
  got.diagnostics[0].symbol = "gup_fast";
  assert.equal(scoreMessage(label, got).diagnostics.tp, 0);
  got.diagnostics[0].symbol = "fault_in_readable";
  got.diagnostics[0].tool = "gcc";
  assert.equal(scoreMessage(label, got).diagnostics.tp, 0);
});

test("diagnostics are matched one-to-one even when one prediction fits two labels", () => {
  // clang's and GCC's -Wenum-conversion; GCC's essence words also occur in clang's line
  const label = bySlug("wenum-conversion-clang-vs-gcc").label;
  const clangLine = "test.c:11:9: warning: implicit conversion from enumeration type 'enum enum2' to different enumeration type 'enum enum1' [-Wenum-conversion]";
  const gccLine = "test.c:6:16: warning: implicit conversion from ‘enum enum2’ to ‘enum enum1’ [-Wenum-conversion]";
  const got = none();
  got.diagnostics = [gccLine, clangLine].map((text) => ({ tool: "compiler", kind: "warning", symbol: null, signature: text, title: text, text }));
  const t = scoreMessage(label, got).diagnostics;
  assert.deepEqual([t.tp, t.fp, t.fn], [2, 0, 0]);
});

test("trailers ignore case, spacing and trailing [n] / # comments", () => {
  const label = bySlug("rustdoc-ice-fixes-base").label;
  const got = none();
  got.trailers = [
    { name: "link", value: "https://github.com/rust-lang/rust/issues/122722" },
    { name: "Cc", value: "stable@vger.kernel.org   # 6.1+" },
  ];
  const t = scoreMessage(label, got).trailers;
  assert.deepEqual([t.tp, t.fp, t.fn], [2, 0, 3]);
});

test("evaluate parses every shipped .eml and counts all labels as missed for an empty extractor", async () => {
  const result = await evaluate(messages, () => none());
  assert.deepEqual(result.failures, []);
  const expectedCommits = messages.reduce((n, m) => n + collapseCommits(m.label.commits).length, 0);
  assert.equal(result.totals.commits.fn, expectedCommits);
  assert.equal(result.totals.commits.fp, 0);
  assert.match(formatTable(result.totals), /^commits\s+0\s+0\s+\d+\s+1\.000\s+0\.000\s+0\.000\s+0\.95\/0\.9\s+NO$/m);
});

test("evaluate reports a throwing extractor by file name instead of stopping", async () => {
  const two = messages.slice(0, 2);
  const result = await evaluate(two, () => {
    throw new Error("boom");
  });
  assert.equal(result.failures.length, 2);
  assert.match(result.failures[0], /^001-fixes-trailer-headers-pkg\.eml: Error: boom/);
});

// ---- the held-out set (heldout/): same format, kept apart from messages/ ----

const LABEL_FIELDS = ["source", "messageId", "subject", "note", "commits", "toolchains", "snippets", "diagnostics", "configs", "kernelVersions", "links", "trailers"];
const SOURCE_FIELDS = ["file", "message", "rule", "commit"];
const ROLES: CommitRole[] = ["introduced-by", "bisected-to", "fixes", "reverts", "base", "upstream", "bisect-good", "bisect-bad", "mention"];
const SNIPPET_KINDS = ["asm", "disasm", "compiler-asm", "llvm-ir", "bisect-log", "build-log", "patch", "oops"];

function sameKeys(obj: object, keys: string[], where: string): void {
  assert.deepEqual(Object.keys(obj).sort(), [...keys].sort(), where);
}

test("held-out labels load and are well formed: .eml beside each .json, known fields, Message-IDs of their own", async () => {
  const heldout = loadLabelledMessages(HELDOUT_DIR);
  assert.ok(heldout.length >= 25, `${heldout.length} held-out messages`);
  const files = fs.readdirSync(HELDOUT_DIR);
  for (const f of files.filter((x) => x.endsWith(".eml"))) assert.ok(files.includes(f.replace(/\.eml$/, ".json")), `${f} has no label`);
  assert.ok(fs.existsSync(path.join(HELDOUT_DIR, "SELECTION.md")), "the selection rules are written down");

  const inMessages = new Set(messages.map((m) => m.label.messageId));
  const seen = new Set<string>();
  for (const { name, label, eml } of heldout) {
    for (const k of Object.keys(label)) assert.ok(LABEL_FIELDS.includes(k), `${name}: unknown field ${k}`);
    for (const k of LABEL_FIELDS.filter((k) => k !== "note")) assert.ok(k in label, `${name}: no ${k}`);
    for (const k of Object.keys(label.source)) assert.ok(SOURCE_FIELDS.includes(k), `${name}: unknown source field ${k}`);
    assert.equal(typeof label.source.file, "string", `${name}: source.file`);
    assert.ok(Number.isInteger(label.source.message) && label.source.message > 0, `${name}: source.message`);
    assert.match((label.source as { rule?: string }).rule ?? "", /SELECTION\.md rule \d+/, `${name}: the rule that chose it`);
    assert.ok(eml.length < 60 * 1024, `${name}: ${eml.length} bytes`);

    // the label is of this very .eml, and of no message in messages/
    const parsed = await parseMessage({ raw: eml, source: { path: `${name}.eml`, index: 1, byteOffset: 0 } });
    assert.equal(parsed.messageId, label.messageId, `${name}: Message-ID of the .eml`);
    assert.ok(!inMessages.has(label.messageId), `${name}: ${label.messageId} is also in messages/`);
    assert.ok(!seen.has(label.messageId), `${name}: ${label.messageId} twice in heldout/`);
    seen.add(label.messageId);

    for (const c of label.commits) {
      sameKeys(c, ["sha", "repo", "role"], `${name}: commit fields`);
      assert.match(c.sha, /^[0-9a-f]{7,40}$/, `${name}: sha ${c.sha}`);
      assert.ok(ROLES.includes(c.role as CommitRole), `${name}: role ${c.role}`);
    }
    for (const t of label.toolchains) sameKeys(t, ["name", "version"], `${name}: toolchain fields`);
    for (const s of label.snippets) {
      sameKeys(s, ["kind", "arch"], `${name}: snippet fields`);
      for (const k of Array.isArray(s.kind) ? s.kind : [s.kind]) assert.ok(SNIPPET_KINDS.includes(k), `${name}: snippet kind ${k}`);
    }
    for (const d of label.diagnostics) {
      sameKeys(d, ["tool", "symbol", "essence"], `${name}: diagnostic fields`);
      assert.ok(d.essence.trim().length > 0, `${name}: empty essence`);
    }
    for (const c of label.configs) assert.match(c, /^CONFIG_[A-Z0-9_]+$/, `${name}: config ${c}`);
    for (const v of label.kernelVersions) assert.match(v, /^(\d+\.\d+|next-\d{8})/, `${name}: kernel version ${v}`);
    for (const l of label.links) {
      sameKeys(l, ["url", "kind"], `${name}: link fields`);
      assert.ok(l.kind === "bug" || l.kind === "list", `${name}: link kind ${l.kind}`);
    }
    for (const t of label.trailers) sameKeys(t, ["name", "value"], `${name}: trailer fields`);
    // a perfect extractor scores 1.0 on every held-out label too
    const scored = scoreMessage(label, asEntities(label));
    for (const x of EXTRACTORS) assert.equal(scored[x].fp + scored[x].fn, 0, `${name} ${x}: ${JSON.stringify(scored[x])}`);
  }
});
