// Turns a MIME-decoded mail into the ParsedMessage the later stages use: ids, references, real author,
// lists, date, folded subject. No MIME here: parse.ts decodes, this file interprets headers.
import type { Address, AttachmentInfo, ParsedMessage, RawMessage } from "./types";
import { cleanMessageId, extractMessageIds, referenceIds, syntheticMessageId } from "../lib/mail/msgid";

/** One top-level header field, unfolded; `name` in lower case, `value` as written (8-bit bytes read as UTF-8). */
export interface HeaderField {
  name: string;
  value: string;
}

/** What parse.ts hands over: the decoded parts of a mail, before interpretation. */
export interface DecodedMail {
  headers: HeaderField[];
  subject: string; // RFC 2047 decoded
  from: Address[];
  to: Address[];
  cc: Address[];
  replyTo: Address[];
  originalFrom: Address[]; // X-Original-From, which Google Groups adds when it rewrites From
  text: string; // LF line ends
  attachments: AttachmentInfo[];
}

export function headerValues(headers: HeaderField[], name: string): string[] {
  const out: string[] = [];
  for (const h of headers) if (h.name === name) out.push(h.value);
  return out;
}

// Google Groups (and other DMARC-rewriting lists) send "'Real Name' via List Name" <list@…>.
const MUNGED_NAME = /^\s*(?:'(.*)'|(.*?))\s+via\s+\S.*$/;

/**
 * The real author of a mail whose From a list rewrote: X-Original-From, else a Reply-To that is not
 * the list itself, else the From with its "'…' via List" name unwrapped. Other mail: the From.
 */
export function realAuthor(mail: Pick<DecodedMail, "from" | "replyTo" | "originalFrom">): Address {
  const from = mail.from[0] ?? { name: "", address: "" };
  const munged = MUNGED_NAME.exec(from.name);
  if (mail.originalFrom[0]?.address) return mail.originalFrom[0];
  if (!munged) return from;
  const name = (munged[1] ?? munged[2]).trim();
  const reply = mail.replyTo.find((a) => a.address && a.address.toLowerCase() !== from.address.toLowerCase());
  if (reply) return { name: reply.name || name, address: reply.address };
  return { name, address: from.address };
}

// lore calls linux-kernel@vger.kernel.org "lkml"; every other list goes by its local part.
const LORE_ALIASES: Record<string, string> = { "linux-kernel": "lkml" };
// gmane rewrote list addresses as "list-<22 random chars>@public.gmane.org".
const GMANE_SUFFIX = /-[A-Za-z0-9_]{10,}$/;

function shortName(local: string): string | null {
  const name = local.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._+-]*$/.test(name)) return null;
  return LORE_ALIASES[name] ?? name;
}

/**
 * A list's lore-style short name from a List-Id ("<linux-kbuild.vger.kernel.org>", "Desc <x.lists.y.org>")
 * or an X-Mailing-List address ("kasan-dev@googlegroups.com"); null when the value names no list.
 */
export function listShortName(value: string): string | null {
  const bracketed = /<([^<>]+)>/.exec(value);
  const id = (bracketed ? bracketed[1] : value).trim();
  const at = id.indexOf("@");
  if (at > 0) {
    const domain = id.slice(at + 1).toLowerCase();
    const local = id.slice(0, at);
    return shortName(domain === "public.gmane.org" ? local.replace(GMANE_SUFFIX, "") : local);
  }
  // A List-Id without brackets is only a description ("The user-mode Linux user list"), unless it is one word.
  if (!bracketed && /\s/.test(id)) return null;
  const dot = id.indexOf(".");
  return dot > 0 ? shortName(id.slice(0, dot)) : null;
}

/** Lists a mail was delivered through: List-Id when present, since X-Mailing-List may be gmane-obfuscated. */
export function listNames(headers: HeaderField[]): string[] {
  const fromListId = headerValues(headers, "list-id").map(listShortName);
  const names = fromListId.some((n) => n) ? fromListId : headerValues(headers, "x-mailing-list").map(listShortName);
  return [...new Set(names.filter((n): n is string => !!n))];
}

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };
// RFC 5322 section 4.3 obsolete zones; any other letters mean an unknown zone, read as UTC (-0000).
const ZONES: Record<string, number> = { ut: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 };
const RFC5322_DATE =
  /^\s*(?:[A-Za-z]+\s*,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3})[A-Za-z]*[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\.\d+)?\s*(?:([+-])(\d{2}):?(\d{2})|([A-Za-z]{1,5}))?/;
// No list mail predates this; earlier dates come from zeroed clocks (1970-01-01) and the like.
export const EARLIEST_DATE = Date.UTC(1980, 0, 1);
// Clocks run fast by hours or days, not years; a date further ahead than this is a broken clock.
const FUTURE_SLACK_MS = 366 * 24 * 3600 * 1000;

/** A Date header as a Date; null when unparseable or absurd (before 1980 or over a year ahead of now). */
export function parseMailDate(value: string | undefined, now: number = Date.now()): Date | null {
  if (!value) return null;
  let ms = NaN;
  const m = RFC5322_DATE.exec(value);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    let year = Number(m[3]);
    if (m[3].length === 2) year += year < 50 ? 2000 : 1900;
    else if (m[3].length === 3) year += 1900;
    const [day, hour, minute, second] = [Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    let offset = 0;
    if (m[7]) offset = (m[7] === "-" ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
    else if (m[10]) offset = ZONES[m[10].toLowerCase()] ?? 0;
    const valid = month !== undefined && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60;
    if (valid) ms = Date.UTC(year, month, day, hour, minute, second) - offset * 60_000;
  } else if (/\b(19|20)\d\d\b/.test(value)) {
    // ISO 8601 and other formats some tools write; only with a full year, since Date.parse("1") is 2001.
    ms = Date.parse(value);
  }
  if (Number.isNaN(ms) || ms < EARLIEST_DATE || ms > now + FUTURE_SLACK_MS) return null;
  return new Date(ms);
}

export function foldSubject(subject: string): string {
  return subject.replace(/\s+/g, " ").trim();
}

// Recipients without an address are group names or comments ("unlisted-recipients:; (no To-header on input)").
// Mailman's pipermail archives write "From: andy at example.com (Andy Grunwald)" to hide addresses.
const PIPERMAIL_FROM = /^\s*([^\s@<>()]+) at ([^\s@<>()]+\.[^\s@<>()]+)\s*(?:\((.*)\))?\s*$/;

/** The author from a pipermail-obfuscated From value, or null when it is not one. */
export function pipermailAuthor(value: string): Address | null {
  const m = PIPERMAIL_FROM.exec(value);
  return m ? { name: (m[3] ?? "").trim(), address: `${m[1]}@${m[2]}` } : null;
}

function addresses(list: Address[]): Address[] {
  return list.filter((a) => a.address);
}

/**
 * The message the pipeline stores. parseMessage (parse.ts) calls this; it is exported for tests and for
 * re-normalizing stored mail without decoding it again.
 */
export function normalize(mail: DecodedMail, raw: RawMessage): ParsedMessage {
  let messageId = "";
  for (const v of headerValues(mail.headers, "message-id")) {
    messageId = cleanMessageId(v);
    if (messageId) break;
  }
  const synthetic = !messageId;
  if (synthetic) messageId = syntheticMessageId(raw.raw);

  const inReplyToValues = headerValues(mail.headers, "in-reply-to");
  const ownAddresses = [...mail.from, ...mail.to, ...mail.cc].map((a) => a.address).filter(Boolean);
  const skip = new Set(["y", "n", messageId, ...ownAddresses]);
  const inReplyTo = inReplyToValues.flatMap(extractMessageIds).find((id) => !skip.has(id)) ?? null;
  const references = referenceIds(headerValues(mail.headers, "references"), inReplyToValues, messageId, ownAddresses);
  // Several References headers (added by different hops) can come in any order; the direct parent
  // belongs last, where threading looks for it.
  if (inReplyTo && references.at(-1) !== inReplyTo) references.push(...references.splice(references.indexOf(inReplyTo), 1));

  let from = realAuthor(mail);
  if (!from.address) from = pipermailAuthor(headerValues(mail.headers, "from")[0] ?? "") ?? from;

  return {
    messageId,
    synthetic,
    subject: foldSubject(mail.subject),
    from,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    date: parseMailDate(headerValues(mail.headers, "date")[0]),
    inReplyTo,
    references,
    lists: listNames(mail.headers),
    body: mail.text.replace(/\r\n?/g, "\n"),
    attachments: mail.attachments,
    raw: raw.raw,
    source: raw.source,
  };
}
