import assert from "node:assert/strict";
import fs from "node:fs";
import { Readable } from "node:stream";
import { describe, test } from "node:test";
import { corpusFile, needsCorpus } from "../../lib/testing/corpus";
import type { RawMessage } from "../types";
import { splitMbox, unquoteFromLines } from "./mbox";

async function split(bytes: Buffer, chunkSize = 1 << 20): Promise<RawMessage[]> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const out: RawMessage[] = [];
  for await (const m of splitMbox(Readable.from(chunks), "test.mbox")) out.push(m);
  return out;
}

async function splitFile(rel: string): Promise<RawMessage[]> {
  const out: RawMessage[] = [];
  for await (const m of splitMbox(fs.createReadStream(corpusFile(rel)), rel)) out.push(m);
  return out;
}

/** The uncompressed .mbox rows of MANIFEST.md: file and message count. */
function manifestCounts(): [string, number][] {
  const manifest = fs.readFileSync(corpusFile("MANIFEST.md"), "utf8");
  return [...manifest.matchAll(/^\| `([^`]+\.mbox)` \| [^|]* \| (\d+) \|/gm)].map((m) => [m[1], Number(m[2])]);
}

describe("splitMbox", needsCorpus(), () => {
  test("message counts equal MANIFEST.md for every corpus mbox", async () => {
    const rows = manifestCounts();
    assert.ok(rows.length >= 60, `MANIFEST lists ${rows.length} .mbox files`);
    for (const [rel, want] of rows) assert.equal((await splitFile(rel)).length, want, rel);
  });

  test("git-t5100/sample.mbox: 14 messages by the blank-line rule, leading whitespace lines skipped", async () => {
    const msgs = await splitFile("git-t5100/sample.mbox");
    assert.equal(msgs.length, 14);
    // The file opens with three whitespace-only lines (4 + 2 + 5 bytes with their newlines).
    assert.equal(msgs[0].source.byteOffset, 12);
    assert.match(msgs[0].raw.toString(), /^From: A \(zzz\)\n/);
  });

  test("byte offsets point at each From_ line; indexes count from 1", async () => {
    for (const rel of ["notmuch/lkml.mbox", "git-t5100/sample.mbox", "perceval/mbox_complex.mbox"]) {
      const bytes = fs.readFileSync(corpusFile(rel));
      const msgs = await splitFile(rel);
      msgs.forEach((m, i) => {
        assert.equal(m.source.index, i + 1);
        assert.equal(bytes.toString("latin1", m.source.byteOffset, m.source.byteOffset + 5), "From ", `${rel} #${i + 1}`);
      });
    }
  });

  test("mboxrd: one '>' is removed from >+From lines, other lines untouched", async () => {
    const msgs = await splitFile("git-t5100/sample.mboxrd");
    assert.equal(msgs.length, 2);
    assert.equal(
      msgs[0].raw.toString(),
      "From: mboxrd writer <mboxrd@example.com>\nDate: Fri, 9 Jun 2006 00:44:16 -0700\nSubject: [PATCH] a commit with escaped From lines\n\n" +
        "From the beginning, mbox should have been mboxrd\n>From escaped\nFrom not mangled but this line should have been escaped\n",
    );
    const second = msgs[1].raw.toString();
    assert.ok(second.includes("\n >From unchanged\n From also unchanged\n"));
    assert.ok(second.endsWith("was intended:\n>From\n"), "a bare '>From' with no space is not a quoted From_ line");
  });

  test("mboxrd: the '>From ' escape in a linux-kbuild message is undone", async () => {
    const msgs = await splitFile("linux-kbuild/linux-kbuild-2021-01.mbox");
    const m = msgs[56];
    assert.match(m.raw.toString(), /Message-ID: <17c5b8c7-80c4-c2b4-6eaf-704bfabb0a3c@linux\.com>/);
    assert.ok(m.raw.includes("\nFrom driver/block/Makefile:\n"));
    assert.ok(!m.raw.includes(">From driver/block/Makefile"));
  });

  test("mboxo: unescaped From lines not after a blank line stay in the body; '>'-quoting loses one '>'", async () => {
    const file = fs.readFileSync(corpusFile("git-t5100/sample.mbox"), "latin1");
    const fromLines = file.match(/^From .*$/gm) ?? [];
    assert.equal(fromLines.length, 18);
    const msgs = await splitFile("git-t5100/sample.mbox");
    const inBodies = msgs.flatMap((m) => m.raw.toString("latin1").match(/^From .*$/gm) ?? []);
    assert.equal(inBodies.length, 18 - 14);
    for (const line of inBodies) assert.ok(fromLines.includes(line));

    const complex = await splitFile("perceval/mbox_complex.mbox");
    const text = complex.map((m) => m.raw.toString("latin1")).join("");
    assert.ok(text.includes("\n>>From the 2.3M + 17M MO files in Ubuntu 7.10"));
    assert.ok(!text.includes(">>>From the 2.3M"));
  });

  test("CRLF throughout (patchwork 0018): one message, original line ends kept, From_ line dropped", async () => {
    const bytes = fs.readFileSync(corpusFile("patchwork/mail/0018-git-pull-request-crlf-newlines.mbox"));
    const msgs = await splitFile("patchwork/mail/0018-git-pull-request-crlf-newlines.mbox");
    assert.equal(msgs.length, 1);
    const raw = msgs[0].raw;
    assert.ok(raw.subarray(0, 14).equals(Buffer.from("Return-Path: <")));
    assert.equal(msgs[0].source.byteOffset, 0);
    assert.ok(bytes.subarray(bytes.indexOf("\r\n") + 2).subarray(0, raw.length).equals(raw));
    assert.equal(raw.toString("latin1").split("\n").length - 1, raw.toString("latin1").split("\r\n").length - 1, "every LF is part of a CRLF");
  });

  test("CRLF mbox of many messages splits like its LF original", async () => {
    const lf = fs.readFileSync(corpusFile("notmuch/duplicate.mbox"));
    const crlf = Buffer.from(lf.toString("latin1").replace(/\n/g, "\r\n"), "latin1");
    const a = await split(lf);
    const b = await split(crlf);
    assert.equal(b.length, 9);
    b.forEach((m, i) => assert.ok(m.raw.equals(Buffer.from(a[i].raw.toString("latin1").replace(/\n/g, "\r\n"), "latin1"))));
  });

  test("no final newline: the last message keeps its bytes and is not lost", async () => {
    const bytes = fs.readFileSync(corpusFile("notmuch/duplicate.mbox"));
    assert.ok(bytes.subarray(-2).equals(Buffer.from("\n\n")));
    const full = await split(bytes);
    const cut = await split(bytes.subarray(0, bytes.length - 2));
    assert.equal(cut.length, 9);
    assert.ok(cut[8].raw.equals(full[8].raw.subarray(0, full[8].raw.length - 1)));
    const patch = await splitFile("patchwork/mail/0011-no-newline-at-end-of-file.mbox");
    assert.equal(patch.length, 1);
  });

  test("the blank separator line is dropped; the message's own last newline is kept", async () => {
    const msgs = await splitFile("notmuch/duplicate.mbox");
    const bytes = fs.readFileSync(corpusFile("notmuch/duplicate.mbox"));
    for (let i = 0; i < msgs.length - 1; i++) {
      const next = msgs[i + 1].source.byteOffset;
      assert.equal(bytes.toString("latin1", next - 2, next), "\n\n");
      assert.ok(msgs[i].raw.subarray(-1).equals(Buffer.from("\n")));
    }
  });

  test("a file with no From_ line is one message, byte for byte", async () => {
    const bytes = fs.readFileSync(corpusFile("patchwork/mail/0008-git-rename.mbox"));
    assert.ok(!bytes.subarray(0, 5).equals(Buffer.from("From ")));
    const msgs = await splitFile("patchwork/mail/0008-git-rename.mbox");
    assert.equal(msgs.length, 1);
    assert.ok(msgs[0].raw.equals(bytes));
  });

  test("chunk boundaries anywhere give the same messages", async () => {
    const bytes = fs.readFileSync(corpusFile("notmuch/default.mbox"));
    const whole = await split(bytes);
    for (const size of [1, 5, 6, 7, 4093]) {
      const parts = await split(bytes, size);
      assert.equal(parts.length, whole.length, `chunk size ${size}`);
      parts.forEach((m, i) => {
        assert.ok(m.raw.equals(whole[i].raw), `chunk size ${size}, message ${i + 1}`);
        assert.equal(m.source.byteOffset, whole[i].source.byteOffset);
      });
    }
  });
});

test("unquoteFromLines only touches lines that are all '>' then 'From '", () => {
  const body = Buffer.from(">From a\n>>From b\nx>From c\n >From d\n>From\n");
  assert.equal(unquoteFromLines(body).toString(), "From a\n>From b\nx>From c\n >From d\n>From\n");
});
