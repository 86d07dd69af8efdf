import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { corpusFile, needsCorpus } from "../lib/testing/corpus";
import { readSources } from "./read/index";
import type { ParsedMessage, RawMessage } from "./types";
import { IngestError, parseMessage } from "./parse";

async function raws(rel: string): Promise<RawMessage[]> {
  const out: RawMessage[] = [];
  for await (const m of readSources([corpusFile(rel)], { warn: () => {} })) out.push(m);
  return out;
}

async function parsed(rel: string, index = 1): Promise<ParsedMessage> {
  return parseMessage((await raws(rel))[index - 1]);
}

describe("parseMessage", needsCorpus(), () => {
  test("headers: Message-ID, subject, author, recipients, date, lists", async () => {
    const m = await parsed("linux-kbuild/linux-kbuild-2021-01.mbox", 57);
    assert.equal(m.messageId, "17c5b8c7-80c4-c2b4-6eaf-704bfabb0a3c@linux.com");
    assert.equal(m.synthetic, false);
    assert.deepEqual(m.lists, ["linux-kbuild"]);
    assert.ok(m.date instanceof Date);
    assert.ok(m.body.includes("\nFrom driver/block/Makefile:\n"), "the mboxrd escape is undone in the body");
    assert.ok(m.to.length > 0 && m.to.every((a) => a.address.includes("@")));
  });

  test("ISO-2022-JP encoded sender name", async () => {
    const m = await parsed("git-t5100/sample.mbox", 4);
    assert.deepEqual(m.from, { name: "YOSHIFUJI Hideaki / 吉藤英明", address: "yoshfuji@linux-ipv6.org" });
    assert.equal(m.messageId, "20050721.091036.01119516.yoshfuji@linux-ipv6.org");
  });

  test("gb2312 body", async () => {
    const m = await parsed("notmuch/lkml.mbox", 138);
    assert.equal(m.messageId, "1671200DA80140558ED0D17FB55585AD@usish.com.cn");
    assert.ok(m.body.includes("Thanks！\n"));
  });

  test("windows-1252 QP body and windows-1256 RFC 2047 subject", async () => {
    const a = await parsed("perceval/nntp_2.eml");
    assert.ok(a.body.includes("Le 15/03/2016 12:05, Fernando Jiménez Moreno a écrit :"));
    const b = await parsed("perceval/nntp_parsing_error.eml");
    assert.equal(b.subject, "Re: بعد المغرب السودان");
  });

  test("iso-8859-1 body", async () => {
    const m = await parsed("patchew/0005-non-utf-8.eml");
    assert.ok(m.body.includes("Alex Bennée wrote"));
  });

  test("an invalid charset name falls back to UTF-8; invalid bytes become U+FFFD", async () => {
    const a = await parsed("patchew/0007-invalid-charset.eml");
    assert.ok(a.body.includes("client won’t authenti"));
    const b = await parsed("patchew/0010-invalid-byte.eml");
    assert.ok(b.body.includes("but the \uFFFD> \uFFFD\uFFFD text"));
  });

  test("HTML-only mail becomes text; the HTML is not kept", async () => {
    // No list mail in the corpus is HTML-only (vger refuses HTML), so two are made from the one
    // multipart/alternative HTML newsletter by dropping its text/plain part.
    const file = corpusFile("notmuch/html-embedded-image.eml");
    const lines = fs.readFileSync(file, "latin1").split("\n");
    const boundaries = lines.flatMap((l, i) => (l.startsWith("--=-1468922508") ? [i] : []));
    assert.equal(boundaries.length, 3);
    const [textStart, htmlStart, end] = boundaries;
    const headers = lines.slice(0, lines.indexOf("")).filter((l) => !/^(Content-Type|MIME-Version):/i.test(l));
    const htmlPart = lines.slice(htmlStart + 1, end);
    const variants = {
      "text/html at the root": [...headers, "MIME-Version: 1.0", ...htmlPart],
      "multipart/alternative with only text/html": [...lines.slice(0, textStart), ...lines.slice(htmlStart)],
    };
    for (const [what, variant] of Object.entries(variants)) {
      const m = await parseMessage({ raw: Buffer.from(variant.join("\n"), "latin1"), source: { path: file, index: 1, byteOffset: 0 } });
      assert.ok(m.body.includes("Malmö"), what);
      assert.ok(m.body.includes("Fastighetsägaren"), what);
      assert.ok(!/<\/?(p|div|img|br|html|body|a)\b/i.test(m.body), what);
      assert.equal(m.subject, "Tack alla trafikanter och fotgängare!");
    }
  });

  test("attachments are recorded with name, type and decoded size, and kept out of the body", async () => {
    const m = await parsed("cbl-googlegroup/clang-built-linux-2019-08.mbox", 2);
    assert.equal(m.messageId, "201908010232.VAMa5bkC%lkp@intel.com");
    assert.deepEqual(m.attachments, [{ filename: ".config.gz", contentType: "application/gzip", size: 7301 }]);
    assert.ok(!m.body.includes("H4sI"), "no base64 in the body");
  });

  test("CRLF mail: the body has LF line ends, raw keeps CRLF", async () => {
    const m = await parsed("patchwork/mail/0018-git-pull-request-crlf-newlines.mbox");
    assert.ok(!m.body.includes("\r"));
    assert.ok(m.raw.includes("\r\n"));
    assert.equal(m.messageId, "1287719462.2198.37.camel@pasglop");
    assert.equal(m.subject, "[git pull] Please pull powerpc.git next branch");
  });

  test("mail without a Message-ID gets a synthetic id, the same on every read", async () => {
    const first = await parsed("patchwork/mail/0008-git-rename.mbox");
    const again = await parsed("patchwork/mail/0008-git-rename.mbox");
    const other = await parsed("patchwork/mail/0009-git-rename-with-diff.mbox");
    assert.equal(first.synthetic, true);
    assert.match(first.messageId, /^[0-9a-f]{32}@crosslore\.invalid$/);
    assert.equal(again.messageId, first.messageId);
    assert.notEqual(other.messageId, first.messageId);
  });

  test("notmuch/duplicate.mbox: 9 copies of 3 messages (2 + 2 + 5)", async () => {
    const all = await Promise.all((await raws("notmuch/duplicate.mbox")).map(parseMessage));
    assert.equal(all.length, 9);
    const counts = new Map<string, number>();
    for (const m of all) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
    assert.deepEqual([...counts.values()].sort(), [2, 2, 5]);
    assert.ok(all.every((m) => !m.synthetic));
  });

  test("Google-Groups munged From shows the real author", async () => {
    const m = await parsed("cbl-googlegroup/clang-built-linux-2019-08.mbox", 5);
    assert.equal(m.messageId, "20190731221721.187713-4-saravanak@google.com");
    assert.deepEqual(m.from, { name: "Saravana Kannan", address: "saravanak@google.com" });
    assert.deepEqual(m.lists, ["clang-built-linux"]);
  });

  test("no munged sender is left anywhere in the Google-Groups corpus", async () => {
    for (const rel of ["cbl-googlegroup/clang-built-linux-2019-08.mbox", "kasan-dev/kasan-dev-2024-06.mbox"]) {
      for (const raw of await raws(rel)) {
        const m = await parseMessage(raw);
        assert.ok(!/ via /.test(m.from.name) && !m.from.address.endsWith("@googlegroups.com"), `${rel} #${raw.source.index}: ${JSON.stringify(m.from)}`);
      }
    }
  });

  test("several References headers: oldest first, ending with the In-Reply-To parent", async () => {
    const m = await parsed("patchwork/series/bugs-multiple-references.mbox", 3);
    assert.equal(m.messageId, "ed9beaec36649c862369a34ea209822c00d86f52.1495511998.git.viresh.kumar@linaro.org");
    assert.equal(m.inReplyTo, "b9f67b2be37d5e9740a5e1ed85b0e8b4e5c0eb91.1495511998.git.viresh.kumar@linaro.org");
    assert.deepEqual(m.references, ["cover.1495511998.git.viresh.kumar@linaro.org", "b9f67b2be37d5e9740a5e1ed85b0e8b4e5c0eb91.1495511998.git.viresh.kumar@linaro.org"]);
  });

  test("every fuzzed patchwork mail is parsed or rejected with an IngestError, never a crash", async () => {
    const dir = corpusFile("patchwork/fuzz");
    let ok = 0;
    let rejected = 0;
    for (const name of fs.readdirSync(dir)) {
      for (const raw of await raws(path.join("patchwork/fuzz", name))) {
        try {
          const m = await parseMessage(raw);
          assert.equal(typeof m.messageId, "string");
          assert.ok(m.messageId.length > 0);
          assert.ok(m.date === null || !Number.isNaN(m.date.getTime()));
          ok++;
        } catch (err) {
          assert.ok(err instanceof IngestError, `${name}: ${String(err)}`);
          assert.ok(err.message.startsWith(raw.source.path), "the error names the source");
          rejected++;
        }
      }
    }
    assert.equal(ok + rejected, 19);
    assert.ok(ok >= 17);
  });

  test("a message that is not mail is an IngestError naming file, index and byte", async () => {
    const msgs = await raws("patchwork/fuzz/name-len.mbox");
    assert.equal(msgs.length, 2);
    // The second "message" is the tail of a fuzzed diff that happened to follow a blank line and "From ".
    await assert.rejects(parseMessage(msgs[1]), (err: Error) => {
      assert.ok(err instanceof IngestError);
      assert.match(err.message, /name-len\.mbox: message 2 at byte [\d,]+: no header fields/);
      return true;
    });
    await assert.rejects(parseMessage({ raw: Buffer.from("\r\n \n"), source: { path: "x.mbox", index: 3, byteOffset: 9 } }), /x\.mbox: message 3 at byte 9: empty message/);
  });

  test("every message of the small corpus files parses", async () => {
    for (const dir of ["patchwork/mail", "patchwork/series", "patchew", "perceval", "notmuch", "git-t5100", "public-inbox"]) {
      for await (const raw of readSources([corpusFile(dir)], { warn: () => {} })) {
        const m = await parseMessage(raw);
        assert.ok(!m.body.includes("\r\n"), `${raw.source.path} #${raw.source.index}`);
        assert.ok(m.subject === m.subject.trim() && !/\s\s/.test(m.subject));
      }
    }
  });
});
