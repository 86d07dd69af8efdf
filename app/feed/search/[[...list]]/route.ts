// /search?q=…&x=A and /<list>/?q=…&x=A (rewritten here by next.config.ts): a search's hits as Atom, newest first.
import { publicBaseUrl } from "../../../../lib/config";
import { atomResponse, messageFeed } from "../../../../lib/feeds/message-feed";
import { searchFeedUrl } from "../../../../lib/feeds/urls";
import { feedMessagesByIds, FEED_ENTRIES } from "../../../../lib/queries/feeds";
import { searchMessages } from "../../../../lib/queries/search";
import { queryErrorResponse, searchAsked } from "../../../../lib/queries/search-request";
import { searchUrl } from "../../../../lib/queries/search-url";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ list?: string[] }> }): Promise<Response> {
  const asked = await searchAsked(new URL(req.url), (await params).list?.[0], "date-desc");
  if (asked instanceof Response) return asked;
  const { q, list, listName } = asked;
  const outcome = await searchMessages({ q, list, sort: "date-desc", page: 1, pageSize: FEED_ENTRIES });
  if (!outcome.ok) return queryErrorResponse(q, outcome.error, outcome.position);
  const page = searchUrl(q, { list: listName, sort: "date-desc" });
  return atomResponse(
    messageFeed({
      base: publicBaseUrl(req.headers),
      title: listName ? `${listName}: ${q}` : `Search: ${q}`,
      subtitle: `Newest messages matching ${q}`,
      selfPath: searchFeedUrl(q, listName),
      alternatePath: page,
      messages: await feedMessagesByIds(outcome.result.hits.map((h) => h.messageId)),
    }),
  );
}
