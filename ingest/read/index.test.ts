import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { after, describe, test } from "node:test";
import { corpusFile, needsCorpus } from "../../lib/testing/corpus";
import type { RawMessage } from "../types";
import { checkSources, readSources, ReadProgress, SourceError, type ReadOptions } from "./index";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crosslore-read-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function readAll(paths: string[], options: ReadOptions = {}): Promise<RawMessage[]> {
  const out: RawMessage[] = [];
  for await (const m of readSources(paths, { warn: () => {}, ...options })) out.push(m);
  return out;
}

describe("readSources", needsCorpus(), () => {
  test("a missing path fails before any message is read", async () => {
    const missing = path.join(tmp, "no-such.mbox");
    await assert.rejects(checkSources([corpusFile("notmuch/duplicate.mbox"), missing]), (err: Error) => {
      assert.ok(err instanceof SourceError);
      assert.match(err.message, /no-such\.mbox: no such file or directory/);
      return true;
    });
    const gen = readSources([corpusFile("notmuch/duplicate.mbox"), missing]);
    await assert.rejects(gen.next(), SourceError);
  });

  test("an unreadable file is reported by checkSources", { skip: process.getuid?.() === 0 ? "root can read any file" : false }, async () => {
    const locked = path.join(tmp, "locked.mbox");
    fs.copyFileSync(corpusFile("notmuch/duplicate.mbox"), locked);
    fs.chmodSync(locked, 0);
    await assert.rejects(checkSources([locked]), /locked\.mbox: cannot be read/);
  });

  test(".gz is read transparently and progress counts compressed bytes", async () => {
    const gz = path.join(tmp, "duplicate.mbox.gz");
    const plain = fs.readFileSync(corpusFile("notmuch/duplicate.mbox"));
    fs.writeFileSync(gz, zlib.gzipSync(plain));
    const progress = new ReadProgress();
    const fromGz = await readAll([gz], { progress });
    const fromPlain = await readAll([corpusFile("notmuch/duplicate.mbox")]);
    assert.equal(fromGz.length, 9);
    fromGz.forEach((m, i) => {
      assert.ok(m.raw.equals(fromPlain[i].raw));
      assert.equal(m.source.byteOffset, fromPlain[i].source.byteOffset, "offsets are in the uncompressed source");
    });
    assert.equal(progress.totalBytes, fs.statSync(gz).size);
    assert.equal(progress.bytesRead, progress.totalBytes);
    assert.ok(progress.totalBytes < plain.length);
  });

  test("a truncated .gz yields what it can, then is reported as a failed source", async () => {
    const gz = path.join(tmp, "truncated.mbox.gz");
    const whole = zlib.gzipSync(fs.readFileSync(corpusFile("notmuch/lkml.mbox")));
    fs.writeFileSync(gz, whole.subarray(0, whole.length >> 1));
    const progress = new ReadProgress();
    const warnings: string[] = [];
    const msgs = await readAll([gz, corpusFile("notmuch/duplicate.mbox")], { progress, warn: (m) => warnings.push(m) });
    assert.equal(progress.failures.length, 1);
    assert.match(progress.failures[0], /truncated\.mbox\.gz: cannot gunzip/);
    assert.deepEqual(warnings, progress.failures);
    assert.ok(msgs.filter((m) => m.source.path === gz).length > 50);
    assert.equal(msgs.filter((m) => m.source.path.endsWith("duplicate.mbox")).length, 9, "reading went on");
  });

  test("stopping early ends the xz process without an error", async () => {
    const xz = corpusFile("linux-kbuild/linux-kbuild-2019-04_2026-07.mbox.xz");
    let n = 0;
    for await (const m of readSources([xz])) {
      assert.ok(m.raw.length > 0);
      if (++n === 100) break;
    }
    assert.equal(n, 100);
  });

  test("a maildir: cur/ and new/ files in name order, tmp/ ignored", async () => {
    const dir = path.join(tmp, "Maildir");
    for (const sub of ["cur", "new", "tmp"]) fs.mkdirSync(path.join(dir, sub), { recursive: true });
    const lkml = await readAll([corpusFile("notmuch/lkml.mbox")]);
    const picked = lkml.slice(0, 12);
    picked.forEach((m, i) => {
      const name = `${1300000000 + i}.M${i}P1.host`;
      fs.writeFileSync(path.join(dir, i % 3 === 0 ? "new" : "cur", i % 3 === 0 ? name : `${name}:2,S`), m.raw);
    });
    fs.writeFileSync(path.join(dir, "tmp", "1399999999.partial"), lkml[20].raw);
    const msgs = await readAll([dir]);
    assert.equal(msgs.length, 12);
    msgs.forEach((m, i) => {
      assert.ok(m.raw.equals(picked[i].raw), `message ${i + 1}`);
      assert.ok(m.source.path.startsWith(path.join(dir, i % 3 === 0 ? "new" : "cur")));
      assert.equal(m.source.index, 1);
    });
  });

  test("directories expand recursively; extensionless files are sniffed; other files skipped", async () => {
    const dir = path.join(tmp, "tree");
    fs.mkdirSync(path.join(dir, "a", "b"), { recursive: true });
    fs.copyFileSync(corpusFile("notmuch/duplicate.mbox"), path.join(dir, "a", "b", "dups.mbox"));
    fs.copyFileSync(corpusFile("patchew/0005-non-utf-8.eml"), path.join(dir, "a", "one.eml"));
    fs.copyFileSync(corpusFile("git-t5100/sample.mboxrd"), path.join(dir, "a", "mboxfile"));
    fs.copyFileSync(corpusFile("patchew/0001-simple-patch.eml"), path.join(dir, "message"));
    fs.writeFileSync(path.join(dir, "notes"), "just some notes\n");
    fs.copyFileSync(corpusFile("MANIFEST.md"), path.join(dir, "README.md"));
    const warnings: string[] = [];
    const msgs = await readAll([dir], { warn: (m) => warnings.push(m) });
    const byFile = new Map<string, number>();
    for (const m of msgs) byFile.set(path.relative(dir, m.source.path), (byFile.get(path.relative(dir, m.source.path)) ?? 0) + 1);
    assert.deepEqual([...byFile], [
      ["a/b/dups.mbox", 9],
      ["a/mboxfile", 2],
      ["a/one.eml", 1],
      ["message", 1],
    ]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /notes: skipped/);
  });

  test(".eml files are one message even with From_ lines inside; a leading From_ line is dropped", async () => {
    const file = corpusFile("notmuch/insert-mbox-attachment.eml");
    const bytes = fs.readFileSync(file);
    const msgs = await readAll([file]);
    assert.equal(msgs.length, 1);
    assert.ok(bytes.toString("latin1").split("\n").filter((l) => l.startsWith("From ")).length > 1);
    assert.ok(msgs[0].raw.equals(bytes.subarray(bytes.indexOf("\n") + 1)));
    assert.match(msgs[0].raw.toString(), /^From: David Bremner/);
  });

  test("the whole corpus (.xz through the xz program) reads with the MANIFEST count of every file", async () => {
    const manifest = fs.readFileSync(corpusFile("MANIFEST.md"), "utf8");
    const want = new Map([...manifest.matchAll(/^\| `([^`]+)` \| [^|]* \| (\d+)/gm)].map((m) => [m[1], Number(m[2])]));
    const got = new Map<string, number>();
    const root = corpusFile("");
    const progress = new ReadProgress();
    for await (const m of readSources([root], { warn: () => {}, progress })) {
      const rel = path.relative(root, m.source.path);
      got.set(rel, (got.get(rel) ?? 0) + 1);
      assert.equal(m.source.index, got.get(rel));
    }
    assert.equal(progress.bytesRead, progress.totalBytes);
    assert.deepEqual(progress.failures, []);
    for (const [rel, n] of want) {
      if (rel.endsWith(".bundle")) continue; // public-inbox git bundles are a later reader
      assert.equal(got.get(rel), n, rel);
    }
    assert.equal(got.size, want.size - 1);
  });
});
