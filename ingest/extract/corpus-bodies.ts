// Finds one message's decoded text body in a corpus mbox by Message-ID, for tests of segmentation and extraction.
import fs from "node:fs";
import { simpleParser } from "mailparser";
import { corpusFile } from "../../lib/testing/corpus";

const files = new Map<string, string[]>();

// mboxrd as the corpus MANIFEST describes it: each message follows a "From mboxrd@z" line.
function messagesOf(rel: string): string[] {
  let msgs = files.get(rel);
  if (!msgs) {
    msgs = fs.readFileSync(corpusFile(rel), "latin1").split(/^From mboxrd@z [^\n]*\n/m);
    files.set(rel, msgs);
  }
  return msgs;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The raw bytes (latin1 round-trip) of the message in corpus mbox `rel` whose Message-ID is `messageId`. */
export function rawMessage(rel: string, messageId: string): Buffer {
  const re = new RegExp(`^message-id:[ \\t]*(\\r?\\n[ \\t]+)?<${escapeRe(messageId)}>`, "im");
  for (const m of messagesOf(rel)) {
    const headerEnd = m.search(/\r?\n\r?\n/);
    if (re.test(headerEnd < 0 ? m : m.slice(0, headerEnd))) {
      return Buffer.from(m.replace(/^>(>*From )/gm, "$1"), "latin1");
    }
  }
  throw new Error(`${rel}: no message with Message-ID <${messageId}>`);
}

/** The decoded text body (LF line ends) of a corpus message, as ingest's parser would see it. */
export async function corpusBody(rel: string, messageId: string): Promise<{ subject: string; body: string }> {
  const parsed = await simpleParser(rawMessage(rel, messageId), { skipHtmlToText: false });
  return { subject: parsed.subject ?? "", body: (parsed.text ?? "").replace(/\r\n?/g, "\n") };
}

/** Every message of a corpus mbox, decoded, in file order. */
export async function* corpusBodies(rel: string): AsyncGenerator<{ messageId: string; subject: string; body: string }> {
  for (const m of messagesOf(rel)) {
    if (!m.trim()) continue;
    const parsed = await simpleParser(Buffer.from(m.replace(/^>(>*From )/gm, "$1"), "latin1"), { skipHtmlToText: false });
    yield { messageId: parsed.messageId ?? "", subject: parsed.subject ?? "", body: (parsed.text ?? "").replace(/\r\n?/g, "\n") };
  }
}
