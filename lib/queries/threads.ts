// What the site reads about threads: recent ones for the front and list pages, and one thread in order.
import { prisma } from "../db";
import { orderThread, type Ordered } from "./thread-order";

export interface ThreadSummary {
  rootMessageId: string;
  subject: string;
  firstDate: Date | null;
  lastDate: Date | null;
  messageCount: number;
  /** The first real message, which the thread's links point at (the root may be a ghost). */
  linkMessageId: string;
  list: string;
}

export const THREADS_PER_PAGE = 50;

/** Threads by latest activity, all lists or one; `page` is 1-based. */
export async function recentThreads(options: { list?: string; page?: number; pageSize?: number } = {}): Promise<ThreadSummary[]> {
  const pageSize = options.pageSize ?? THREADS_PER_PAGE;
  const page = Math.max(1, options.page ?? 1);
  const inList = options.list ? { lists: { some: { list: { name: options.list } } } } : {};
  const rows = await prisma().thread.findMany({
    where: { messages: { some: { ghost: false, ...inList } } },
    orderBy: [{ lastDate: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      rootMessageId: true,
      subject: true,
      firstDate: true,
      lastDate: true,
      messageCount: true,
      messages: {
        where: { ghost: false, ...inList },
        orderBy: [{ date: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        take: 1,
        select: { messageId: true, lists: { take: 1, select: { list: { select: { name: true } } } } },
      },
    },
  });
  return rows.flatMap((t) => {
    const first = t.messages[0];
    if (!first) return [];
    return [
      {
        rootMessageId: t.rootMessageId,
        subject: t.subject,
        firstDate: t.firstDate,
        lastDate: t.lastDate,
        messageCount: t.messageCount,
        linkMessageId: first.messageId,
        list: options.list ?? first.lists[0]?.list.name ?? "all",
      },
    ];
  });
}

/** Number of threads with at least one real message (in `list`, when given), for paging. */
export async function threadCount(list?: string): Promise<number> {
  const inList = list ? { lists: { some: { list: { name: list } } } } : {};
  return prisma().thread.count({ where: { messages: { some: { ghost: false, ...inList } } } });
}

export interface ThreadEntry {
  messageId: string;
  parentId: string | null;
  ghost: boolean;
  subject: string;
  fromName: string;
  fromAddr: string;
  date: Date | null;
  lists: string[];
}

export interface ThreadOutline {
  threadId: number;
  rootMessageId: string;
  subject: string;
  messageCount: number;
  messages: Ordered<ThreadEntry>[];
}

const entrySelect = {
  messageId: true,
  parentId: true,
  ghost: true,
  subject: true,
  fromName: true,
  fromAddr: true,
  date: true,
  lists: { select: { list: { select: { name: true } } } },
} as const;

/** The thread a message belongs to, in thread order (ghosts included), or null for an unknown id. */
export async function threadOutlineOf(messageId: string): Promise<ThreadOutline | null> {
  const m = await prisma().message.findUnique({ where: { messageId }, select: { threadId: true, messageId: true } });
  if (!m) return null;
  if (m.threadId === null) {
    const only = await prisma().message.findUnique({ where: { messageId }, select: entrySelect });
    if (!only) return null;
    const entry = { ...only, lists: only.lists.map((l) => l.list.name) };
    return { threadId: -1, rootMessageId: m.messageId, subject: only.subject, messageCount: only.ghost ? 0 : 1, messages: [{ ...entry, depth: 0 }] };
  }
  const thread = await prisma().thread.findUnique({
    where: { id: m.threadId },
    select: { id: true, rootMessageId: true, subject: true, messageCount: true, messages: { select: entrySelect } },
  });
  if (!thread) return null;
  const entries = thread.messages.map((e) => ({ ...e, lists: e.lists.map((l) => l.list.name) }));
  return {
    threadId: thread.id,
    rootMessageId: thread.rootMessageId,
    subject: thread.subject,
    messageCount: thread.messageCount,
    messages: orderThread(entries, thread.rootMessageId),
  };
}
