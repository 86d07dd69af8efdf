// GET /api/links?url=<tracker URL or owner/repo#N> → the threads that mention it; without url, the most-linked
// URLs (&kind=bug|list). A url that is not a link, or an unknown kind, is a 400 with the reason.
import { publicBaseUrl } from "../../../lib/config";
import { messageAnchorId, messageUrl } from "../../../lib/mail/url";
import { messageIdAnchor } from "../../../lib/mail/msgid";
import { linksAnswer } from "../../../lib/queries/links";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  const params = new URL(req.url).searchParams;
  const answer = linksAnswer(params.get("url"), params.get("kind"));
  if (!answer.ok) return Response.json({ error: answer.error }, { status: 400 });
  const base = publicBaseUrl(req.headers);
  if (answer.view === "most-linked") {
    return Response.json({
      kind: answer.kind,
      urls: answer.urls.map((u) => ({ ...u, backlinks: `${base}/links?url=${encodeURIComponent(u.normUrl)}` })),
    });
  }
  const { normUrl, kind, threads, messageCount, truncated } = answer.backlinks;
  return Response.json({
    url: answer.query,
    normUrl,
    kind,
    threadCount: threads.length,
    messageCount,
    truncated,
    threads: threads.map((t) => ({
      subject: t.subject,
      messageCount: t.messageCount,
      lastDate: t.lastDate,
      url: base + messageUrl(t.mentions[0].list, t.mentions[0].messageId, "thread"),
      mentions: t.mentions.map((m) => ({
        messageId: m.messageId,
        subject: m.subject,
        from: m.fromName ? `${m.fromName} <${m.fromAddr}>` : m.fromAddr,
        date: m.date,
        linkedAs: m.url,
        url: base + messageUrl(m.list, m.messageId),
        inThread: `${base}${messageUrl(m.list, m.messageId, "thread")}#${messageAnchorId(messageIdAnchor(m.messageId))}`,
      })),
    })),
  });
}
