import assert from "node:assert/strict";
import { test } from "node:test";
import { commitFeedUrl, commitUrl, configUrl, diagUrl, regressionUrl, snippetsUrl, toolchainFeedUrl, toolchainUrl } from "./entity-urls";

test("commit URLs: the kernel has the short form, other repositories are named", () => {
  assert.equal(commitUrl("linux", "0b3eb7edad0a"), "/commit/0b3eb7edad0a");
  assert.equal(commitUrl("llvm", "e67f32b5a1c4"), "/commit/llvm/e67f32b5a1c4");
  assert.equal(commitFeedUrl("llvm", "e67f32b5a1c4"), "/commit/llvm/e67f32b5a1c4/new.atom");
  assert.equal(regressionUrl("linux", "abc1234"), "/regressions/abc1234");
});

test("toolchain, config and diagnostic URLs survive the characters real names carry", () => {
  assert.equal(toolchainUrl("ld.lld"), "/toolchain/ld.lld");
  assert.equal(toolchainUrl("clang", "22.0.0git"), "/toolchain/clang/22.0.0git");
  assert.equal(toolchainFeedUrl("gcc", "12.2.0"), "/toolchain/gcc/12.2.0/new.atom");
  assert.equal(configUrl("KASAN"), "/config/CONFIG_KASAN");
  assert.equal(configUrl("CONFIG_KASAN"), "/config/CONFIG_KASAN");
  const sig = "objtool:folio_zero_user:undefined stack state";
  assert.equal(decodeURIComponent(diagUrl(sig).slice("/diag/".length)), sig);
  assert.doesNotMatch(diagUrl("a/b c"), /\/diag\/.*\//);
  assert.equal(snippetsUrl({ kind: "asm", arch: "arm64" }), "/snippets?kind=asm&arch=arm64");
  assert.equal(snippetsUrl(), "/snippets");
});
