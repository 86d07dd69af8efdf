import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { corpusFile, needsCorpus, sampleFile } from "../testing/corpus";
import { extractEntities } from "../../ingest/extract";
import { readAll } from "../../ingest/testing";
import { parseMessage } from "../../ingest/parse";
import { splitMbox } from "../../ingest/read/mbox";
import { renderBody, renderBodyHtml } from "./render";

async function corpusBody(rel: string, messageId: string): Promise<string> {
  async function* once() {
    yield fs.readFileSync(corpusFile(rel));
  }
  for await (const raw of splitMbox(once(), rel)) {
    const m = await parseMessage(raw);
    if (m.messageId === messageId) return m.body;
  }
  throw new Error(`${rel}: no message <${messageId}>`);
}

const KBUILD = "linux-kbuild/linux-kbuild-2021-01.mbox";
const CBL = "cbl-googlegroup/clang-built-linux-2019-08.mbox";

/** The depth of each <details class="quote"> in document order, with its nesting level in the markup. */
function quoteNesting(html: string): [string, number][] {
  const out: [string, number][] = [];
  let open = 0;
  for (const m of html.matchAll(/<details class="quote" data-depth="(\d)"[^>]*>|<\/details>/g)) {
    if (m[0] === "</details>") open--;
    else out.push([m[1], ++open]);
  }
  return out;
}

describe("rendering real mail bodies", needsCorpus(), () => {
  test("Pavel's reply: three nested quote levels, each collapsible, and a dimmed signature with a link", async () => {
    const html = renderBodyHtml(await corpusBody(KBUILD, "20210101161435.GA344@duo.ucw.cz"));
    // "> > > $ dpkg -L kmod ..." sits three levels deep, inside "> Ok, I think this is a broken setup".
    assert.deepEqual(quoteNesting(html), [["1", 1], ["2", 2], ["3", 3]]);
    assert.match(html, /<details class="quote" data-depth="3" open><summary>.*?<\/summary><blockquote><p class="para">\$ dpkg -L kmod \| grep bin \| grep depmod\n\/sbin\/depmod<\/p>/s);
    assert.match(html, /<p class="para">Ok, I think this is a broken setup that has a separate \/sbin but does\nnot have it in the PATH.<\/p>/);
    assert.match(html, /<p class="para">Hi!<\/p>/);
    assert.match(html, /<div class="sig">-- \n<a href="http:\/\/www.livejournal.com\/~pavelmachek" rel="nofollow noopener" class="url">http:\/\/www.livejournal.com\/~pavelmachek<\/a><\/div>/);
  });

  test("Nathan's review: quoted patch as a coloured diff, trailers linked, long quotes folded", async () => {
    const html = renderBodyHtml(await corpusBody(KBUILD, "20210104221229.GB1405526@ubuntu-m3-large-x86"));
    assert.match(html, /<summary><span class="attribution">On Thu, Dec 03, 2020 at 05:11:27PM -0800, Nick Desaulniers wrote:<\/span>/);
    assert.match(html, /<div class="trailers">Reviewed-by: Nathan Chancellor &#x3C;natechancellor@gmail.com><\/div>/);
    assert.match(html, /Link: <a href="http:\/\/www.dwarfstd.org\/doc\/DWARF5.pdf" rel="nofollow noopener" class="url">/);
    assert.match(html, /<span class="dl dl-file">diff --git a\/Makefile b\/Makefile<\/span>/);
    assert.match(html, /<span class="dl dl-hunk">@@ -828,6 \+828,7 @@ endif<\/span>/);
    assert.match(html, /<span class="dl dl-add">\+dwarf-version-\$\(CONFIG_DEBUG_INFO_DWARF5\) := 5<\/span>/);
    assert.match(html, /<span class="dl dl-del">-\t\t.debug_addr\t0 : \{ \*\(.debug_addr\) \}<\/span>/);
    assert.match(html, /<span class="dl dl-file">--- \/dev\/null<\/span>/);
    // Both quotes are longer than the fold limit: collapsed, with their size in the summary.
    assert.deepEqual(quoteNesting(html), [["1", 1], ["1", 1]]);
    assert.doesNotMatch(html, /<details class="quote" data-depth="1" open>/);
  });

  test("angle brackets in a real patch mail stay text; an injected <script> is escaped", async () => {
    const body = await corpusBody(CBL, "CA+icZUXQYcX4+00JbOkZHaBDB=JEsabpU7HpZ_bTaV_gahr0ww@mail.gmail.com");
    const html = renderBodyHtml(body);
    assert.match(html, /For more details see &#x3C;scripts\/Makefile.extrawarn>\./);
    assert.doesNotMatch(html, /<scripts/);
    const hostile = renderBodyHtml(`${body.split("\n").slice(0, 8).join("\n")}\n<script>alert(document.cookie)</script>\n<img src=x onerror=alert(1)>\n`);
    assert.doesNotMatch(hostile, /<script|<img/);
    assert.match(hostile, /&#x3C;script>alert\(document.cookie\)&#x3C;\/script>\n&#x3C;img src=x onerror=alert\(1\)>/);
  });

  test("the React rendering is the same tree as the HTML one", async () => {
    const body = await corpusBody(KBUILD, "20210101161435.GA344@duo.ucw.cz");
    const react = renderToStaticMarkup(<>{renderBody(body)}</>);
    assert.match(react, /<details class="quote" data-depth="3" open="">/);
    assert.match(react, /<a href="http:\/\/www.livejournal.com\/~pavelmachek" rel="nofollow noopener" class="url">/);
    assert.equal(quoteNesting(react).length, 3);
  });
});

// Bundled samples, always present: the stored snippets of a message marked where they sit in its body.
async function sampleMessage(file: string, messageId: string): Promise<{ subject: string; body: string }> {
  for (const raw of await readAll(sampleFile(file))) {
    const m = await parseMessage(raw);
    if (m.messageId === messageId) return m;
  }
  throw new Error(`${file}: no message <${messageId}>`);
}

const CBL_SAMPLE = "clang-built-linux-2019-08.mbox.gz";

describe("snippets marked in the body", () => {
  test("the robot's powerpc build log is wrapped with an id, its kind and a label; the rest is unchanged", async () => {
    const m = await sampleMessage(CBL_SAMPLE, "201908031145.UTyrr2mj%lkp@intel.com");
    const snippets = extractEntities(m).snippets.map((s, i) => ({ id: 700 + i, kind: s.kind, arch: s.arch, startLine: s.startLine }));
    assert.deepEqual(snippets, [{ id: 700, kind: "build-log", arch: "powerpc", startLine: 20 }]);
    const html = renderBodyHtml(m.body, { snippets });
    assert.match(
      html,
      /<div class="snippet" id="snippet-700" data-snippet-kind="build-log" data-snippet-arch="powerpc"><a class="snippet-label" href="#snippet-700">build log · powerpc<\/a><pre class="code code-build-log" data-kind="build-log">   In file included from kernel\/bounds\.c:10:\n/,
    );
    assert.equal(m.body.split("\n")[20], "   In file included from kernel/bounds.c:10:");
    assert.equal(html.match(/class="snippet"/g)?.length, 1);
    // Without marks (or with a mark on no listing) the body renders exactly as before.
    const plain = renderBodyHtml(m.body);
    assert.doesNotMatch(plain, /snippet/);
    assert.match(plain, /<pre class="code code-build-log" data-kind="build-log" data-label="build log">/);
    assert.equal(renderBodyHtml(m.body, { snippets: [{ id: 1, kind: "oops", arch: null, startLine: 0 }] }), plain);
  });

  test("a patch's diff is marked as a patch snippet, in React output too", async () => {
    const m = await sampleMessage(CBL_SAMPLE, "20190807221539.94583-1-ndesaulniers@google.com");
    const [patch] = extractEntities(m).snippets.filter((s) => s.kind === "patch");
    assert.ok(patch, "the purgatory patch has a diff");
    const react = renderToStaticMarkup(<>{renderBody(m.body, { snippets: [{ id: 5, kind: "patch", arch: null, startLine: patch.startLine }] })}</>);
    assert.match(react, /<div class="snippet" id="snippet-5" data-snippet-kind="patch"><a class="snippet-label" href="#snippet-5">patch<\/a><pre class="diff" data-files="[^"]*arch\/x86\/purgatory\//);
  });
});
