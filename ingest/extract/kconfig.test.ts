import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { needsCorpus } from "../../lib/testing/corpus";
import { corpusBody } from "./corpus-bodies";
import { extractContext } from "./context";
import { extractConfigs } from "./kconfig";

describe("extractConfigs", () => {
  test("on real mail: scripts/config -e and options in the reporter's own diff", needsCorpus(), async () => {
    const { subject, body } = await corpusBody("linux-kbuild/linux-kbuild-2021-01.mbox", "20210111210418.GA3660906@ubuntu-m3-large-x86");
    assert.deepEqual(extractConfigs(extractContext(subject, body)), [
      { name: "CONFIG_PGO_CLANG", value: "y" },
      { name: "CONFIG_TTY_PRINTK", value: null },
      { name: "CONFIG_ATARI_DSP56K", value: null },
    ]);
  });
  test("values, 'is not set', scripts/config flags, -D defines; make variables and prefixes are not options", () => {
    const body = [
      "CONFIG_KASAN=y and CONFIG_FRAME_WARN=2048, CONFIG_CMDLINE=\"quiet\"",
      "# CONFIG_WERROR is not set",
      "$ scripts/config -e LTO_CLANG_THIN -d LTO_NONE -m TEST_KMOD --set-val NR_CPUS 8",
      "-DCONFIG_AS_AVX=1 with CONFIG_SHELL and CONFIG_ARCH_* and CONFIG_",
    ].join("\n");
    assert.deepEqual(extractConfigs(extractContext("", body)), [
      { name: "CONFIG_WERROR", value: "n" },
      { name: "CONFIG_KASAN", value: "y" },
      { name: "CONFIG_FRAME_WARN", value: "2048" },
      { name: "CONFIG_CMDLINE", value: '"quiet"' },
      { name: "CONFIG_AS_AVX", value: "1" },
      { name: "CONFIG_LTO_CLANG_THIN", value: "y" },
      { name: "CONFIG_LTO_NONE", value: "n" },
      { name: "CONFIG_TEST_KMOD", value: "m" },
      { name: "CONFIG_NR_CPUS", value: "8" },
    ]);
  });
});
