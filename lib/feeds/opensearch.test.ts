import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { openSearchDescription } from "./opensearch";
import { checkXml } from "./xml-check";

describe("openSearchDescription", () => {
  test("well-formed, templates escaped, limits kept", () => {
    const xml = openSearchDescription({
      shortName: "crosslore toolchain bugs",
      description: "Search Linux toolchain threads: s:, f:, dfn:, has:asm & more",
      htmlTemplate: "https://crosslore.example/all/?q={searchTerms}&x=1",
      atomTemplate: "https://crosslore.example/all/?q={searchTerms}&x=A",
      image: "https://crosslore.example/favicon.ico",
      selfUrl: "https://crosslore.example/opensearch.xml",
    });
    const check = checkXml(xml);
    assert.ok(check.ok, `${check.parser}: ${check.error}`);
    assert.ok(xml.includes('template="https://crosslore.example/all/?q={searchTerms}&amp;x=1"'));
    assert.ok(xml.includes("<ShortName>crosslore toolch</ShortName>"));
    assert.ok(xml.includes("has:asm &amp; more"));
    assert.ok(xml.includes('type="application/atom+xml"') && xml.includes('rel="self"'));
  });
  test("a template without {searchTerms} is a programming error", () => {
    assert.throws(() => openSearchDescription({ shortName: "x", description: "y", htmlTemplate: "https://x/?q=" }), /has no \{searchTerms\}/);
  });
});
