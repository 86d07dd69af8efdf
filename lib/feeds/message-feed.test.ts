// The text an Atom entry carries, and the feed document around it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { LEAD_MAX_LINES, messageFeed, newTextLead } from "./message-feed";
import { checkXml } from "./xml-check";

test("newTextLead keeps the author's words and drops the quote, the attribution's quote and the signature", () => {
  const body = [
    "On Mon, 4 Jan 2021 at 10:00, Masahiro Yamada <masahiroy@kernel.org> wrote:",
    "> Please drop the <asm/foo.h> include.",
    "> It is not needed.",
    "",
    "",
    "",
    "Done in v2 & retested with clang-11.",
    "",
    "-- ",
    "Nick",
  ].join("\n");
  const lead = newTextLead(body);
  assert.ok(!lead.includes("Please drop"), lead);
  assert.ok(lead.includes("Done in v2 & retested with clang-11."));
  assert.ok(!lead.includes("\n\n\n"), "runs of blank lines fold to one");
  assert.ok(!lead.includes("Nick"), "the signature is not news");
});

test("newTextLead cuts long text at a line end and says so", () => {
  const body = Array.from({ length: 100 }, (_, i) => `line ${i}`).join("\n");
  const lines = newTextLead(body).split("\n");
  assert.equal(lines.length, LEAD_MAX_LINES + 1);
  assert.equal(lines.at(-1), "[…]");
  assert.equal(lines[0], "line 0");
});

test("messageFeed: well-formed even with markup and control bytes in the mail, entries in the order given", () => {
  const xml = messageFeed({
    base: "https://crosslore.test",
    title: "x & <y>",
    selfPath: "/linux-kbuild/new.atom",
    alternatePath: "/linux-kbuild/",
    messages: [
      { messageId: "b/1@x", subject: "<b>", fromName: "", fromAddr: "a@b", date: new Date("2021-01-02T00:00:00Z"), body: "\u001b[31mred\u0000", parentId: "a@x", list: "linux-kbuild" },
      { messageId: "a@x", subject: "", fromName: "A", fromAddr: "", date: null, body: "</pre>]]>", parentId: null, list: null },
    ],
  });
  const check = checkXml(xml);
  assert.ok(check.ok, check.error ?? "");
  assert.deepEqual([...xml.matchAll(/<link rel="alternate" type="text\/html" href="([^"]+)"\/><id>https:\/\/crosslore\.test\/all\//g)].map((m) => m[1]), [
    "https://crosslore.test/linux-kbuild/b%2F1@x/",
    "https://crosslore.test/all/a@x/",
  ]);
  assert.match(xml, /<\/id><updated>2021-01-02T00:00:00Z<\/updated>/);
  assert.match(xml, /<title type="text">\(no subject\)<\/title>/);
});
