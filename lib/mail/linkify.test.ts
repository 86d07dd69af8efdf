import { test } from "node:test";
import assert from "node:assert/strict";
import { toHtml } from "hast-util-to-html";
import { linkify, safeHref } from "./linkify";

const html = (text: string) => toHtml(linkify(text));

test("http and https URLs become nofollow links; sentence punctuation and unopened brackets stay outside", () => {
  // Lines as they appear in kbuild mail (Link: trailer, a bugzilla URL in parentheses, a sentence).
  assert.equal(
    html("Link: http://www.dwarfstd.org/doc/DWARF5.pdf"),
    'Link: <a href="http://www.dwarfstd.org/doc/DWARF5.pdf" rel="nofollow noopener" class="url">http://www.dwarfstd.org/doc/DWARF5.pdf</a>',
  );
  assert.equal(
    html("(see https://sourceware.org/bugzilla/show_bug.cgi?id=25612)."),
    '(see <a href="https://sourceware.org/bugzilla/show_bug.cgi?id=25612" rel="nofollow noopener" class="url">https://sourceware.org/bugzilla/show_bug.cgi?id=25612</a>).',
  );
  assert.match(html("https://en.wikipedia.org/wiki/Foo_(bar)"), /href="https:\/\/en.wikipedia.org\/wiki\/Foo_\(bar\)"/);
  assert.match(html("<https://lore.kernel.org/r/x@y>"), /^&#x3C;<a href="https:\/\/lore.kernel.org\/r\/x@y"[^>]*>https:\/\/lore.kernel.org\/r\/x@y<\/a>>$/);
});

test("other schemes and markup stay text", () => {
  assert.equal(html('javascript:alert(1) ftp://x.org <a href="x">'), 'javascript:alert(1) ftp://x.org &#x3C;a href="x">');
  assert.equal(safeHref("javascript:alert(1)"), null);
  assert.equal(safeHref("https://x.org/a b"), "https://x.org/a%20b");
  // A quote character ends the URL, so no attribute can be smuggled in.
  assert.equal(html('https://x.org/"onmouseover="y'), '<a href="https://x.org/" rel="nofollow noopener" class="url">https://x.org/</a>"onmouseover="y');
});
