import assert from "node:assert/strict";
import { test } from "node:test";
import { listFeedUrl, searchFeedUrl, searchMboxUrl, threadFeedUrl } from "./urls";

test("feed and export URLs sit beside the page they follow, as on lore", () => {
  assert.equal(listFeedUrl("linux-kbuild"), "/linux-kbuild/new.atom");
  assert.equal(threadFeedUrl("linux-kbuild", "20210101.1-1-a@b.c"), "/linux-kbuild/20210101.1-1-a@b.c/t.atom");
  assert.equal(searchFeedUrl("s:lto f:nathan"), "/search?q=s%3Alto+f%3Anathan&x=A");
  assert.equal(searchMboxUrl("pahole", "linux-kbuild"), "/linux-kbuild/?q=pahole&x=m");
});

test("the mbox.gz of a date-sorted page keeps that order; relevance, the default, stays out of the URL", () => {
  const sorted = new URL(searchMboxUrl("clang", undefined, "date-desc"), "http://x");
  assert.equal(sorted.searchParams.get("sort"), "date-desc");
  assert.equal(sorted.searchParams.get("x"), "m");
  assert.equal(new URL(searchMboxUrl("clang", "all", "relevance"), "http://x").searchParams.has("sort"), false);
});
