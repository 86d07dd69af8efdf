import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, test } from "node:test";
import type { ParsedMessage } from "../../ingest/types";
import { needsCorpus } from "../testing/corpus";
import { corpusMessages } from "../regressions/test-mail";
import { atomFeed, messageEntryId, rfc3339, tagUri, type AtomEntry } from "./atom";
import { checkXml } from "./xml-check";

const BASE = "https://crosslore.example";

function entry(m: ParsedMessage): AtomEntry {
  return {
    id: messageEntryId(BASE, m.messageId),
    title: m.subject,
    updated: m.date,
    author: { name: m.from.name, email: m.from.address },
    link: messageEntryId(BASE, m.messageId),
    inReplyTo: m.inReplyTo ? { ref: m.inReplyTo, href: messageEntryId(BASE, m.inReplyTo) } : null,
    content: { type: "xhtml-pre", text: m.body },
  };
}

// Reads the feed back with a real XML parser (Python's ElementTree) when python3 is installed.
function readBack(xml: string): { titles: string[]; ids: string[]; texts: string[] } | null {
  const script = [
    "import sys, json, xml.etree.ElementTree as ET",
    "A='{http://www.w3.org/2005/Atom}'; X='{http://www.w3.org/1999/xhtml}'",
    "root = ET.fromstring(sys.stdin.buffer.read())",
    "es = root.findall(A+'entry')",
    "print(json.dumps({'titles':[e.find(A+'title').text or '' for e in es],'ids':[e.find(A+'id').text for e in es],'texts':[''.join(e.find(A+'content').find(X+'div').find(X+'pre').itertext()) for e in es]}))",
  ].join("\n");
  const r = spawnSync("python3", ["-c", script], { input: Buffer.from(xml, "utf8"), encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.error || r.status === null) return null;
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe("atomFeed", () => {
  test("a month of linux-kbuild mail: well-formed, and the text comes back unchanged", needsCorpus(), async () => {
    const ms = (await corpusMessages("linux-kbuild/linux-kbuild-2021-01.mbox")).slice(0, 200);
    const xml = atomFeed({ id: `${BASE}/linux-kbuild/`, title: "linux-kbuild <2021-01> & co", selfUrl: `${BASE}/linux-kbuild/new.atom`, alternateUrl: `${BASE}/linux-kbuild/`, entries: ms.map(entry) });
    const check = checkXml(xml);
    assert.ok(check.ok, `${check.parser}: ${check.error}`);
    assert.equal((xml.match(/<entry>/g) ?? []).length, 200);
    const back = readBack(xml);
    if (back) {
      assert.deepEqual(back.titles, ms.map((m) => m.subject));
      assert.deepEqual(back.ids, ms.map((m) => messageEntryId(BASE, m.messageId)));
      // XML turns CR LF into LF and CR into LF; bodies are LF already, so they compare equal.
      assert.deepEqual(back.texts, ms.map((m) => m.body.replace(/\r\n?/g, "\n")));
    }
    const newest = ms.reduce((a, m) => (m.date && m.date > a ? m.date : a), new Date(0));
    assert.ok(xml.includes(`<updated>${rfc3339(newest)}</updated><entry>`), "feed updated = newest entry");
  });

  test("control characters, lone surrogates, markup and bad dates cannot break the document", () => {
    const nasty = "colour: \u001b[31merror\u001b[0m\f NUL\u0000 </pre></div> ]]> &amp; \ud800 \uffff ok \u{1F600}";
    const xml = atomFeed({
      id: tagUri("crosslore.example", new Date("2024-05-01T00:00:00Z"), "search/q=a b"),
      title: nasty,
      updated: new Date("invalid"),
      selfUrl: `${BASE}/?q="x"&o=1`,
      alternateUrl: BASE,
      entries: [{ id: "urn:x", title: nasty, updated: null, author: { name: "", email: "a@b" }, link: BASE, content: { type: "text", text: nasty } }, { id: "urn:y", title: "t", updated: null, author: { name: "n" }, link: BASE, content: { type: "xhtml-pre", text: nasty } }],
    });
    const check = checkXml(xml);
    assert.ok(check.ok, `${check.parser}: ${check.error}`);
    assert.ok(xml.includes("colour: \ufffd[31merror") && xml.includes("\u{1F600}") && xml.includes("&lt;/pre&gt;"));
    assert.ok(xml.includes("<id>tag:crosslore.example,2024-05-01:search/q=a%20b</id>"));
    assert.ok(xml.includes("<updated>1970-01-01T00:00:00Z</updated>"));
    assert.equal(rfc3339(new Date("2021-01-13T00:32:35Z")), "2021-01-13T00:32:35Z");
  });
});
