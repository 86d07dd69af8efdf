import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { gunzipSync } from "node:zlib";
import { corpusFile, needsCorpus } from "../testing/corpus";
import { splitMbox } from "../../ingest/read/mbox";
import type { RawMessage } from "../../ingest/types";
import { MBOXRD_FROM_LINE, mboxrdEntry, toMboxrd, toMboxrdGz } from "./mboxrd";

async function split(bytes: Buffer): Promise<RawMessage[]> {
  const out: RawMessage[] = [];
  async function* once() {
    yield bytes;
  }
  for await (const m of splitMbox(once(), "test.mbox")) out.push(m);
  return out;
}

test("body lines starting 'From ' or '>From ' gain one '>', other lines stay", () => {
  const raw = Buffer.from("Subject: x\n\nFrom here on\n>From there\n>>From afar\n From indented\nFromage\n");
  const entry = mboxrdEntry(raw).toString();
  assert.equal(
    entry,
    MBOXRD_FROM_LINE + "Subject: x\n\n>From here on\n>>From there\n>>>From afar\n From indented\nFromage\n\n",
  );
});

test("a message without a final newline still ends with one plus the blank separator", () => {
  assert.equal(mboxrdEntry(Buffer.from("Subject: x\r\n\r\nbody")).toString(), MBOXRD_FROM_LINE + "Subject: x\r\n\r\nbody\n\n");
});

test("lkml.mbox: the message with a 'From ' body line is exported as '>From ' and reads back byte for byte", needsCorpus(), async () => {
  const messages = await split(fs.readFileSync(corpusFile("notmuch/lkml.mbox")));
  assert.equal(messages.length, 210);
  const withFrom = messages.filter((m) => /^From my point of view/m.test(m.raw.toString("latin1")));
  assert.equal(withFrom.length, 1, "the corpus has exactly one body line starting 'From ' (MANIFEST)");
  const exported = toMboxrd(withFrom.map((m) => m.raw)).toString("latin1");
  assert.match(exported, /^>From my point of view my current approach/m);
  assert.doesNotMatch(exported.slice(MBOXRD_FROM_LINE.length), /^From /m);

  const back = await split(gunzipSync(toMboxrdGz(messages.map((m) => m.raw))));
  assert.equal(back.length, messages.length);
  back.forEach((m, i) => assert.ok(m.raw.equals(messages[i].raw), `message ${i + 1} changed in the round trip`));
});

test("kbuild 2021-01: all 626 messages (CRLF and 8-bit bytes included) survive export and re-reading", needsCorpus(), async () => {
  const messages = await split(fs.readFileSync(corpusFile("linux-kbuild/linux-kbuild-2021-01.mbox")));
  assert.equal(messages.length, 626);
  const back = await split(toMboxrd(messages.map((m) => m.raw)));
  assert.equal(back.length, 626);
  back.forEach((m, i) => assert.ok(m.raw.equals(messages[i].raw), `message ${i + 1} changed in the round trip`));
});
