// /search?q=…&x=m and /<list>/?q=…&x=m (rewritten here by next.config.ts): a search's hits as gzipped
// mboxrd, GET from a browser or POST as b4 sends it, at most EXPORT_MAX_MESSAGES messages.
import { toMboxrdGz } from "../../../../lib/mail/mboxrd";
import { EXPORT_MAX_MESSAGES, searchHitIds } from "../../../../lib/queries/feeds";
import { rawMessages } from "../../../../lib/queries/messages";
import { queryErrorResponse, searchAsked } from "../../../../lib/queries/search-request";

export const dynamic = "force-dynamic";

/** "results-s_pahole.mbox.gz": the query, reduced to characters every file system and header takes. */
function fileName(q: string): string {
  const slug = q.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[_.]+|_+$/g, "").slice(0, 60);
  return `results-${slug || "search"}.mbox.gz`;
}

async function exportSearch(req: Request, { params }: { params: Promise<{ list?: string[] }> }): Promise<Response> {
  const asked = await searchAsked(new URL(req.url), (await params).list?.[0], "relevance");
  if (asked instanceof Response) return asked;
  const { q, list, sort } = asked;
  const hits = await searchHitIds({ q, list, sort });
  if (!hits.ok) return queryErrorResponse(q, hits.error, hits.position);
  const raws = await rawMessages(hits.messageIds);
  return new Response(new Uint8Array(toMboxrdGz(raws)), {
    headers: {
      "content-type": "application/gzip",
      "content-disposition": `attachment; filename="${fileName(q)}"`,
      // How much of the search the file holds: every hit, or the first EXPORT_MAX_MESSAGES of them.
      "x-crosslore-hits": String(hits.total),
      "x-crosslore-messages": String(raws.length),
      "x-crosslore-limit": String(EXPORT_MAX_MESSAGES),
    },
  });
}

export const GET = exportSearch;
export const POST = exportSearch;
