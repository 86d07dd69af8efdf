// What the Atom feeds and the search mbox export read: messages newest first, by list, thread, search hit,
// commit or toolchain mention.
import { prisma } from "../db";
import type { FeedMessageInput } from "../feeds/message-feed";
import { MAX_PAGE_SIZE } from "../search/shared";
import { searchMessages, type Sort } from "./search";

/** Entries in one feed: about a month of a busy list, and what a feed reader shows without paging. */
export const FEED_ENTRIES = 50;
/** Entries in a thread's feed: all of nearly every thread (the kbuild sample's longest has 74 messages). */
export const THREAD_FEED_ENTRIES = 200;

// Shortest abbreviated sha a feed answers for: git's own default abbreviation.
const SHA_MIN = 7;
const SHA = /^[0-9a-f]{7,64}$/;

/** A message as the feeds render it (lib/feeds/message-feed.ts); `list` is the first list it came through. */
export type FeedMessage = FeedMessageInput;

const feedSelect = {
  messageId: true,
  subject: true,
  fromName: true,
  fromAddr: true,
  date: true,
  body: true,
  parentId: true,
  lists: { orderBy: { listId: "asc" }, take: 1, select: { list: { select: { name: true } } } },
} as const;

type FeedRow = { lists: { list: { name: string } }[] } & Omit<FeedMessage, "list">;

function toFeedMessage({ lists, ...m }: FeedRow): FeedMessage {
  return { ...m, list: lists[0]?.list.name ?? null };
}

// Undated messages sort as the oldest, as in search (SQLite puts NULL first in ascending order).
const newestFirst = [{ date: "desc" }, { id: "desc" }] as const;

/** The newest real messages of one list, or of every list when `list` is undefined. */
export async function newestMessages(list: string | undefined, limit: number = FEED_ENTRIES): Promise<FeedMessage[]> {
  const rows = await prisma().message.findMany({
    where: { ghost: false, ...(list === undefined ? {} : { lists: { some: { list: { name: list } } } }) },
    orderBy: [...newestFirst],
    take: limit,
    select: feedSelect,
  });
  return rows.map(toFeedMessage);
}

export interface ThreadFeed {
  rootMessageId: string;
  subject: string;
  /** Real messages of the thread, newest first, at most `limit`. */
  messages: FeedMessage[];
}

/** The thread a message belongs to, newest message first; null for an unknown Message-ID. */
export async function threadFeedMessages(messageId: string, limit: number = THREAD_FEED_ENTRIES): Promise<ThreadFeed | null> {
  const m = await prisma().message.findUnique({
    where: { messageId },
    select: { id: true, messageId: true, subject: true, threadId: true, thread: { select: { rootMessageId: true, subject: true } } },
  });
  if (!m) return null;
  const rows = await prisma().message.findMany({
    where: { ghost: false, ...(m.threadId === null ? { id: m.id } : { threadId: m.threadId }) },
    orderBy: [...newestFirst],
    take: limit,
    select: feedSelect,
  });
  return { rootMessageId: m.thread?.rootMessageId ?? m.messageId, subject: m.thread?.subject || m.subject, messages: rows.map(toFeedMessage) };
}

/** Feed data for messages named by Message-ID (search hits), in the order given; unknown ids and ghosts left out. */
export async function feedMessagesByIds(messageIds: string[]): Promise<FeedMessage[]> {
  const rows = await prisma().message.findMany({ where: { messageId: { in: messageIds }, ghost: false }, select: feedSelect });
  const byId = new Map(rows.map((r) => [r.messageId, toFeedMessage(r)]));
  return messageIds.flatMap((id) => byId.get(id) ?? []);
}

/** A sha as typed in a URL: lowercase hex of a sane length, else null. */
export function normalizeSha(text: string): string | null {
  const sha = text.trim().toLowerCase();
  return SHA.test(sha) ? sha : null;
}

export interface CommitRef {
  repo: string;
  sha: string;
  subject: string | null;
}

export interface MentionFeed<T> {
  entity: T;
  /** Messages mentioning it, newest first, at most `limit`. */
  messages: FeedMessage[];
  /** Every message mentioning it. */
  total: number;
}

/**
 * Messages that mention a commit, newest first. The store keeps the longest form of a sha it has seen,
 * so a URL's sha matches a stored one when either is a prefix of the other: /commit/87de84c9140e finds
 * the full id, and a full id finds a commit only ever written abbreviated. null when nothing matches.
 */
export async function commitMentionFeed(repo: string, shaText: string, limit: number = FEED_ENTRIES): Promise<MentionFeed<CommitRef[]> | null> {
  const sha = normalizeSha(shaText);
  if (sha === null) return null;
  const shorter = Array.from({ length: sha.length - SHA_MIN }, (_, i) => sha.slice(0, SHA_MIN + i));
  const commits = await prisma().commit.findMany({
    where: { repo, OR: [{ sha: { startsWith: sha } }, { sha: { in: shorter } }] },
    orderBy: { sha: "asc" },
    select: { id: true, repo: true, sha: true, subject: true },
  });
  if (commits.length === 0) return null;
  const where = { ghost: false, commitMentions: { some: { commitId: { in: commits.map((c) => c.id) } } } };
  const [rows, total] = await Promise.all([
    prisma().message.findMany({ where, orderBy: [...newestFirst], take: limit, select: feedSelect }),
    prisma().message.count({ where }),
  ]);
  return { entity: commits.map(({ repo, sha, subject }) => ({ repo, sha, subject })), messages: rows.map(toFeedMessage), total };
}

export interface ToolchainRef {
  name: string;
  version: string;
}

/** Messages that mention one toolchain version ("clang" "10.0.0"), newest first; null for an unknown version. */
export async function toolchainMentionFeed(name: string, version: string, limit: number = FEED_ENTRIES): Promise<MentionFeed<ToolchainRef> | null> {
  const toolchain = await prisma().toolchain.findUnique({ where: { name_version: { name, version } }, select: { id: true } });
  if (!toolchain) return null;
  const where = { ghost: false, toolchainMentions: { some: { toolchainId: toolchain.id } } };
  const [rows, total] = await Promise.all([
    prisma().message.findMany({ where, orderBy: [...newestFirst], take: limit, select: feedSelect }),
    prisma().message.count({ where }),
  ]);
  return { entity: { name, version }, messages: rows.map(toFeedMessage), total };
}

/**
 * Most messages one search export (x=m) holds. b4 asks for a series and its replies, rarely more than a few
 * hundred messages; the cap keeps one request from compressing a whole list. Responses state it in a header.
 */
export const EXPORT_MAX_MESSAGES = 1000;

export type SearchHitIds = { ok: true; messageIds: string[]; total: number } | { ok: false; error: string; position?: number };

/** Message-IDs of the first `max` hits of a search, in the search's own order, and the total number of hits. */
export async function searchHitIds(req: { q: string; list?: string; sort?: Sort }, max: number = EXPORT_MAX_MESSAGES): Promise<SearchHitIds> {
  const messageIds: string[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const outcome = await searchMessages({ ...req, page, pageSize: MAX_PAGE_SIZE });
    if (!outcome.ok) return outcome;
    total = outcome.result.total;
    messageIds.push(...outcome.result.hits.map((h) => h.messageId));
    if (messageIds.length >= max || outcome.result.hits.length < MAX_PAGE_SIZE) break;
  }
  return { ok: true, messageIds: messageIds.slice(0, max), total };
}
