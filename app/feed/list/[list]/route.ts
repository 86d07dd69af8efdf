// /<list>/new.atom and /all/new.atom (rewritten here by next.config.ts): the newest messages, as on lore.
import { publicBaseUrl } from "../../../../lib/config";
import { atomResponse, messageFeed } from "../../../../lib/feeds/message-feed";
import { listFeedUrl } from "../../../../lib/feeds/urls";
import { newestMessages } from "../../../../lib/queries/feeds";
import { listByName } from "../../../../lib/queries/lists";

export const dynamic = "force-dynamic";

const ALL = "all";

export async function GET(req: Request, { params }: { params: Promise<{ list: string }> }): Promise<Response> {
  const { list } = await params;
  if (list !== ALL && !(await listByName(list))) {
    return new Response(`No list named ${JSON.stringify(list)} in this archive.\n`, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const home = `/${encodeURIComponent(list)}/`;
  return atomResponse(
    messageFeed({
      base: publicBaseUrl(req.headers),
      title: list === ALL ? "All lists: new messages" : `${list}: new messages`,
      selfPath: listFeedUrl(list),
      alternatePath: home,
      messages: await newestMessages(list === ALL ? undefined : list),
    }),
  );
}
