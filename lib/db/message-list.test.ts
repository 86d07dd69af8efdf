import assert from "node:assert/strict";
import { test } from "node:test";
import { tempDatabase } from "../../ingest/testing";
import { messageListSql } from "./message-list";

test("a message on two lists goes under the list it was stored to first, not the first by name", () => {
  const { db } = tempDatabase();
  for (const name of ["linux-kbuild", "kasan-dev"]) db.prepare("INSERT INTO list (name) VALUES (?)").run(name);
  const id = Number(db.prepare("INSERT INTO message (message_id, ghost) VALUES ('x@y', 0)").run().lastInsertRowid);
  db.prepare("INSERT INTO message (message_id, ghost) VALUES ('none@y', 0)").run();
  for (const name of ["kasan-dev", "linux-kbuild"]) db.prepare("INSERT INTO message_list (message_row_id, list_id) SELECT ?, id FROM list WHERE name = ?").run(id, name);
  const listOf = (mid: string) => db.prepare(`SELECT ${messageListSql()} FROM message m WHERE m.message_id = ?`).pluck().get(mid);
  assert.equal(listOf("x@y"), "linux-kbuild");
  assert.equal(listOf("none@y"), null);
  assert.equal(db.prepare(`SELECT ${messageListSql("q")} FROM message q WHERE q.id = ?`).pluck().get(id), "linux-kbuild");
});
