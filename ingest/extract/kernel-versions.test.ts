import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { needsCorpus } from "../../lib/testing/corpus";
import { corpusBody } from "./corpus-bodies";
import { extractContext } from "./context";
import { extractKernelVersions } from "./kernel-versions";

const of = (body: string, subject = "") => extractKernelVersions(extractContext(subject, body));

describe("extractKernelVersions", () => {
  test("on real mail: the Tainted: banner of a KASAN report", needsCorpus(), async () => {
    const { subject, body } = await corpusBody("kasan-dev/kasan-dev-2022-09.mbox", "20220919031241.1358001-1-feng.tang@intel.com");
    assert.deepEqual(extractKernelVersions(extractContext(subject, body)), ["6.0.0-rc5-next-20220916"]);
  });
  test("on real mail: a stable backport names its release; linux-next dates count", needsCorpus(), async () => {
    const a = await corpusBody("linux-kbuild/linux-kbuild-2021-01.mbox", "20210112125534.70280-28-sashal@kernel.org");
    assert.deepEqual(extractKernelVersions(extractContext(a.subject, a.body)), ["5.10"]);
    const b = await corpusBody("linux-kbuild/linux-kbuild-2021-01.mbox", "20210121160115.4676-1-lukas.bulwahn@gmail.com");
    assert.deepEqual(extractKernelVersions(extractContext(b.subject, b.body)), ["next-20210121"]);
  });
  test("on real mail: a robot's branch name linux-5.2.y-rt-rebase is not a release", needsCorpus(), async () => {
    const { subject, body } = await corpusBody("cbl-googlegroup/clang-built-linux-2019-08.mbox", "201908272128.94yS48UO%lkp@intel.com");
    assert.match(subject, /linux-5\.2\.y-rt-rebase/);
    assert.deepEqual(extractKernelVersions(extractContext(subject, body)), []);
  });
  test("linux-X.Y as a directory or a repository name is not a version; as a word it is", () => {
    // real lines from the linux-kbuild archive: a build error, a diffstat, a robot's tree: line
    assert.deepEqual(of("make[1]: *** [/usr/src/mydisk/kernel/linux-6.12.32-64/Makefile:1945: .] Error 2"), []);
    assert.deepEqual(of(" .../linux-6.4.10/arch/alpha/Kconfig.debug     |    38 +"), []);
    assert.deepEqual(of("tree:   https://github.com/superna9999/linux linux-5.3-le-amlogic"), []);
    assert.deepEqual(of("cd linux-6.6/ && make"), []);
    assert.deepEqual(of("I tested it on linux-6.12 and linux-5.10-rc1."), ["6.12", "5.10-rc1"]);
  });
  test("written forms, and dotted numbers that are not kernel versions", () => {
    assert.deepEqual(of("Linux version 6.16.0-rc7-next-20250723 (gcc)"), ["6.16.0-rc7-next-20250723"]);
    assert.deepEqual(of("Since v7.0-rc1 and on 5.15.y, Linux 5.10.0 too"), ["7.0-rc1", "5.10.0", "5.15.y"]);
    assert.deepEqual(of("", "[PATCH AUTOSEL 5.6 12/30] kbuild: foo"), ["5.6"]);
    assert.deepEqual(of("ping 192.168.1.10, git 2.32.0, binutils 2.36, gcc 4.9.4, tag clang-lto-v5.12-rc1"), []);
  });
});
