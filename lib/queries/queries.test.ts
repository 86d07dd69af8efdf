import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { corpusFile, needsCorpus } from "../testing/corpus";
import { fillFixtureDatabase } from "./fixture";

// The first 15 messages of kbuild 2021-01: 11 of the "Re: Linux 5.11-rc1" thread, whose References start
// with three messages that are not in this list (Sedat's report, a reply, Linus's answer: ghosts), and
// the start of "Kconfig, DEFAULT_NETSCH, ...".
const KBUILD = "linux-kbuild/linux-kbuild-2021-01.mbox";
const SEDAT_ROOT = "CA+icZUUQRKuZzN0ZbaG6vprRWcKPKYVYTryiMFac7q_PRcBvgA@mail.gmail.com";
const LINUS_RC1 = "CAHk-=wh3AsdUVZ8GKNCdUmY0_nGmoiOVTwy7rR5QM7K31QiSqw@mail.gmail.com";
const PAVEL = "20210101161435.GA344@duo.ucw.cz";
const MASAHIRO = "CAK7LNASQZ7SWrAykdH71iq6SyLj=gG-EGhCy8SHkDz_bdq2BMw@mail.gmail.com";
const VALDIS = "16871.1609618487@turing-police";

describe("queries over real kbuild messages", needsCorpus(), () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosslore-queries-"));
  const file = path.join(dir, "q.db");
  let q: {
    lists: typeof import("./lists");
    threads: typeof import("./threads");
    messages: typeof import("./messages");
  };

  before(async () => {
    process.env.DATABASE_URL = `file:${file}`;
    await fillFixtureDatabase(file, corpusFile(KBUILD), 15);
    q = { lists: await import("./lists"), threads: await import("./threads"), messages: await import("./messages") };
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("lists with counts", async () => {
    assert.deepEqual(await q.lists.listsWithCounts(), [{ name: "linux-kbuild", address: null, messageCount: 15 }]);
    assert.equal(await q.lists.listByName("nope"), null);
  });

  test("recent threads: newest activity first, links to the first real message", async () => {
    const threads = await q.threads.recentThreads();
    const rc1 = threads.find((t) => t.rootMessageId === SEDAT_ROOT);
    assert.ok(rc1, "the rc1 thread is listed under its ghost root");
    assert.equal(rc1.linkMessageId, PAVEL);
    assert.equal(rc1.messageCount, 11);
    assert.equal(rc1.list, "linux-kbuild");
    const dates = threads.map((t) => t.lastDate!.getTime());
    assert.deepEqual(dates, [...dates].sort((a, b) => b - a));
    assert.equal(await q.threads.threadCount("linux-kbuild"), threads.length);
    assert.deepEqual(await q.threads.recentThreads({ list: "other" }), []);
  });

  test("thread outline: depth-first, siblings by date, ghosts marked", async () => {
    const outline = await q.threads.threadOutlineOf(MASAHIRO);
    assert.ok(outline);
    assert.equal(outline.rootMessageId, SEDAT_ROOT);
    const rows = outline.messages.map((m) => [m.messageId.slice(0, 14), m.depth, m.ghost]);
    // Read off the In-Reply-To headers: Pavel ← Sedat(XKXt) ← {Sedat(UUdHz) Jan 1, Masahiro Jan 2};
    // Masahiro ← {Sedat(Xyfv), Masahiro(TkMy)}; Xyfv ← Bernd(b9d3) ← {Sedat(Wsff), David(AcuMS)}; Wsff ← Bernd(0b79) ← Sedat(V8hj).
    assert.deepEqual(rows, [
      ["CA+icZUUQRKuZz", 0, true],
      ["CA+icZUWHiCu9=", 1, true],
      ["CAHk-=wh3AsdUV", 2, true],
      ["20210101161435", 3, false],
      ["CA+icZUXKXt3Nf", 4, false],
      ["CA+icZUUdHz1mq", 5, false],
      ["CAK7LNASQZ7SWr", 5, false],
      ["CA+icZUXyfv0sO", 6, false],
      ["b9d3c1063d4c3f", 7, false],
      ["CA+icZUWsffXuB", 8, false],
      ["0b797d40843b2c", 9, false],
      ["CA+icZUV8hjw47", 10, false],
      ["3f76e002f96b43", 8, false],
      ["CAK7LNATkMy88V", 6, false],
    ]);
  });

  test("message detail, raw bytes and unknown ids", async () => {
    const m = await q.messages.messageByMessageId(VALDIS);
    assert.ok(m);
    assert.equal(m.subject, "Kconfig, DEFAULT_NETSCH, and shooting yourself in the foot..");
    assert.deepEqual(m.lists, ["linux-kbuild"]);
    assert.equal(m.threadRoot, VALDIS);
    assert.equal(m.attachments.length, 1);
    const raw = await q.messages.rawMessage(VALDIS);
    assert.ok(raw);
    assert.match(raw.toString("latin1"), /^Message-ID: <16871\.1609618487@turing-police>/im);
    assert.equal(raw.length, m.rawSize);
    assert.equal(await q.messages.messageByMessageId("no-such-id@example.invalid"), null);
    assert.equal(await q.messages.rawMessage(LINUS_RC1), null, "a ghost has no raw bytes");
    const raws = await q.messages.rawMessages([PAVEL, LINUS_RC1, VALDIS]);
    assert.equal(raws.length, 2);
  });
});
