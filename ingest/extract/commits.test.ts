import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { needsCorpus, sampleFile } from "../../lib/testing/corpus";
import { readAll } from "../testing";
import { corpusBody } from "./corpus-bodies";
import { extractCommits, hasHexRun } from "./commits";
import { extractContext } from "./context";

const KBUILD = "linux-kbuild/linux-kbuild-2021-01.mbox";
const CBL = "cbl-googlegroup/clang-built-linux-2019-08.mbox";

async function commitsOf(rel: string, id: string) {
  const { subject, body } = await corpusBody(rel, id);
  return extractCommits(extractContext(subject, body));
}

const brief = (cs: { sha: string; repo: string; role: string }[]) => cs.map((c) => `${c.role} ${c.repo} ${c.sha.slice(0, 12)}`).sort();

describe("extractCommits on real mail", needsCorpus(), () => {
  test("a patch: Fixes: with its subject, a mention, and no hashes from index lines or git's version", async () => {
    const commits = await commitsOf(CBL, "20190807221539.94583-1-ndesaulniers@google.com");
    assert.deepEqual(brief(commits), ["fixes linux 8fc5b4d4121c", "mention linux 5f074f3e192f"]);
    assert.equal(commits.find((c) => c.role === "fixes")?.subject, "purgatory: core purgatory functionality");
    assert.equal(commits.find((c) => c.role === "mention")?.subject, "lib/string.c: implement a basic bcmp");
  });

  test("a revert, and a reply that only quotes it", async () => {
    // "You cannot use 'boolean' since commit b92d804a5179 (…)" is a plain mention
    assert.deepEqual(brief(await commitsOf(KBUILD, "20210126191541.210168-1-masahiroy@kernel.org")), [
      "mention linux b92d804a5179",
      "reverts linux 327953e9af6c",
    ]);
    assert.deepEqual(await commitsOf(KBUILD, "c973355e545bcdc52b619f2d13bfa41915074307.camel@perches.com"), []);
  });

  test("a stable backport names its upstream commit", async () => {
    assert.deepEqual(brief(await commitsOf(KBUILD, "20210112125534.70280-28-sashal@kernel.org")), ["upstream linux 9bba03d4473d"]);
  });

  test("a pull request: the commit it is built on is its base, the tip it asks to fetch a mention", async () => {
    assert.deepEqual(brief(await commitsOf(KBUILD, "CAK7LNAR6zJnAo7KwdeghJZk8x8BivXWb2F5Gpxb90LDgP9D4dg@mail.gmail.com")), [
      "base linux e71ba9452f0b",
      "mention linux 5625dcfbbcf8",
    ]);
  });

  test("a robot report blames its commit; the LLVM hash in the compiler: line is not a commit", async () => {
    const commits = await commitsOf(CBL, "201908010232.VAMa5bkC%lkp@intel.com");
    assert.deepEqual(brief(commits), ["bisected-to linux 663a17eede7f"]);
    assert.equal(commits[0].sha, "663a17eede7f34c4eba190a996c1acb9f737b0ff");
  });
});

describe("extractCommits on written cases", () => {
  const of = (body: string) => brief(extractCommits(extractContext("", body)));
  test("URLs carry their repository; hex words and other URLs are not commits", () => {
    assert.deepEqual(of("Fixed upstream by https://github.com/llvm/llvm-project/commit/830dfccfb2c06a1749938ce8cb78a1d6a295b942"), [
      "mention llvm 830dfccfb2c0",
    ]);
    assert.deepEqual(of("The value deadbeef was added to a facade; see https://lore.kernel.org/r/20210110190807.134996-1-a@b.c"), []);
    assert.deepEqual(of("git version 2.32.0.93.g670b81a890 and index 401e30ca0a75..8272a4492844"), []);
  });
  test("bisect logs give good, bad and the culprit", () => {
    const log = [
      "git bisect start",
      "# bad: [1e28eed17697bcf343c6743f0028cc3b5dd88bf0] Linux 5.12-rc3",
      "# good: [a38fd8748464831584a19438cbb3082b5a2dab15] Linux 5.12-rc2",
      "git bisect bad 420623430a7015ae9adab8a087de82c186bc9989",
      "git bisect good 261410082d01f2f2d4fcd19abee6b8e84f399c51",
      "# first bad commit: [f296bfd5cd04cbb49b8fc9585adc280ab2b58624] kbuild: something",
    ].join("\n");
    assert.deepEqual(of(log), [
      "bisect-bad linux 1e28eed17697",
      "bisect-bad linux 420623430a70",
      "bisect-good linux 261410082d01",
      "bisect-good linux a38fd8748464",
      "bisected-to linux f296bfd5cd04",
    ]);
  });
});

test("b4's thank-you list names where each patch landed, not a culprit", () => {
  // From <177455561121.2009594.1781899946157697823.b4-ty@google.com> on linux-kbuild (March 2026), shortened;
  // the robot-header rule ("commit: <sha>") used to read these as bisection results.
  const body = [
    "Applied to modules-next, thanks!",
    "",
    "[1/8] extract-cert: drop unused definition of PKEY_ID_PKCS7",
    "      commit: 137676d4482d8b8d755890b4ed29fe8223661d20",
    "[2/8] module: Drop unused signature types",
    // as in <176116758392.2674526.14546491430146575647.b4-ty@kernel.org>: the maintainer's note before the commit
    "      (indentation of code example adjusted)",
    "      commit: 8988913aacee82e5401bf3b96839731982dcbde7",
    "",
    "Best regards,",
  ].join("\n");
  assert.deepEqual(brief(extractCommits(extractContext("Re: [PATCH v3 0/8] module: Move 'struct module_signature' to UAPI", body))), [
    "mention linux 137676d4482d",
    "mention linux 8988913aacee",
  ]);
});

test("hasHexRun agrees with /[0-9a-fA-F]{n}/ at every length and position, and on the kbuild sample's bodies", async () => {
  const cases: string[] = [];
  // a run of each length 0..12 at every offset in text of letters a-f and others, so runs meet the skip positions
  for (let len = 0; len <= 12; len++) for (let at = 0; at < 9; at++) cases.push(`${"xyz ".repeat(3).slice(0, at)}${"c0ffee1234ab".slice(0, len)}.qq`);
  cases.push("", "abcdef", "abcdefa", "deadbeef", "g1234567", "1234 5678", "ABCDEF0", "abcdeFX0");
  for (const raw of await readAll(sampleFile("linux-kbuild-2021-01.mbox.gz"))) cases.push(raw.raw.toString("latin1").slice(0, 4000));
  for (const text of cases) {
    for (const n of [7, 40]) {
      assert.equal(hasHexRun(text, n), new RegExp(`[0-9a-fA-F]{${n}}`).test(text), `${n} ${JSON.stringify(text.slice(0, 60))}`);
      assert.equal(hasHexRun(text, n, true), new RegExp(`[0-9a-f]{${n}}`).test(text), `lower ${n} ${JSON.stringify(text.slice(0, 60))}`);
    }
  }
});
