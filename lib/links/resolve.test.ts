import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { needsCorpus } from "../testing/corpus";
import { corpusMessages } from "../regressions/test-mail";
import { messageIdFromUrl } from "./resolve";

function mid(url: string): string | null {
  const r = messageIdFromUrl(url);
  return r.messageId;
}

describe("messageIdFromUrl", () => {
  test("lore forms seen in linux-kbuild mail", () => {
    // Each of these URLs is quoted from a message in linux-kbuild-2021-01.mbox.
    assert.deepEqual(messageIdFromUrl("https://lore.kernel.org/r/20210112224832.10980-1-will@kernel.org"), {
      messageId: "20210112224832.10980-1-will@kernel.org",
      list: null,
      archive: "public-inbox",
    });
    assert.deepEqual(messageIdFromUrl("https://lore.kernel.org/lkml/cover.1610431620.git.viresh.kumar@linaro.org/"), {
      messageId: "cover.1610431620.git.viresh.kumar@linaro.org",
      list: "lkml",
      archive: "public-inbox",
    });
    assert.equal(mid("https://lore.kernel.org/lkml/X8psgMuL4jMjP%2FOy@rani.riverdale.lan/"), "X8psgMuL4jMjP/Oy@rani.riverdale.lan");
    assert.equal(mid("https://lore.kernel.org/bpf/20210112194724.GB1291051@krava/T/#t"), "20210112194724.GB1291051@krava");
    assert.equal(
      mid("https://lore.kernel.org/r/CAHk-=wh-+TMHPTFo1qs-MYyK7tZh-OQovA=pP3=e06aCVp6_kA@mail.gmail.com"),
      "CAHk-=wh-+TMHPTFo1qs-MYyK7tZh-OQovA=pP3=e06aCVp6_kA@mail.gmail.com",
    );
    assert.equal(
      mid("https://lkml.kernel.org/r/efe6b039a544da8215d5e54aa7c4b6d1986fc2b0.1611607264.git.jpoimboe@redhat.com"),
      "efe6b039a544da8215d5e54aa7c4b6d1986fc2b0.1611607264.git.jpoimboe@redhat.com",
    );
  });

  test("views, anchors, escapes and prose around the link", () => {
    const id = "20210114171629.592007-1-natechancellor@gmail.com";
    for (const suffix of ["/", "", "/T/", "/t/", "/raw", "/T/#u", "/#r", "/t.mbox.gz", "/#m4b2c", "/."]) {
      assert.equal(mid(`https://lore.kernel.org/lkml/${id}${suffix}`), id, suffix);
    }
    assert.equal(mid("http://lore.kernel.org/all/20251220-remove_wtype-limits-v3-3-24b170af700e%40kernel.org"), "20251220-remove_wtype-limits-v3-3-24b170af700e@kernel.org");
    assert.equal(mid("<https://lore.kernel.org/all/Y39kI3MOtVI5BAnV@google.com/>"), "Y39kI3MOtVI5BAnV@google.com");
    assert.deepEqual(messageIdFromUrl("https://lore.kernel.org/Y39kI3MOtVI5BAnV@google.com/"), {
      messageId: "Y39kI3MOtVI5BAnV@google.com",
      list: null,
      archive: "public-inbox",
    });
    assert.equal(mid("https://LORE.kernel.org/linux-kbuild/abc@def/"), "abc@def");
  });

  test("other public-inbox hosts and Message-ID services", () => {
    assert.deepEqual(messageIdFromUrl("https://lore.barebox.org/barebox/20231129203106.2417486-1-a.fatoum@pengutronix.de/T/#u"), {
      messageId: "20231129203106.2417486-1-a.fatoum@pengutronix.de",
      list: "barebox",
      archive: "public-inbox",
    });
    assert.equal(mid("https://lore.gnuweeb.org/gwml/20221001.abcdef@gnuweeb.org/"), "20221001.abcdef@gnuweeb.org");
    assert.equal(mid("https://inbox.sourceware.org/gcc-patches/87a5x@example.com/"), "87a5x@example.com");
    assert.equal(mid("https://yhbt.net/lore/all/20210101.x@y/"), "20210101.x@y");
    assert.equal(mid("https://public-inbox.org/git/xmqq1@gitster.g/"), "xmqq1@gitster.g");
    assert.equal(mid("https://patch.msgid.link/20250326190500.847236-2-samitolvanen@google.com"), "20250326190500.847236-2-samitolvanen@google.com");
    assert.equal(mid("https://msgid.link/r/20250326190500.847236-2-samitolvanen@google.com"), "20250326190500.847236-2-samitolvanen@google.com");
    assert.equal(mid("https://marc.info/?i=%3C20190101.123@example.org%3E"), "20190101.123@example.org");
    assert.equal(mid("https://marc.info/?i=<20190101.123@example.org>"), "20190101.123@example.org");
    assert.equal(mid("https://www.mail-archive.com/search?l=mid&q=20190101.123%40example.org"), "20190101.123@example.org");
    assert.equal(
      mid("https://patchwork.kernel.org/project/linux-kbuild/patch/20201203125700.161354-1-masahiroy@kernel.org/#23855673"),
      "20201203125700.161354-1-masahiroy@kernel.org",
    );
  });

  test("links that carry no Message-ID say why", () => {
    const cases: [string, RegExp][] = [
      ["https://marc.info/?l=linux-kbuild&m=160919738006768&w=2", /archive number/],
      ["https://marc.info/?t=161233893400006&r=1&w=2", /thread link/],
      ["https://www.mail-archive.com/linux-kernel@vger.kernel.org/msg1788086.html", /page number/],
      ["https://lore.kernel.org/patchwork/patch/1370008/", /patchwork/],
      ["https://patchwork.kernel.org/cover/11037801/#22756703", /by number/],
      ["https://lore.kernel.org/lists.html", /not a message/],
      ["https://lore.kernel.org/linux-kbuild/", /list page/],
      ["https://lore.kernel.org/linux-kbuild/?q=dfn:Makefile", /list page/],
      ["https://lore.kernel.org/all/_/text/help/", /not a message/],
      ["https://github.com/ClangBuiltLinux/linux/issues/619", /not a known mail archive/],
      ["https://lore.kernel.org/lkml/abc%ZZdef/", /percent-escape/],
      ["ftp://lore.kernel.org/r/a@b", /not an http/],
      ["lore.kernel.org/r/a@b", /not a URL/],
      ["", /not a URL/],
    ];
    for (const [url, why] of cases) {
      const r = messageIdFromUrl(url);
      assert.equal(r.messageId, null, url);
      assert.match((r as { reason: string }).reason, why, url);
    }
  });

  test("every lore link in a month of linux-kbuild mail resolves", needsCorpus(), async () => {
    const messages = await corpusMessages("linux-kbuild/linux-kbuild-2021-01.mbox");
    const links = new Set<string>();
    for (const m of messages) for (const u of m.body.match(/https?:\/\/(?:lore|lkml)\.kernel\.org\/[^\s<>"]+/g) ?? []) links.add(u);
    // `grep -o` over the raw file finds 27 distinct lore/lkml links (some QP-wrapped there); the decoded bodies hold more.
    assert.ok(links.size >= 27, `${links.size} links`);
    const unresolved = [...links].filter((u) => messageIdFromUrl(u).messageId === null);
    // The only lore links without a Message-ID are the old lore.kernel.org/patchwork/ pages.
    assert.deepEqual(unresolved.filter((u) => !u.includes("/patchwork/")), []);
    assert.ok(unresolved.length >= 5, `patchwork links: ${unresolved.length}`);
  });
});
