// GET /api/message/<msgid> → one message: headers, lists, body, thread root, attachments, and the entities
// extraction found in its own text (commits, toolchains, snippets, diagnostics, configs, versions, links, trailers).
import { messageIdInPath, messageUrl } from "../../../../lib/mail/url";
import { entitiesOfMessage } from "../../../../lib/queries/facts";
import { messageByMessageId } from "../../../../lib/queries/messages";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  const mid = messageIdInPath(new URL(req.url).pathname, "/api/message/");
  const m = mid === null ? null : await messageByMessageId(mid);
  if (!m || m.ghost) return Response.json({ error: `no message <${mid ?? ""}> in this archive`, messageId: mid }, { status: 404 });
  const list = m.lists[0] ?? "all";
  const entities = await entitiesOfMessage(m.rowId);
  return Response.json({
    messageId: m.messageId,
    subject: m.subject,
    from: { name: m.fromName, address: m.fromAddr },
    to: m.toText,
    cc: m.ccText,
    date: m.date?.toISOString() ?? null,
    lists: m.lists,
    inReplyTo: m.inReplyTo,
    references: m.references,
    parent: m.parentId,
    threadRoot: m.threadRoot,
    body: m.body,
    attachments: m.attachments,
    entities,
    urls: { html: messageUrl(list, m.messageId), raw: messageUrl(list, m.messageId, "raw"), thread: messageUrl(list, m.messageId, "thread"), mbox: messageUrl(list, m.messageId, "mbox") },
  });
}
