import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { needsCorpus } from "../../lib/testing/corpus";
import { corpusBody } from "./corpus-bodies";
import { sampleFile } from "../../lib/testing/corpus";
import { segmentBody } from "../../lib/mail/segment";
import { parseMessage } from "../parse";
import { readAll } from "../testing";
import { EXTRACT_VERSION, extractBatch, extractEntities } from "./index";

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

describe("extractBatch", () => {
  test("finds what extractEntities finds, message by message (kbuild and ClangBuiltLinux samples)", async () => {
    const inputs: { subject: string; body: string; blocks: ReturnType<typeof segmentBody> }[] = [];
    for (const name of ["linux-kbuild-2021-01.mbox.gz", "clang-built-linux-2019-08.mbox.gz"]) {
      for (const raw of await readAll(sampleFile(name))) {
        const { subject, body } = await parseMessage(raw);
        inputs.push({ subject, body, blocks: segmentBody(body) });
      }
    }
    const batch = extractBatch(inputs);
    assert.equal(batch.length, inputs.length);
    batch.forEach((b, i) => assert.deepEqual(b, { entities: extractEntities(inputs[i], inputs[i].blocks), error: null }));
    assert.ok(batch.filter((b) => b.entities!.commits.length > 0).length > 20);
  });
  test("an extractor that throws fails that message only, naming the extractor", () => {
    const good = { subject: "", body: "Fixes: 1234567890ab (\"x: y\")" };
    // a listing whose lines cannot be joined: the context is built (it slices the body), the snippet extractor fails
    const unjoinable = Object.assign(["x"], { join: () => { throw new Error("no join"); } });
    const badSnippet = { subject: "", body: "x", blocks: [{ type: "code", start: 0, lines: unjoinable, kind: "asm" }] } as never;
    // no lines at all: not even the context can be built
    const badContext = { subject: "", body: "x", blocks: [{ type: "paragraph", start: 0, lines: null }] } as never;
    const [a, b, c, d] = extractBatch([{ ...good, blocks: segmentBody(good.body) }, badSnippet, badContext, { ...good, blocks: segmentBody(good.body) }]);
    assert.equal(a.entities?.commits[0].role, "fixes");
    assert.deepEqual([b.entities, c.entities], [null, null]);
    assert.match(b.error ?? "", /^snippets: /);
    assert.match(c.error ?? "", /^context: /);
    assert.deepEqual(d, a);
  });
});
