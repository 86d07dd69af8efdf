import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { corpusFile, needsCorpus } from "../lib/testing/corpus";
import { parseMessage } from "./parse";
import { readAll } from "./testing";
import { linkMessage, referenceChain, threadMessages, type Container, type ThreadedMessage } from "./thread";

const COVER = "cover.1289789604.git.joe@perches.com"; // [PATCH 00/44] remove unnecessary semicolons
const PATCH_44 = "97fd199b7dac50613f6843156687223928cce44a.1289789605.git.joe@perches.com";

function shapes(messages: ThreadedMessage[]): string[] {
  return threadMessages(messages)
    .threads.map((t) => JSON.stringify({ root: t.root, subject: t.subject, members: [...t.messageIds].sort() }))
    .sort();
}

describe("JWZ threading of notmuch/lkml.mbox", needsCorpus(), () => {
  let messages: ThreadedMessage[] = [];
  before(async () => {
    messages = [];
    for (const raw of await readAll(corpusFile("notmuch/lkml.mbox"))) messages.push(await parseMessage(raw));
  });

  test("the 44-patch series: every patch under the cover letter, the thread named after it", () => {
    const { containers, threads } = threadMessages(messages);
    const series = threads.find((t) => t.root === COVER)!;
    assert.equal(series.subject, "[PATCH 00/44] remove unnecessary semicolons");
    assert.equal(containers.get(PATCH_44)!.parent, COVER);
    // 03/44 came through uml-user ("[uml-user] [PATCH 03/44] ..."), 29/44 has an RFC 2047-encoded subject.
    const patches = messages.filter((m) => /^(\[[\w-]+\] )?\[PATCH (0[1-9]|[1-4]\d)\/44\]/.test(m.subject));
    assert.equal(new Set(patches.map((m) => m.messageId)).size, 44);
    for (const p of patches) {
      // 42/44 has References: the cover, but In-Reply-To: the cover's gmane-munged id
      // (cover.1289789604.git.joe-6d6DIl74uiNBDgjK7y7TUQ@public.gmane.org). In-Reply-To is the direct
      // parent, a ghost, which the References chain puts under the real cover letter.
      const parent = containers.get(p.messageId)!.parent!;
      if (parent !== COVER) {
        assert.ok(containers.get(parent)!.ghost, p.subject);
        assert.equal(containers.get(parent)!.parent, COVER, p.subject);
      }
      assert.ok(series.messageIds.includes(p.messageId));
    }
  });

  test("the thread set does not depend on the order messages arrive in", () => {
    const forward = shapes(messages);
    assert.deepEqual(shapes([...messages].reverse()), forward);
    const half = Math.floor(messages.length / 2);
    assert.deepEqual(shapes([...messages.slice(half), ...messages.slice(0, half)]), forward);
  });

  test("every container's parent chain ends (no loops), ghosts only for ids never seen", () => {
    const { containers } = threadMessages(messages);
    const real = new Set(messages.map((m) => m.messageId));
    for (const c of containers.values()) {
      const seen = new Set<string>();
      for (let x: Container | undefined = c; x && x.parent; x = containers.get(x.parent)) {
        assert.ok(!seen.has(x.id), `loop through ${x.id}`);
        seen.add(x.id);
      }
      assert.equal(c.ghost, !real.has(c.id));
    }
  });

  test("a References chain that would make a loop is not followed", () => {
    const cover = messages.find((m) => m.messageId === COVER)!;
    const patch = messages.find((m) => m.messageId === PATCH_44)!;
    // A cover letter that (wrongly) refers to its own patch, arriving after the patch.
    const looping = { ...cover, references: [PATCH_44], inReplyTo: PATCH_44 };
    assert.deepEqual(referenceChain(looping), [PATCH_44]);
    const { containers } = threadMessages([patch, looping]);
    assert.equal(containers.get(PATCH_44)!.parent, COVER);
    assert.equal(containers.get(COVER)!.parent, null);
    const links = linkMessage(looping, { parentOf: (id) => containers.get(id)?.parent, isReal: () => true });
    assert.equal(links.size, 0);
  });
});
