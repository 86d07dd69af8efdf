// /<list>/<msgid>/t.atom (rewritten here by next.config.ts): the messages of the thread, newest first.
import { publicBaseUrl } from "../../../../../lib/config";
import { atomResponse, messageFeed } from "../../../../../lib/feeds/message-feed";
import { messageIdBeforeSuffix, messageUrl } from "../../../../../lib/mail/url";
import { threadFeedMessages } from "../../../../../lib/queries/feeds";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ list: string }> }): Promise<Response> {
  // Read from the address as sent, so a Message-ID's escaped "/" survives the rewrite.
  const pathname = new URL(req.url).pathname;
  const mid = messageIdBeforeSuffix(pathname, "/t.atom");
  const thread = mid === null ? null : await threadFeedMessages(mid);
  if (!thread || thread.messages.length === 0) {
    return new Response(`No thread for <${mid ?? "?"}> in this archive.\n`, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const { list } = await params;
  return atomResponse(
    messageFeed({
      base: publicBaseUrl(req.headers),
      title: thread.subject || "(no subject)",
      subtitle: "Messages of the thread, newest first",
      selfPath: pathname,
      alternatePath: messageUrl(list, mid!, "thread"),
      messages: thread.messages,
    }),
  );
}
