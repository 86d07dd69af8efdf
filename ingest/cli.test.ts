import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, test } from "node:test";
import Database from "better-sqlite3";
import { REPO_ROOT, corpusFile, needsCorpus } from "../lib/testing/corpus";
import { tempDir } from "./testing";

function runCli(args: string[], dbFile: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "ingest/cli.ts"), ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run ingest", () => {
  test("a missing path is an error before anything is read (exit 2, the path named)", () => {
    const db = path.join(tempDir(), "x.db");
    const r = runCli(["/nonexistent/crosslore/archive.mbox"], db);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\/nonexistent\/crosslore\/archive\.mbox: no such file/);
  });

  test("no path, or a bad --list, is a usage error (exit 2)", () => {
    const db = path.join(tempDir(), "x.db");
    assert.equal(runCli([], db).status, 2);
    const r = runCli(["--list", "Not A List", "/tmp"], db);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--list/);
  });

  test("bad messages are reported with their position and do not change the exit status", needsCorpus(), () => {
    const db = path.join(tempDir(), "x.db");
    const r = runCli([corpusFile("patchwork/fuzz/name-len.mbox")], db);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /name-len\.mbox: message 2 at byte 2,377: no header fields/);
    // The summary: read = new + duplicate + failed.
    const m = /([\d,]+) read: ([\d,]+) new, ([\d,]+) duplicate, ([\d,]+) failed in .+ \(([\d,]+) msg\/s\)/.exec(r.stdout);
    assert.ok(m, r.stdout);
    const [read, added, duplicate, failed] = m.slice(1, 5).map((s) => Number(s.replace(/,/g, "")));
    assert.deepEqual([read, failed], [2, 1]);
    assert.equal(read, added + duplicate + failed);
    const conn = new Database(db, { readonly: true });
    assert.equal(conn.prepare("SELECT count(*) FROM ingest_failure").pluck().get(), 1);
    conn.close();
  });
});
