// GET /api/thread/<msgid> → the thread containing it, in lore order (depth-first, siblings by date), ghosts marked,
// with the entities of all its messages merged (each once, with the Message-IDs that state it).
import { messageIdInPath } from "../../../../lib/mail/url";
import { entitiesInOrder } from "../../../../lib/queries/facts";
import { threadOutlineOf } from "../../../../lib/queries/threads";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  const mid = messageIdInPath(new URL(req.url).pathname, "/api/thread/");
  const outline = mid === null ? null : await threadOutlineOf(mid);
  if (!outline) return Response.json({ error: `no message <${mid ?? ""}> in this archive`, messageId: mid }, { status: 404 });
  const facts = await entitiesInOrder(outline.messages.filter((m) => !m.ghost).map((m) => m.messageId));
  return Response.json({
    threadRoot: outline.rootMessageId,
    subject: outline.subject,
    messageCount: outline.messageCount,
    messages: outline.messages.map((m) => ({
      messageId: m.messageId,
      parent: m.parentId,
      subject: m.subject,
      // "Name <addr>" as in search hits; null for a ghost, which has no sender.
      from: m.ghost ? null : m.fromName ? `${m.fromName} <${m.fromAddr}>` : m.fromAddr,
      date: m.date?.toISOString() ?? null,
      lists: m.lists,
      depth: m.depth,
      ghost: m.ghost,
    })),
    entities: facts.thread,
  });
}
