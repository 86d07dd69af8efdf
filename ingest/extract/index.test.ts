import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { needsCorpus } from "../../lib/testing/corpus";
import { corpusBody } from "./corpus-bodies";
import { EXTRACT_VERSION, extractEntities } from "./index";

describe("extractEntities", () => {
  test("facet tags follow the listings and the bisection result", needsCorpus(), async () => {
    const patch = extractEntities(await corpusBody("cbl-googlegroup/clang-built-linux-2019-08.mbox", "20190807221539.94583-1-ndesaulniers@google.com"));
    assert.deepEqual(patch.tags, ["arch:x86", "has:disasm", "has:patch"]);
    const robot = extractEntities(await corpusBody("cbl-googlegroup/clang-built-linux-2019-08.mbox", "201908010232.VAMa5bkC%lkp@intel.com"));
    assert.deepEqual(robot.tags, ["arch:x86", "has:bisect", "has:build-log"]);
  });
  test("an empty or blank body gives nothing", () => {
    assert.ok(EXTRACT_VERSION >= 1);
    for (const body of ["", "\n\n  \n"]) {
      const e = extractEntities({ subject: "", body });
      assert.deepEqual(Object.values(e).flat(), []);
    }
  });
});
