// What the site reads about single messages: the message page, its raw bytes, and thread bodies.
import { inflateSync } from "node:zlib";
import { prisma } from "../db";

export interface AttachmentSummary {
  filename: string | null;
  contentType: string;
  size: number;
}

export interface MessageDetail {
  rowId: number;
  messageId: string;
  ghost: boolean;
  subject: string;
  fromName: string;
  fromAddr: string;
  toText: string;
  ccText: string;
  date: Date | null;
  inReplyTo: string | null;
  references: string[];
  parentId: string | null;
  threadId: number | null;
  threadRoot: string;
  body: string;
  rawSize: number;
  lists: string[];
  attachments: AttachmentSummary[];
}

const detailSelect = {
  id: true,
  messageId: true,
  ghost: true,
  subject: true,
  fromName: true,
  fromAddr: true,
  toText: true,
  ccText: true,
  date: true,
  inReplyTo: true,
  refs: true,
  parentId: true,
  threadId: true,
  body: true,
  rawSize: true,
  lists: { select: { list: { select: { name: true } } } },
  attachments: { orderBy: { id: "asc" }, select: { filename: true, contentType: true, size: true } },
  thread: { select: { rootMessageId: true } },
} as const;

type DetailRow = NonNullable<Awaited<ReturnType<typeof findDetail>>>;

function findDetail(messageId: string) {
  return prisma().message.findUnique({ where: { messageId }, select: detailSelect });
}

/** The stored References as an array; a malformed value (never written by the ingester) counts as none. */
function parseRefs(refs: string): string[] {
  try {
    const v: unknown = JSON.parse(refs);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

function toDetail(r: DetailRow): MessageDetail {
  return {
    rowId: r.id,
    messageId: r.messageId,
    ghost: r.ghost,
    subject: r.subject,
    fromName: r.fromName,
    fromAddr: r.fromAddr,
    toText: r.toText,
    ccText: r.ccText,
    date: r.date,
    inReplyTo: r.inReplyTo,
    references: parseRefs(r.refs),
    parentId: r.parentId,
    threadId: r.threadId,
    threadRoot: r.thread?.rootMessageId ?? r.messageId,
    body: r.body,
    rawSize: r.rawSize,
    lists: r.lists.map((l) => l.list.name),
    attachments: r.attachments,
  };
}

/** One message (or ghost) by Message-ID, or null. */
export async function messageByMessageId(messageId: string): Promise<MessageDetail | null> {
  const r = await findDetail(messageId);
  return r && toDetail(r);
}

/** Every real message of a thread with its body, keyed by Message-ID, for the /T/ page. */
export async function threadBodies(threadId: number): Promise<Map<string, MessageDetail>> {
  const rows = await prisma().message.findMany({ where: { threadId, ghost: false }, select: detailSelect });
  return new Map(rows.map((r) => [r.messageId, toDetail(r)]));
}

/** The message exactly as received (inflated), or null for unknown ids, ghosts and messages stored without it. */
export async function rawMessage(messageId: string): Promise<Buffer | null> {
  const r = await prisma().message.findUnique({ where: { messageId }, select: { raw: true } });
  if (!r?.raw) return null;
  return inflateSync(r.raw);
}

/** Raw bytes of several messages, in the order given; ids without stored bytes are left out. */
export async function rawMessages(messageIds: string[]): Promise<Buffer[]> {
  const rows = await prisma().message.findMany({ where: { messageId: { in: messageIds } }, select: { messageId: true, raw: true } });
  const byId = new Map(rows.map((r) => [r.messageId, r.raw]));
  return messageIds.flatMap((id) => {
    const raw = byId.get(id);
    return raw ? [inflateSync(raw)] : [];
  });
}
