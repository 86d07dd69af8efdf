// GET /api/search?q=&page=&list=&sort= → {total, page, pageSize, hits}; a malformed query is a 400 with the reason.
import { parsePage, parseSort, searchMessages } from "../../../lib/queries/search";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  const params = new URL(req.url).searchParams;
  const q = params.get("q")?.trim() ?? "";
  if (!q) return Response.json({ error: "the q parameter (the query) is missing or empty" }, { status: 400 });
  const outcome = await searchMessages({
    q,
    list: params.get("list") || undefined,
    page: parsePage(params.get("page")),
    sort: parseSort(params.get("sort")),
  });
  if (!outcome.ok) return Response.json({ error: outcome.error, position: outcome.position ?? null, query: q }, { status: 400 });
  const { total, page, pageSize, hits, tookMs } = outcome.result;
  return Response.json({ total, page, pageSize, tookMs, hits });
}
