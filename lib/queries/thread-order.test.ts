import { test } from "node:test";
import assert from "node:assert/strict";
import { orderThread } from "./thread-order";

const d = (s: string) => new Date(s);

test("a parent cycle (from bad References) still lists every message once", () => {
  const out = orderThread([
    { messageId: "a@x", parentId: "b@x", date: d("2021-01-02") },
    { messageId: "b@x", parentId: "a@x", date: d("2021-01-01") },
    { messageId: "c@x", parentId: "a@x", date: d("2021-01-03") },
  ]);
  assert.deepEqual(out.map((n) => [n.messageId, n.depth]), [["b@x", 0], ["a@x", 1], ["c@x", 2]]);
});

test("the named root comes first; undated siblings after dated ones; a self-parent is a root", () => {
  const out = orderThread(
    [
      { messageId: "late@x", parentId: null, date: d("2020-01-01") },
      { messageId: "root@x", parentId: null, date: d("2021-01-01") },
      { messageId: "undated@x", parentId: "root@x", date: null },
      { messageId: "dated@x", parentId: "root@x", date: d("2021-02-01") },
      { messageId: "self@x", parentId: "self@x", date: d("2019-01-01") },
    ],
    "root@x",
  );
  assert.deepEqual(out.map((n) => n.messageId), ["root@x", "dated@x", "undated@x", "self@x", "late@x"]);
});
