import assert from "node:assert/strict";
import { test } from "node:test";
import { sampleFile } from "../lib/testing/corpus";
import { snippetText } from "../lib/mail/body-lines";
import { extractContext } from "./extract/context";
import { extractSnippets } from "./extract/snippets";
import { ingest } from "./pipeline";
import { Store } from "./store";
import { tempDatabase } from "./testing";
import { EMPTY_ENTITIES } from "./worker";

// Real hashes from kbuild mail: the culprit of a modpost regression and a commit sharing its first 7 digits
// only in this test.
const FULL = "a0590473c5e6c4ef17c3132ad08fbad170f72d55";

test("abbreviated and full hashes of one commit share one row; a different commit with the same 7 digits does not", () => {
  const { db } = tempDatabase();
  const store = new Store(db);
  const message = db.prepare("INSERT INTO message (message_id, ghost) VALUES (?, 0)");
  const mention = (sha: string, subject: string | null = null) => {
    const rowId = Number(message.run(`m${Math.random()}@test`).lastInsertRowid);
    store.insertEntities(rowId, { ...EMPTY_ENTITIES, commits: [{ sha, repo: "linux", role: "mention", subject }] });
  };
  const rows = () => db.prepare('SELECT sha, subject FROM "commit" ORDER BY sha').all();

  mention(FULL.slice(0, 12));
  mention(FULL.slice(0, 7), "kbuild: fix it"); // shorter: joins the 12-digit row and gives it a subject
  assert.deepEqual(rows(), [{ sha: FULL.slice(0, 12), subject: "kbuild: fix it" }]);
  mention(FULL); // longer: the row takes the full hash
  assert.deepEqual(rows(), [{ sha: FULL, subject: "kbuild: fix it" }]);
  mention(FULL.slice(0, 9));
  mention(`${FULL.slice(0, 8)}ffff`); // same first 8 digits, another commit
  mention(`${FULL.slice(0, 6)}0`); // sorts below every prefix of FULL
  assert.deepEqual(rows(), [
    { sha: `${FULL.slice(0, 6)}0`, subject: null },
    { sha: FULL, subject: "kbuild: fix it" },
    { sha: `${FULL.slice(0, 8)}ffff`, subject: null },
  ]);
  assert.equal(db.prepare("SELECT count(*) FROM commit_mention").pluck().get(), 6);
  // and in the other order: a full hash first, then abbreviations of it
  mention("607e57c6c62c00965ae276902c166834ce73014a");
  mention("607e57c6c62c");
  assert.equal(db.prepare("SELECT count(*) FROM \"commit\" WHERE sha LIKE '607e57%'").pluck().get(), 1);
});

test("patch snippets are stored without text; their body lines read back as the patch (kbuild sample)", async () => {
  const { db } = tempDatabase();
  await ingest(db, [sampleFile("linux-kbuild-2021-01.mbox.gz")], { workers: 1, warn: () => {} });
  const rows = db
    .prepare("SELECT s.kind, s.text, s.start_line AS startLine, s.line_count AS lineCount, m.subject, m.body FROM snippet s JOIN message m ON m.id = s.message_row_id")
    .all() as { kind: string; text: string | null; startLine: number; lineCount: number; subject: string; body: string }[];
  const patches = rows.filter((r) => r.kind === "patch");
  assert.ok(patches.length > 100 && patches.every((r) => r.text === null && r.lineCount > 0), `${patches.length} patches`);
  assert.ok(rows.some((r) => r.kind !== "patch" && r.text));
  for (const r of patches) {
    const found = extractSnippets(extractContext(r.subject, r.body)).find((s) => s.startLine === r.startLine);
    assert.equal(snippetText(r, r.body), found?.text);
    assert.match(snippetText(r, r.body), /^(?:diff |Index: |--- |@@ |\s)/);
  }
});
