import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { corpusFile, needsCorpus } from "../lib/testing/corpus";
import { readSources } from "./read/index";
import { parseMessage } from "./parse";
import { foldSubject, listNames, listShortName, parseMailDate, pipermailAuthor, realAuthor } from "./normalize";

// Values below are header values found in the corpus.

test("listShortName: List-Id and X-Mailing-List values to lore names", () => {
  assert.equal(listShortName("<linux-kbuild.vger.kernel.org>"), "linux-kbuild");
  assert.equal(listShortName("<clang-built-linux.googlegroups.com>"), "clang-built-linux");
  assert.equal(listShortName("kasan-dev@googlegroups.com"), "kasan-dev");
  assert.equal(listShortName("linux-kbuild@vger.kernel.org"), "linux-kbuild");
  assert.equal(listShortName("<linux-kernel.vger.kernel.org>"), "lkml");
  assert.equal(listShortName("Linux on PowerPC Developers Mail List <linuxppc-dev.lists.ozlabs.org>"), "linuxppc-dev");
  assert.equal(listShortName('"Use and development of the notmuch mail system." <notmuch.notmuchmail.org>'), "notmuch");
  assert.equal(listShortName("linux-cifs-u79uwXL29TY76Z2rM5mHXA@public.gmane.org"), "linux-cifs");
  assert.equal(listShortName("The user-mode Linux user list"), null);
});

test("listNames: List-Id wins over a gmane-obfuscated X-Mailing-List", () => {
  assert.deepEqual(
    listNames([
      { name: "x-mailing-list", value: "linux-cifs-u79uwXL29TY76Z2rM5mHXA@public.gmane.org" },
      { name: "list-id", value: "<linux-cifs.vger.kernel.org>" },
    ]),
    ["linux-cifs"],
  );
  assert.deepEqual(listNames([{ name: "x-mailing-list", value: "linux-kbuild@vger.kernel.org" }]), ["linux-kbuild"]);
  assert.deepEqual(listNames([{ name: "subject", value: "x" }]), []);
});

test("parseMailDate: RFC 5322 and common deviations; unparseable or absurd dates are null", () => {
  const now = Date.UTC(2026, 10, 21);
  assert.equal(parseMailDate("Fri, 9 Jun 2006 00:44:16 -0700", now)?.toISOString(), "2006-06-09T07:44:16.000Z");
  assert.equal(parseMailDate("Tue, 19 Jul 2016 11:54:24 +0200", now)?.toISOString(), "2016-07-19T09:54:24.000Z");
  assert.equal(parseMailDate("Fri, 22 Jan 2021 08:52:25 -0800", now)?.toISOString(), "2021-01-22T16:52:25.000Z");
  assert.equal(parseMailDate("Mon, 17 Sep 2012 14:23:44 -0700 (PDT)", now)?.toISOString(), "2012-09-17T21:23:44.000Z");
  assert.equal(parseMailDate("17 Nov 09 15:33:01 EST", now)?.toISOString(), "2009-11-17T20:33:01.000Z");
  assert.equal(parseMailDate("Sat, 30 Jan 2021 02:14:13 -0000", now)?.toISOString(), "2021-01-30T02:14:13.000Z");
  assert.equal(parseMailDate("2016-07-19 11:54:24 +0200", now)?.toISOString(), "2016-07-19T09:54:24.000Z");
  assert.equal(parseMailDate("on, 05 Dec 2011 16:49:35 -0800", now)?.toISOString(), "2011-12-06T00:49:35.000Z");
  assert.equal(parseMailDate("Thu, 01 Jan 1970 00:00:00 +0000", now), null);
  assert.equal(parseMailDate("Sat, 31 Dec 2077 12:00:00 +0000", now), null);
  assert.equal(parseMailDate("Wed, 4 Dec 2019 99:00:00 +0000", now), null);
  assert.equal(parseMailDate("1", now), null);
  assert.equal(parseMailDate("", now), null);
  assert.equal(parseMailDate(undefined, now), null);
});

test("foldSubject folds whitespace from header folding", () => {
  assert.equal(foldSubject(" Re: [PATCH v9 00/16] Add support\n\tfor Clang LTO  "), "Re: [PATCH v9 00/16] Add support for Clang LTO");
});

test("realAuthor: X-Original-From, else Reply-To, else the unwrapped name", () => {
  const from = [{ name: "'Nathan Chancellor' via Clang Built Linux", address: "clang-built-linux@googlegroups.com" }];
  const nathan = { name: "Nathan Chancellor", address: "natechancellor@gmail.com" };
  assert.deepEqual(realAuthor({ from, replyTo: [], originalFrom: [nathan] }), nathan);
  assert.deepEqual(realAuthor({ from, replyTo: [nathan], originalFrom: [] }), nathan);
  assert.deepEqual(realAuthor({ from, replyTo: [], originalFrom: [] }), { name: "Nathan Chancellor", address: "clang-built-linux@googlegroups.com" });
  const plain = [{ name: "Masahiro Yamada", address: "masahiroy@kernel.org" }];
  assert.deepEqual(realAuthor({ from: plain, replyTo: [{ name: "", address: "other@example.org" }], originalFrom: [] }), plain[0]);
});

describe("normalize on real Google-Groups mail", needsCorpus(), () => {
  test("munged sender with X-Original-From or Reply-To removed", async () => {
    let raw: Buffer | undefined;
    for await (const m of readSources([corpusFile("cbl-googlegroup/clang-built-linux-2019-08.mbox")])) {
      if (m.source.index === 5) {
        raw = m.raw;
        break;
      }
    }
    assert.ok(raw);
    const text = raw.toString("latin1");
    assert.match(text, /^From: "'Saravana Kannan' via Clang Built Linux" <clang-built-linux@googlegroups.com>$/m);
    const source = { path: "cbl.mbox", index: 5, byteOffset: 0 };
    const withoutOriginal = text.replace(/^X-Original-From:.*\n/m, "");
    const a = await parseMessage({ raw: Buffer.from(withoutOriginal, "latin1"), source });
    assert.deepEqual(a.from, { name: "Saravana Kannan", address: "saravanak@google.com" });
    const neither = withoutOriginal.replace(/^Reply-To:.*\n/m, "");
    const b = await parseMessage({ raw: Buffer.from(neither, "latin1"), source });
    assert.deepEqual(b.from, { name: "Saravana Kannan", address: "clang-built-linux@googlegroups.com" });
  });
});

test("pipermail-obfuscated From values", () => {
  assert.deepEqual(pipermailAuthor("andy at example.com (Andy Grunwald)"), { name: "Andy Grunwald", address: "andy@example.com" });
  assert.deepEqual(pipermailAuthor("jgb at gsyc.es (Jesus M. Gonzalez-Barahona)"), { name: "Jesus M. Gonzalez-Barahona", address: "jgb@gsyc.es" });
  assert.equal(pipermailAuthor("Masahiro Yamada <masahiroy@kernel.org>"), null);
});

describe("pipermail archives", needsCorpus(), () => {
  test("the obfuscated sender becomes an address", async () => {
    const froms = [];
    for await (const raw of readSources([corpusFile("perceval/pipermail_2015_november.mbox")])) froms.push((await parseMessage(raw)).from);
    assert.deepEqual(froms[1], { name: "Jesus M. Gonzalez-Barahona", address: "jgb@gsyc.es" });
    assert.ok(froms.every((f) => f.address.includes("@")));
  });
});
