import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { corpusFile, needsCorpus } from "../lib/testing/corpus";
import { parseMessage } from "../ingest/parse";
import { splitMbox } from "../ingest/read/mbox";
import type { ParsedMessage } from "../ingest/types";
import type { MessageDetail } from "../lib/queries/messages";
import { MessageArticle } from "./message-article";

async function corpusMessage(rel: string, messageId: string): Promise<ParsedMessage> {
  async function* once() {
    yield fs.readFileSync(corpusFile(rel));
  }
  for await (const raw of splitMbox(once(), rel)) {
    const m = await parseMessage(raw);
    if (m.messageId === messageId) return m;
  }
  throw new Error(`${rel}: no message <${messageId}>`);
}

function detail(m: ParsedMessage): MessageDetail {
  return {
    rowId: 1,
    messageId: m.messageId,
    ghost: false,
    subject: m.subject,
    fromName: m.from.name,
    fromAddr: m.from.address,
    toText: m.to.map((a) => a.address).join(", "),
    ccText: "",
    date: m.date,
    inReplyTo: m.inReplyTo,
    references: m.references,
    parentId: m.references.at(-1) ?? null,
    threadId: 1,
    threadRoot: m.references[0] ?? m.messageId,
    body: m.body,
    rawSize: m.raw.length,
    lists: m.lists,
    attachments: m.attachments,
  };
}

test("a message whose Message-ID has '/' gets lore's SHA-1 anchor and escaped links", needsCorpus(), async () => {
  // Greg's reply in kbuild 2021-01; its id has two slashes.
  const m = await corpusMessage("linux-kbuild/linux-kbuild-2021-01.mbox", "YA/PC/qAAmzfI2GE@kroah.com");
  const html = renderToStaticMarkup(<MessageArticle message={detail(m)} list="linux-kbuild" />);
  // sha1("YA/PC/qAAmzfI2GE@kroah.com"), computed independently with Python's hashlib.
  assert.match(html, /<article class="message" id="m5d6a9090b515be64538fa9da0162391b45ac5fc3"/);
  assert.match(html, /href="\/linux-kbuild\/YA%2FPC%2FqAAmzfI2GE@kroah.com\/raw"/);
  assert.match(html, /href="\/linux-kbuild\/YA%2FPC%2FqAAmzfI2GE@kroah.com\/T\/"/);
  assert.match(html, /href="\/linux-kbuild\/YA%2FPC%2FqAAmzfI2GE@kroah.com\/t.mbox.gz"/);
  assert.match(html, /data-message-id="YA\/PC\/qAAmzfI2GE@kroah.com"/);
  // Josh's patch, quoted three deep, is long: the outer quote starts folded, the ones inside it open.
  assert.match(html, /<details class="quote" data-depth="1"><summary>.*?<\/summary><blockquote><details class="quote" data-depth="2" open="">/s);
  assert.match(html, /<dd data-testid="message-from">Greg KH &lt;gregkh@linuxfoundation.org&gt;<\/dd>/);
});

test("attachments are listed with name, type and size, and not rendered", needsCorpus(), async () => {
  // Valdis's Kconfig report carries his PGP signature as an attachment.
  const m = await corpusMessage("linux-kbuild/linux-kbuild-2021-01.mbox", "16871.1609618487@turing-police");
  assert.equal(m.attachments.length, 1);
  const html = renderToStaticMarkup(<MessageArticle message={detail(m)} list="linux-kbuild" />);
  const a = m.attachments[0];
  assert.match(html, /1 attachment \(not shown\)/);
  assert.ok(html.includes(`<span class="dim">${a.contentType}, ${a.size} bytes</span>`), html.slice(html.indexOf("attachments")));
  assert.doesNotMatch(html, /BEGIN PGP SIGNATURE/);
});
