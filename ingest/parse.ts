// MIME-decodes one raw message with mailparser (text body, decoded headers, attachment facts) and hands
// it to normalize.ts; the pipeline calls parseMessage and gets a finished ParsedMessage.
import { htmlToText } from "html-to-text";
import { MailParser, type AddressObject, type AttachmentStream, type EmailAddress, type MessageText } from "mailparser";
import type { Address, AttachmentInfo, ParsedMessage, RawMessage } from "./types";
import { normalize, type DecodedMail, type HeaderField } from "./normalize";

/** A message that cannot be used; `reason` is for people and says what is wrong with it. */
export class IngestError extends Error {
  constructor(
    readonly reason: string,
    readonly source?: RawMessage["source"],
  ) {
    super(source ? `${source.path}: message ${source.index.toLocaleString("en-US")} at byte ${source.byteOffset.toLocaleString("en-US")}: ${reason}` : reason);
    this.name = "IngestError";
  }
}

// No list relays mail this large (Google Groups stops at 25 MB); beyond it a "message" is a broken split.
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
// html-to-text is slow on huge documents; past this the tags are simply stripped.
const MAX_HTML_TO_TEXT = 2 * 1024 * 1024;

// The only header fields mailparser sees. Received, DKIM, ARC and the like are most of a list mail's
// header block and mailparser would decode every one; the rest are read from HeaderField[] instead.
const MAILPARSER_FIELDS = new Set(["from", "to", "cc", "subject", "reply-to", "mime-version"]);
// X-Original-From is handed to mailparser as Sender (the real Sender is dropped) so that it is
// RFC 2047-decoded and address-parsed like From.
const ORIGINAL_FROM_AS = "Sender";

// Everything mailparser would build for display and we never use: text-to-HTML, link detection,
// cid: image inlining. HTML-to-text is done here, only when a mail has no text part at all.
const MAILPARSER_OPTIONS = {
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  skipHtmlToText: true,
  keepCidLinks: true,
} as const;

// Attached patches are part of what a message says (lore shows them inline), unlike other attachments.
const PATCH_TYPE = /^text\/(x-)?(patch|diff)$/i;
const PATCH_NAME = /\.(patch|diff)$/i;

interface HeaderBlock {
  fields: HeaderField[];
  forMailparser: Buffer; // the kept fields and the rest of the message, as mailparser should read it
}

function utf8(latin1: string): string {
  // Header bytes were read as latin1 to keep them intact; 8-bit ones are most often raw UTF-8.
  return /[\x80-\xff]/.test(latin1) ? Buffer.from(latin1, "latin1").toString("utf8") : latin1;
}

/** Header end: the first empty line (LF or CRLF); a message without one is all header. */
function headerEnd(raw: Buffer): number {
  if (raw[0] === 0x0a || (raw[0] === 0x0d && raw[1] === 0x0a)) return 0;
  let at = raw.indexOf("\n\n");
  const crlf = raw.indexOf("\n\r\n");
  if (crlf !== -1 && (at === -1 || crlf < at)) at = crlf;
  return at === -1 ? raw.length : at + 1;
}

function splitHeaders(raw: Buffer): HeaderBlock {
  const end = headerEnd(raw);
  const block = raw.toString("latin1", 0, end);
  const fields: HeaderField[] = [];
  const kept: string[] = [];
  // A field is a "name:" line plus its indented continuation lines; stray lines without a colon are dropped.
  for (const field of block.split(/\r?\n(?![ \t])/)) {
    const colon = field.indexOf(":");
    if (colon <= 0) continue;
    const name = field.slice(0, colon).trim().toLowerCase();
    if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name)) continue;
    const value = field.slice(colon + 1).replace(/\r?\n[ \t]/g, " ").trim();
    fields.push({ name, value: utf8(value) });
    if (MAILPARSER_FIELDS.has(name) || name.startsWith("content-")) kept.push(field);
    else if (name === "x-original-from") kept.push(ORIGINAL_FROM_AS + field.slice(colon));
  }
  const head = Buffer.from(kept.join("\n") + "\n", "latin1");
  return { fields, forMailparser: Buffer.concat([head, raw.subarray(end)]) };
}

function flatten(list: EmailAddress[], out: Address[] = []): Address[] {
  for (const a of list) {
    if (a.group) flatten(a.group, out);
    else out.push({ name: (a.name ?? "").trim(), address: (a.address ?? "").trim() });
  }
  return out;
}

function addressesOf(value: unknown): Address[] {
  if (!value) return [];
  const objects = (Array.isArray(value) ? value : [value]) as AddressObject[];
  return objects.flatMap((o) => (o && Array.isArray(o.value) ? flatten(o.value) : []));
}

function charsetOf(attachment: AttachmentStream): string {
  const ct = attachment.headers.get("content-type") as { params?: Record<string, string> } | undefined;
  return ct?.params?.charset ?? "utf-8";
}

function decodeText(bytes: Buffer, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(bytes).replace(/\r\n?/g, "\n");
}

interface MailparserResult {
  headers: Map<string, unknown>;
  text: string;
  html: string;
  attachments: AttachmentInfo[];
  patches: string[];
}

function runMailparser(input: Buffer): Promise<MailparserResult> {
  return new Promise((resolve, reject) => {
    const parser = new MailParser(MAILPARSER_OPTIONS);
    const result: MailparserResult = { headers: new Map(), text: "", html: "", attachments: [], patches: [] };
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      parser.destroy();
      reject(err);
    };
    parser.on("headers", (headers: Map<string, unknown>) => (result.headers = headers));
    parser.on("data", (data: AttachmentStream | MessageText) => {
      if (data.type === "text") {
        result.text = typeof data.text === "string" ? data.text : "";
        result.html = typeof data.html === "string" ? data.html : "";
        return;
      }
      const info: AttachmentInfo = { filename: data.filename ?? null, contentType: data.contentType || "application/octet-stream", size: 0 };
      result.attachments.push(info);
      const keep = PATCH_TYPE.test(info.contentType) || (/^text\//i.test(info.contentType) && PATCH_NAME.test(info.filename ?? ""));
      const chunks: Buffer[] = [];
      data.content.on("data", (chunk: Buffer) => {
        info.size += chunk.length;
        if (keep) chunks.push(chunk);
      });
      data.content.on("error", fail);
      data.content.on("end", () => {
        if (keep) result.patches.push(decodeText(Buffer.concat(chunks), charsetOf(data)));
        data.release();
      });
    });
    parser.on("error", fail);
    parser.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(result);
    });
    parser.end(input);
  });
}

function textFromHtml(html: string): string {
  if (html.length > MAX_HTML_TO_TEXT) return html.replace(/<[^>]*>/g, " ");
  return htmlToText(html, { wordwrap: false });
}

/** The decoded text a person reads: the text parts, else the HTML as text, then any attached patches. */
function bodyText(r: MailparserResult): string {
  let text = r.text.replace(/\r\n?/g, "\n");
  if (!text.trim() && r.html.trim()) text = textFromHtml(r.html);
  for (const patch of r.patches) text += (text && !text.endsWith("\n") ? "\n" : "") + (text ? "\n" : "") + patch;
  return text;
}

function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  return true;
}

/**
 * Parses and normalizes one message. Throws IngestError (naming the source position) for a message that
 * cannot be used: empty, without any header field, or one mailparser rejects.
 */
export async function parseMessage(raw: RawMessage): Promise<ParsedMessage> {
  if (raw.raw.length > MAX_MESSAGE_BYTES) throw new IngestError(`message is ${raw.raw.length.toLocaleString("en-US")} bytes, over the ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB limit`, raw.source);
  if (isBlank(raw.raw)) throw new IngestError("empty message", raw.source);
  const { fields, forMailparser } = splitHeaders(raw.raw);
  if (fields.length === 0) throw new IngestError("no header fields: not a mail message", raw.source);

  let r: MailparserResult;
  try {
    r = await runMailparser(forMailparser);
  } catch (err) {
    throw new IngestError(`cannot be decoded: ${err instanceof Error ? err.message : String(err)}`, raw.source);
  }
  const subject = r.headers.get("subject");
  const mail: DecodedMail = {
    headers: fields,
    subject: typeof subject === "string" ? subject : "",
    from: addressesOf(r.headers.get("from")),
    to: addressesOf(r.headers.get("to")),
    cc: addressesOf(r.headers.get("cc")),
    replyTo: addressesOf(r.headers.get("reply-to")),
    originalFrom: addressesOf(r.headers.get(ORIGINAL_FROM_AS.toLowerCase())),
    text: bodyText(r),
    attachments: r.attachments,
  };
  return normalize(mail, raw);
}
