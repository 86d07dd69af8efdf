import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { needsCorpus } from "../../lib/testing/corpus";
import { corpusBody } from "./corpus-bodies";
import { extractContext } from "./context";
import { extractToolchains } from "./toolchains";

const KBUILD = "linux-kbuild/linux-kbuild-2021-01.mbox";
const CBL = "cbl-googlegroup/clang-built-linux-2019-08.mbox";

async function toolchainsOf(rel: string, id: string) {
  const { subject, body } = await corpusBody(rel, id);
  return extractToolchains(extractContext(subject, body));
}
const of = (body: string) =>
  extractToolchains(extractContext("", body))
    .map((t) => `${t.name} ${t.version}`)
    .sort();

describe("extractToolchains on real mail", needsCorpus(), () => {
  test("a robot's clang banner: version and the llvm-project hash", async () => {
    const [clang, ...rest] = await toolchainsOf(CBL, "201908010232.VAMa5bkC%lkp@intel.com");
    assert.deepEqual(rest, []);
    assert.equal(clang.name, "clang");
    assert.equal(clang.version, "10.0.0");
    assert.equal(clang.gitHash, "45a3fd206fb06f77a08968c99a8172cbf2ccdd0f");
  });
  test("a robot's gcc banner: gcc-9 and its Debian 9.3.0 build are one entity", async () => {
    const got = await toolchainsOf(KBUILD, "202101150919.945TldsY-lkp@intel.com");
    assert.deepEqual(got.map((t) => [t.name, t.version, t.vendor]), [["gcc", "9.3.0", "Debian"]]);
  });
  test("GNU assembler --version output is binutils", async () => {
    const got = await toolchainsOf(KBUILD, "CAKwvOdmuSaf28dOdP8Yo6+RyiviMNKcq8JY=-qgbwjbPVwHmLw@mail.gmail.com");
    assert.deepEqual(got.map((t) => [t.name, t.version, t.vendor]), [["binutils", "2.35.1", "Debian"]]);
  });
});

describe("extractToolchains on written cases", () => {
  test("banners and shorthand", () => {
    assert.deepEqual(of("Debian clang version 14.0.6"), ["clang 14.0.6"]);
    assert.deepEqual(of("ClangBuiltLinux clang version 22.0.0git (https://github.com/llvm/llvm-project.git e67f32a1b2c3)"), ["clang 22.0.0git"]);
    assert.deepEqual(of("Linux version 6.1.0 (x@y) (gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1"), ["binutils 2.40", "gcc 12.2.0"]);
    assert.deepEqual(of("LLD 15.0.0 (compatible with GNU linkers)"), ["ld.lld 15.0.0"]);
    assert.deepEqual(of("built with clang-13 and LLVM 21.1.0-rc1"), ["clang 13", "clang 21.1.0-rc1"]);
    assert.deepEqual(of("rustc 1.57.0 (f1edd0429 2021-11-29)\npahole v1.22"), ["pahole 1.22", "rustc 1.57.0"]);
  });
  test("names without a release are not versions", () => {
    assert.deepEqual(of("gcc plugins, clang-format 15, -Wclang-foo, CONFIG_CC_IS_CLANG=y, clang-built-linux, LLVM=1, __clang_major__ >= 21"), []);
  });
  test("a tool, a few words of the same clause, then its version", () => {
    // real lines: linux-kbuild (clang 16.0.1, binutils 2.36, GCC 9.2 in a Makefile diff), ClangBuiltLinux 2019 (gcc 8.4.0)
    assert.deepEqual(of("The latest mainline kernel branch fails to build with clang (version 16.0.1), and the errors are like:"), ["clang 16.0.1"]);
    assert.deepEqual(of("\t  and Zifencei are supported in binutils from version 2.36 onwards."), ["binutils 2.36"]);
    assert.deepEqual(of("  # only been fixed starting from gcc stable version 8.4.0 and"), ["gcc 8.4.0"]);
    assert.deepEqual(of("# GCC (at least up to version 9.2) appears to emit function calls that make use"), ["gcc 9.2"]);
  });
  test("words that name another tool or the kernel, or another clause, break the link", () => {
    assert.deepEqual(of("Both gcc and clang version 10.0.0 warn here."), ["clang 10.0.0"]);
    assert.deepEqual(of("gcc has been fine since kernel version 5.4."), []);
    assert.deepEqual(of("I used gcc. The version 7.3.0 of the patch is older."), []);
    assert.deepEqual(of("Clang builds fine with version five of this series and many other words before version 12.0.0"), []);
  });
});
