import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { ParsedMessage } from "../../ingest/types";
import { needsCorpus, corpusAvailable } from "../testing/corpus";
import { byId, corpusMessages } from "./test-mail";
import { parseRegzbotCommands, regzbotFromRow, regzbotRow, subjectIgnoresActivity, type RegzbotCommand } from "./regzbot";

const KBUILD = "linux-kbuild/linux-kbuild-2019-04_2026-07.mbox.xz";

function brief(c: RegzbotCommand) {
  return { verb: c.verb, introduced: c.introduced, reportIsParent: c.reportIsParent, url: c.url, commit: c.commit, text: c.text };
}

describe("parseRegzbotCommands on the whole linux-kbuild archive", needsCorpus(), () => {
  let messages: ParsedMessage[] = [];
  before(async () => {
    if (corpusAvailable()) messages = await corpusMessages(KBUILD, (raw) => raw.includes("#regzbot"));
  });

  test("every command line outside quotes is found, and none inside them", () => {
    // `grep -c '^#regzbot'` over the unpacked archive: 26 command lines, in 16 messages; 34 messages mention #regzbot.
    assert.equal(messages.length, 34);
    const withCommands = messages.filter((m) => parseRegzbotCommands(m.body).length > 0);
    assert.equal(withCommands.length, 16);
    assert.equal(messages.reduce((n, m) => n + parseRegzbotCommands(m.body).length, 0), 26);
  });

  test("^introduced with a wrapped title (Thorsten Leemhuis adding an LKP report)", () => {
    const m = byId(messages, "0cf0fddb-f2e7-80b8-1c08-cf9919a391bd@leemhuis.info");
    assert.deepEqual(parseRegzbotCommands(m.body).map(brief), [
      { verb: "introduced", introduced: { kind: "commit", sha: "3bc753c06dd02a" }, reportIsParent: true, url: null, commit: "3bc753c06dd02a", text: null },
      // The mailer wrapped the title after "for the"; regzbot reads on to the next line.
      { verb: "title", introduced: null, reportIsParent: false, url: null, commit: null, text: "ext4/acls: xfstests.generic.454 suddenly fails for the kernel test robot" },
      { verb: "ignore-activity", introduced: null, reportIsParent: false, url: null, commit: null, text: null },
    ]);
    assert.equal(subjectIgnoresActivity(m.subject), true, m.subject);
  });

  test("introduced with a range and a bug-tracker URL", () => {
    const m = byId(messages, "97224321-c839-c0a7-52dd-3fb6e52fc15e@gmail.com");
    assert.deepEqual(parseRegzbotCommands(m.body).map(brief), [
      { verb: "introduced", introduced: { kind: "range", from: "v5.9", to: "v6.4" }, reportIsParent: false, url: "https://bugzilla.kernel.org/show_bug.cgi?id=217773", commit: null, text: null },
    ]);
  });

  test("fix by commit and fix by patch subject", () => {
    assert.deepEqual(parseRegzbotCommands(byId(messages, "ZGsPiEq/yE1taACL@debian.me").body).map(brief), [
      { verb: "fix", introduced: null, reportIsParent: false, url: null, commit: "3610dc36f4fd76", text: null },
    ]);
    const m = byId(messages, "421602e6-0fe0-34c4-12bb-d805f2a282f4@leemhuis.info");
    assert.deepEqual(parseRegzbotCommands(m.body).map((c) => [c.verb, c.commit, c.text]), [
      ["introduced", "6061ac50f1e04", null],
      ["fix", null, "kbuild: make modules_install copy modules.builtin(.modinfo)"],
    ]);
  });

  test("report: elsewhere, and invalid as an alias of resolve", () => {
    const m = byId(messages, "20251203200536.102101-1-safinaskar@gmail.com");
    assert.deepEqual(parseRegzbotCommands(m.body).map((c) => [c.verb, c.name, c.url, c.text]), [
      ["report", "report", "https://lore.kernel.org/lkml/20251009075149.1083040-1-safinaskar@gmail.com/", null],
      ["resolve", "invalid", null, "there is no bug, kbuild works as documented"],
    ]);
  });

  test("every command survives a trip through a regzbot_command row", () => {
    const all = messages.flatMap((m) => parseRegzbotCommands(m.body));
    for (const c of all) assert.deepEqual(brief(regzbotFromRow(regzbotRow(c))), brief(c), `${c.name}: ${c.args}`);
    assert.deepEqual(regzbotRow(all.find((c) => c.name === "^introduced")!), { command: "introduced", argument: "3bc753c06dd02a ^" });
  });

  test("a reply that only quotes the command adds none", () => {
    // <CAKbZUD3…> quotes "> > #regzbot introduced: 45dd403da85112 …" from the report it answers.
    const m = byId(messages, "CAKbZUD3FBiaLGWq=TipfevqXP0SBz8F+=L6JSO+FMZOv0QQ9AQ@mail.gmail.com");
    assert.match(m.body, /^> *>? ?#regzbot introduced/m);
    assert.deepEqual(parseRegzbotCommands(m.body), []);
  });
});

describe("parseRegzbotCommands: documented forms not in the corpus", () => {
  test("several commands on one line, hyphen wrapped, aliases, link with a description", () => {
    const body = [
      "Thanks for the report.",
      "",
      "#regzbot introduced: v6.1..v6.2 ^; #regzbot title: gcc 13 miscompiles foo",
      "#regzbot activity-",
      "ignore",
      "#regzbot dup-of: https://lore.kernel.org/all/abc@example.org/",
      "#regzbot monitor: https://lore.kernel.org/all/def@example.org/ patch under review",
      "#regzbot fixed-by: 'kbuild: fix the thing'",
      "#regzbot poke",
      "#regzbot frobnicate: x",
      "",
      "-- ",
      "#regzbot resolve: in the signature, not a command",
    ].join("\n");
    assert.deepEqual(
      parseRegzbotCommands(body).map((c) => [c.verb, c.reportIsParent, c.url, c.text, c.introduced, c.line]),
      [
        ["introduced", true, null, null, { kind: "range", from: "v6.1", to: "v6.2" }, 2],
        ["title", false, null, "gcc 13 miscompiles foo", null, 2],
        ["ignore-activity", false, null, null, null, 3],
        ["dup-of", false, "https://lore.kernel.org/all/abc@example.org/", null, null, 5],
        ["monitor", false, "https://lore.kernel.org/all/def@example.org/", "patch under review", null, 6],
        ["fix", false, null, "kbuild: fix the thing", null, 7],
        ["poke", false, null, null, null, 8],
        ["unknown", false, null, null, null, 9],
      ],
    );
  });

  test("#regzbot in the middle of prose is not a command; no body, no commands", () => {
    assert.deepEqual(parseRegzbotCommands("I will add it to #regzbot later.\n"), []);
    assert.deepEqual(parseRegzbotCommands(""), []);
    assert.equal(subjectIgnoresActivity("Re: [PATCH] kbuild: foo"), false);
  });
});
