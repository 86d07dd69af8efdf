import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { needsCorpus } from "../testing/corpus";
import { byId, corpusMessages } from "./test-mail";
import { identifySeries, parseSubject, seriesFacts, type PostingInput } from "./series";

const postings = (ms: Awaited<ReturnType<typeof corpusMessages>>): PostingInput[] => ms.map((m) => ({ ...m, fromAddr: m.from.address }));

describe("parseSubject", () => {
  test("prefix forms", () => {
    const p = parseSubject("[PATCH v3 2/5] kbuild: foo");
    assert.deepEqual([p.patch, p.version, p.part, p.title, p.reply], [true, 3, { index: 2, total: 5 }, "kbuild: foo", false]);
    const rfc = parseSubject("[PATCH RFC net-next v2] net: bar.");
    assert.deepEqual([rfc.patch, rfc.rfc, rfc.version, rfc.other, rfc.key], [true, true, 2, ["net-next"], "net: bar"]);
    const re = parseSubject("Re: Re: [PATCH v9 00/18] kunit: introduce KUnit, the Linux kernel unit");
    assert.deepEqual([re.reply, re.version, re.part, re.title], [true, 9, { index: 0, total: 18 }, "kunit: introduce KUnit, the Linux kernel unit"]);
    assert.equal(parseSubject("[PATCHv2 1/3] x").version, 2);
    assert.equal(parseSubject("[PATCH -v2 1/3] x").version, 2);
    assert.equal(parseSubject("[PATCH V5 0/5] dt: build overlays").version, 5);
    assert.equal(parseSubject("[PATCH 2/6] [v3] kbuild: remove redundant extra warning flags").version, 3);
    const autosel = parseSubject("[PATCH AUTOSEL 5.4 1/3] kbuild: fix");
    assert.deepEqual([autosel.autosel, autosel.stable, autosel.version], [true, "5.4", 1]);
    assert.equal(parseSubject("[PATCH 6.1 012/100] kbuild: fix").stable, "6.1");
    assert.equal(parseSubject("[PATCH 5.10.y] kbuild: fix").stable, "5.10");
    const resend = parseSubject("[RESEND PATCH v2] x");
    assert.deepEqual([resend.resend, resend.version], [true, 2]);
    const crash = parseSubject("[CRASH][BISECTED] 6.4.1 crash in boot");
    assert.deepEqual([crash.patch, crash.labels, crash.title], [false, ["CRASH", "BISECTED"], "6.4.1 crash in boot"]);
    assert.equal(parseSubject("Re: [linus:master] [kbuild] 3bc753c06d: xfstests.generic.454.fail #forregzbot").title, "3bc753c06d: xfstests.generic.454.fail");
    assert.equal(parseSubject("AW: Fwd: hello").reply, true);
    assert.equal(parseSubject("").title, "");
  });
});

describe("series in real mail", needsCorpus(), () => {
  test("linux-kbuild 2021-01: pgo v1..v7 (v1 untagged) and DWARF v5 v4..v7 with changing patch counts", async () => {
    const ms = await corpusMessages("linux-kbuild/linux-kbuild-2021-01.mbox");
    const all = identifySeries(postings(ms));
    const pgo = all.find((s) => s.id === "20210111081821.3041587-1-morbo@google.com");
    assert.ok(pgo);
    assert.equal(pgo.title, "pgo: add clang's Profile Guided Optimization infrastructure");
    assert.deepEqual(pgo.versions.map((v) => v.version), [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(pgo.versions[6].headId, "20210122101156.3257143-1-morbo@google.com");
    // Only v1 carried a Gerrit Change-Id trailer (quoted back by reviewers, gone from v2 on): the subject ties them.
    assert.equal(pgo.changeId, "Ic78e69c682286d3a44c4549a0138578c98138b77");
    assert.deepEqual(pgo.evidence, ["subject"]);

    const dwarf = all.find((s) => s.title === "Kbuild: DWARF v5 support");
    assert.ok(dwarf);
    assert.deepEqual(dwarf.versions.map((v) => [v.version, v.total, v.messageIds.length]), [[4, 3, 4], [5, 3, 4], [6, 2, 3], [7, 2, 3]]);
    assert.deepEqual(dwarf.versions[0].messageIds, [1, 2, 3, 4].map((n) => `20210113003235.716547-${n}-ndesaulniers@google.com`));
    // Replies are never postings.
    assert.ok(all.every((s) => s.versions.every((v) => !parseSubject(v.subject).reply)));
  });

  test("b4 series: change-id and 'Link to vN' tie v1..v4 of -Wtype-limits removal", async () => {
    const ms = await corpusMessages("linux-kbuild/linux-kbuild-2019-04_2026-07.mbox.xz", (raw) => raw.includes("remove_wtype-limits"));
    const v4 = byId(ms, "20260101-remove_wtype-limits-v4-0-225b75c29086@kernel.org");
    const facts = seriesFacts(v4.body);
    assert.equal(facts.changeId, "20251205-remove_wtype-limits-c77eb46d09c2");
    assert.deepEqual(facts.versionLinks.map((l) => [l.version, l.messageId]), [
      [3, "20251220-remove_wtype-limits-v3-0-24b170af700e@kernel.org"],
      [2, "20251219-remove_wtype-limits-v2-0-2e92b3f566c5@kernel.org"],
      [1, "20251218-remove_wtype-limits-v1-0-735417536787@kernel.org"],
    ]);
    assert.deepEqual(facts.changelog, [2, 3, 4]);
    const series = identifySeries(postings(ms)).find((s) => s.changeId === facts.changeId);
    assert.ok(series);
    assert.deepEqual(series.versions.map((v) => [v.version, v.total]), [[1, 2], [2, 4], [3, 3], [4, 2]]);
    assert.deepEqual(series.evidence, ["change-id", "subject", "version-link"]);
  });

  test("version links alone join postings whose titles differ", () => {
    const series = identifySeries([
      { messageId: "a@x", subject: "[PATCH] kbuild: first idea", fromAddr: "p@x", date: new Date("2024-01-01"), inReplyTo: null, body: "" },
      { messageId: "b@x", subject: "[PATCH v2] kbuild: better idea", fromAddr: "p@x", date: new Date("2024-02-01"), inReplyTo: null, body: "Changes in v2:\n- renamed\n- Link to v1: https://lore.kernel.org/r/a@x\n" },
      { messageId: "c@x", subject: "Re: [PATCH v2] kbuild: better idea", fromAddr: "q@x", date: new Date("2024-02-02"), inReplyTo: "b@x", body: "> - Link to v1: https://lore.kernel.org/r/zzz@x\nLooks good" },
    ]);
    assert.deepEqual(series.map((s) => [s.id, s.title, s.versions.map((v) => v.headId), s.evidence]), [["a@x", "kbuild: better idea", ["a@x", "b@x"], ["version-link"]]]);
  });
});
