import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeMessageId, messageIdFromSegments, messageIdInPath, messageUrl, parseMessagePath } from "./url";

// Real ids: a kbuild-test-robot id with "=" and "+", a gmail id, and one with "/" as some mailers make them.
const GMAIL = "CAK7LNASQZ7SWrAykdH71iq6SyLj=gG-EGhCy8SHkDz_bdq2BMw@mail.gmail.com";
const WITH_SLASH = "1234/5678@example.invalid";

test("escapeMessageId keeps lore's safe characters and escapes '/', '%', '#', '?' and spaces", () => {
  assert.equal(escapeMessageId(GMAIL), GMAIL);
  assert.equal(escapeMessageId("a+b=c$@x!y"), "a+b=c$@x!y");
  assert.equal(escapeMessageId(WITH_SLASH), "1234%2F5678@example.invalid");
  assert.equal(escapeMessageId("a%b#c?d e@x"), "a%25b%23c%3Fd%20e@x");
  assert.equal(escapeMessageId("ü@x"), "%C3%BC@x");
});

test("messageUrl builds lore's paths", () => {
  assert.equal(messageUrl("linux-kbuild", GMAIL), `/linux-kbuild/${GMAIL}/`);
  assert.equal(messageUrl("linux-kbuild", WITH_SLASH, "thread"), "/linux-kbuild/1234%2F5678@example.invalid/T/");
  assert.equal(messageUrl("l", "a@b", "nested"), "/l/a@b/t/");
  assert.equal(messageUrl("l", "a@b", "raw"), "/l/a@b/raw");
  assert.equal(messageUrl("l", "a@b", "mbox"), "/l/a@b/t.mbox.gz");
});

test("a Message-ID with '/' comes back whole, escaped or not", () => {
  assert.equal(messageIdFromSegments(["1234%2F5678%40example.invalid"]), WITH_SLASH);
  assert.equal(messageIdFromSegments(["1234", "5678%40example.invalid"]), WITH_SLASH);
  assert.equal(messageIdFromSegments(["1234", "5678@example.invalid"]), WITH_SLASH);
  assert.equal(messageIdFromSegments(escapeMessageId(WITH_SLASH).split("/")), WITH_SLASH);
});

test("bad percent-encoding and empty ids give null instead of throwing", () => {
  assert.equal(messageIdFromSegments(["a%zz@x"]), null);
  assert.equal(messageIdFromSegments([]), null);
  assert.equal(messageIdFromSegments(["%20"]), null);
});

test("parseMessagePath tells the message, T/ and t/ views apart", () => {
  assert.deepEqual(parseMessagePath(["a%40b"]), { mid: "a@b", view: "message" });
  assert.deepEqual(parseMessagePath(["1234", "5678@x", "T"]), { mid: "1234/5678@x", view: "thread" });
  assert.deepEqual(parseMessagePath(["a@b", "t"]), { mid: "a@b", view: "nested" });
  assert.equal(parseMessagePath(["T"]), null);
});

test("messageIdInPath reads ids from API and download paths, escaped or not", () => {
  assert.equal(messageIdInPath("/api/message/1234%2F5678@example.invalid", "/api/message/"), WITH_SLASH);
  assert.equal(messageIdInPath("/api/thread/1234/5678@example.invalid/", "/api/thread/"), WITH_SLASH);
  assert.equal(messageIdInPath("/linux-kbuild/1234/5678@example.invalid/raw", "/linux-kbuild/", "/raw"), WITH_SLASH);
  assert.equal(messageIdInPath("/linux-kbuild/" + GMAIL + "/t.mbox.gz", "/linux-kbuild/", "/t.mbox.gz"), GMAIL);
  assert.equal(messageIdInPath("/linux-kbuild/x@y/raw", "/other/", "/raw"), null);
  assert.equal(messageIdInPath("/api/message/", "/api/message/"), null);
});
