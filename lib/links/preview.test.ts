import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { ParsedMessage } from "../../ingest/types";
import { corpusAvailable, needsCorpus } from "../testing/corpus";
import { byId, corpusMessages } from "../regressions/test-mail";
import { cutAtWord, newTextExcerpt, previewMeta, DESCRIPTION_MAX } from "./preview";

describe("link previews from real linux-kbuild mail", needsCorpus(), () => {
  let ms: ParsedMessage[] = [];
  before(async () => {
    if (corpusAvailable()) ms = await corpusMessages("linux-kbuild/linux-kbuild-2021-01.mbox");
  });

  test("a reply: the attribution line and the nested quote are skipped", () => {
    // Masahiro Yamada's reply in "Linux 5.11-rc1" opens with "On Sat, Jan 2, 2021 … wrote:" and a deep quote.
    const m = byId(ms, "CAK7LNASQZ7SWrAykdH71iq6SyLj=gG-EGhCy8SHkDz_bdq2BMw@mail.gmail.com");
    const excerpt = newTextExcerpt(m.body);
    assert.ok(excerpt.startsWith("PATH for the root on Debian is /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin depmod is used from 'make module_install'."), excerpt);
    assert.ok(excerpt.length <= DESCRIPTION_MAX && excerpt.endsWith("…"), excerpt);
    assert.ok(!excerpt.includes("wrote") && !excerpt.includes(">"));
  });

  test("a patch: the commit message, not trailers, diffstat or diff", () => {
    const m = byId(ms, "20210113003235.716547-4-ndesaulniers@google.com");
    const meta = previewMeta({ subject: m.subject, authorName: m.from.name, date: m.date, body: m.body, url: "https://example.org/all/x/", siteName: "crosslore" });
    assert.equal(meta.title, "[PATCH v4 3/3] Kbuild: implement support for DWARF v5");
    assert.ok(meta.description.startsWith("Nick Desaulniers, 2021-01-13: DWARF v5 is the latest standard of the DWARF debug info format. Feature detection"), meta.description);
    assert.ok(meta.description.length <= DESCRIPTION_MAX);
    assert.deepEqual([meta.openGraph.type, meta.openGraph.publishedTime, meta.openGraph.authors, meta.twitter.card], ["article", "2021-01-13T00:32:35.000Z", ["Nick Desaulniers"], "summary"]);
    // No message in the month gives a description with a trailer or a diff line in it.
    for (const x of ms) {
      const d = newTextExcerpt(x.body);
      assert.ok(!/Signed-off-by:|^diff --git|@@ -\d/.test(d), `${x.messageId}: ${d}`);
      assert.ok(d.length <= DESCRIPTION_MAX, x.messageId);
    }
  });
});

describe("excerpt rules", () => {
  test("short patch: text up to '---' only", () => {
    const body = "Fix the build with clang-18.\n\nSigned-off-by: A <a@b>\n---\n Makefile | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n\ndiff --git a/Makefile b/Makefile\n";
    assert.equal(newTextExcerpt(body), "Fix the build with clang-18.");
  });
  test("cutting", () => {
    assert.equal(cutAtWord("alpha beta gamma", 11), "alpha beta…");
    assert.equal(cutAtWord("x".repeat(30), 10), "x".repeat(9) + "…");
    assert.equal(cutAtWord("  short  ", 10), "short");
    assert.equal(newTextExcerpt(""), "");
    assert.equal(previewMeta({ subject: "", authorName: "", date: null, body: "", url: "u", siteName: "s" }).title, "(no subject)");
  });
});
