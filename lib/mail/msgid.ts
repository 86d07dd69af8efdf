// Message-ID functions: cleaning, extraction from References/In-Reply-To, synthetic ids, lore anchors
// (after public-inbox's MID.pm).
import { createHash } from "node:crypto";

// public-inbox truncates longer ids (MID.pm MAX_MID_SIZE): beyond this an id is garbage, not an identifier.
export const MAX_MID_SIZE = 244;
// SHA-1 hex length: lore's HTML anchors for ids that are longer or not plain word characters are SHA-1 hex.
export const ID_MAX = 40;
// The domain of ids made up for mail that has none: .invalid can never collide with a real host (RFC 2606).
export const SYNTHETIC_DOMAIN = "crosslore.invalid";
// Hex digits of the SHA-256 kept in a synthetic id: 128 bits, no accidental collisions.
const SYNTHETIC_HEX = 32;

const BRACKETED = /<([^<>]+)>/g;
const WHITESPACE = /[\s\u0000]+/g;

/** Whitespace (folding leftovers) removed and over-long ids truncated; "" when nothing usable is left. */
function tidy(id: string): string {
  const s = id.replace(WHITESPACE, "");
  return s.length > MAX_MID_SIZE ? s.slice(0, MAX_MID_SIZE) : s;
}

/**
 * A Message-ID header value as an id without angle brackets: the first <…> if there is one, else the
 * whole value trimmed (some mailers omit the brackets). "" when the value holds no id.
 */
export function cleanMessageId(value: string): string {
  BRACKETED.lastIndex = 0;
  const m = BRACKETED.exec(value);
  const id = tidy(m ? m[1] : value.replace(/^[\s<]+|[\s>]+$/g, ""));
  return id.includes("<") || id.includes(">") ? "" : id;
}

/**
 * The ids in a References or In-Reply-To value, in order: every <…>. A value without brackets gives
 * its whitespace-separated tokens that look like ids (contain "@"), so "In-Reply-To: 123@host" counts
 * but "In-Reply-To: Your message of Monday" does not.
 */
export function extractMessageIds(value: string): string[] {
  const ids: string[] = [];
  BRACKETED.lastIndex = 0;
  for (let m = BRACKETED.exec(value); m; m = BRACKETED.exec(value)) {
    const id = tidy(m[1]);
    if (id) ids.push(id);
  }
  if (ids.length > 0 || value.includes("<")) return ids;
  for (const token of value.split(/[\s,]+/)) {
    const id = tidy(token);
    if (id.includes("@") && !id.includes(">")) ids.push(id);
  }
  return ids;
}

/**
 * The references of a message, oldest first: the ids of all References headers, then In-Reply-To's
 * when References lacks them, de-duplicated (first occurrence kept), without the message's own id.
 * `notIds` are addresses from From/To/Cc: like public-inbox, an address that sneaked into References
 * ("<user@example.org>") is not taken as a message, and neither are the answers ("y", "yes", "n", "no") old git send-email wrote into
 * In-Reply-To when asked for a message to reply to: 23 messages of notmuch's lkml corpus carry `In-Reply-To: <yes>`, which would
 * otherwise join unrelated series under one placeholder.
 */
export function referenceIds(references: string[], inReplyTo: string[], self: string, notIds: Iterable<string> = []): string[] {
  const skip = new Set<string>(["y", "yes", "n", "no", self]);
  for (const a of notIds) skip.add(a);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const value of [...references, ...inReplyTo]) {
    for (const id of extractMessageIds(value)) {
      if (skip.has(id) || seen.has(id)) continue;
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}

/** A stable id for mail without a Message-ID: the same bytes always give the same id. */
export function syntheticMessageId(raw: Buffer): string {
  return `${createHash("sha256").update(raw).digest("hex").slice(0, SYNTHETIC_HEX)}@${SYNTHETIC_DOMAIN}`;
}

/** Whether an id was made by syntheticMessageId. */
export function isSyntheticMessageId(id: string): boolean {
  return id.endsWith(`@${SYNTHETIC_DOMAIN}`);
}

/** lore's "#m…" anchor for a message: the id itself when short and plain, else its SHA-1 hex (id_compress). */
export function messageIdAnchor(mid: string): string {
  if (mid.length <= ID_MAX && /^[A-Za-z0-9_-]+$/.test(mid)) return mid;
  return createHash("sha1").update(mid, "utf8").digest("hex");
}
