import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { needsCorpus } from "../../lib/testing/corpus";
import { corpusBody } from "./corpus-bodies";
import { extractContext } from "./context";
import { extractTrailers } from "./trailers";

describe("extractTrailers", () => {
  test("on real mail: a patch's trailer block, Cc: stable and Debugged-by included", needsCorpus(), async () => {
    const { subject, body } = await corpusBody("cbl-googlegroup/clang-built-linux-2019-08.mbox", "20190807221539.94583-1-ndesaulniers@google.com");
    const got = extractTrailers(extractContext(subject, body));
    assert.deepEqual(got.slice(0, 3), [
      { name: "Cc", value: "stable@vger.kernel.org" },
      { name: "Fixes", value: '8fc5b4d4121c ("purgatory: core purgatory functionality")' },
      { name: "Link", value: "https://bugs.chromium.org/p/chromium/issues/detail?id=984056" },
    ]);
    assert.equal(got.length, 9); // Cc, Fixes, Link, Reported-by, Debugged-by ×2, Suggested-by, Signed-off-by, Tested-by
    assert.deepEqual(got[got.length - 1], { name: "Tested-by", value: "Vaibhav Rustagi <vaibhavrustagi@google.com>" });
  });
  test("on real mail: trailers only quoted in a reply are not the reply's", needsCorpus(), async () => {
    const { subject, body } = await corpusBody("linux-kbuild/linux-kbuild-2021-01.mbox", "CAKwvOdnssY=CV4daRQvGa659AzGvMT+Kb10g5-DDuZjqbp-J5A@mail.gmail.com");
    assert.deepEqual(extractTrailers(extractContext(subject, body)), []);
  });
  test("on real mail: every CC: line of a 2019 0-day report is a Cc trailer, its TO: line none", needsCorpus(), async () => {
    const { subject, body } = await corpusBody("cbl-googlegroup/clang-built-linux-2019-08.mbox", "201908272128.94yS48UO%lkp@intel.com");
    assert.deepEqual(extractTrailers(extractContext(subject, body)), [
      { name: "Cc", value: "kbuild-all@01.org" },
      { name: "Cc", value: "Sebastian Andrzej Siewior <bigeasy@linutronix.de>" },
      { name: "Reported-by", value: "kbuild test robot <lkp@intel.com>" },
    ]);
  });
  test("in prose a Cc: counts only when its value is an address", () => {
    const body = "Thanks.\nCC: kbuild-all@lists.01.org\nCc: the usual suspects\nTO: Foo Bar <foo@bar.org>\nsee below";
    assert.deepEqual(extractTrailers(extractContext("", body)), [{ name: "Cc", value: "kbuild-all@lists.01.org" }]);
  });
  test("lower-case and gutter forms are not trailers", () => {
    const body = "Thanks\n\nlink: https://example.org\n| Reported-by: kernel test robot <lkp@intel.com>\nchange-id: 20241123-x\n\nReported-by: A B <a@b.c>\nCc: stable@vger.kernel.org # 5.10+";
    assert.deepEqual(extractTrailers(extractContext("", body)), [
      { name: "Reported-by", value: "A B <a@b.c>" },
      { name: "Cc", value: "stable@vger.kernel.org # 5.10+" },
    ]);
  });
});
