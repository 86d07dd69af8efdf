// What the site reads about mailing lists.
import { prisma } from "../db";

export interface ListSummary {
  name: string;
  address: string | null;
  messageCount: number;
}

/** Every list with its number of stored messages, largest first. */
export async function listsWithCounts(): Promise<ListSummary[]> {
  const rows = await prisma().list.findMany({
    select: { name: true, address: true, _count: { select: { messages: true } } },
  });
  return rows
    .map((r) => ({ name: r.name, address: r.address, messageCount: r._count.messages }))
    .sort((a, b) => b.messageCount - a.messageCount || a.name.localeCompare(b.name));
}

/** One list by its lore-style name, or null. */
export async function listByName(name: string): Promise<ListSummary | null> {
  const r = await prisma().list.findUnique({
    where: { name },
    select: { name: true, address: true, _count: { select: { messages: true } } },
  });
  return r && { name: r.name, address: r.address, messageCount: r._count.messages };
}
