// /<list>/<msgid>/t.mbox.gz (rewritten here by next.config.ts): the whole thread as gzipped mboxrd, for b4 and git am.
import { messageIdBeforeSuffix } from "../../../../lib/mail/url";
import { toMboxrdGz } from "../../../../lib/mail/mboxrd";
import { rawMessages } from "../../../../lib/queries/messages";
import { threadOutlineOf } from "../../../../lib/queries/threads";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  const mid = messageIdBeforeSuffix(new URL(req.url).pathname, "/t.mbox.gz");
  const outline = mid === null ? null : await threadOutlineOf(mid);
  if (!outline) {
    return new Response(`No thread for <${mid ?? "?"}> in this archive.\n`, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const raws = await rawMessages(outline.messages.filter((m) => !m.ghost).map((m) => m.messageId));
  return new Response(new Uint8Array(toMboxrdGz(raws)), {
    headers: {
      "content-type": "application/gzip",
      "content-disposition": 'inline; filename="t.mbox.gz"',
    },
  });
}
