// GET /api/toolchain/<name>/<version> → {name, version, mentions: [{messageId, threadRoot, vendor, gitHash,
// date}]}, newest first; 404 for a version never seen.
import { toolchainVersion } from "../../../../../lib/queries/entities";
import { routeParam } from "../../../../../lib/route-param";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ name: string; version: string }> };

export async function GET(_req: Request, ctx: Context): Promise<Response> {
  const params = await ctx.params;
  const name = routeParam(params.name);
  const version = routeParam(params.version);
  const tool = name === null || version === null ? null : toolchainVersion(name, version);
  if (!tool) return Response.json({ error: `no ${name ?? ""} ${version ?? ""} is named in this archive`, name, version }, { status: 404 });
  return Response.json({
    name: tool.name,
    version: tool.version,
    mentions: tool.mentions.map((m) => ({ messageId: m.messageId, threadRoot: m.threadRoot, vendor: m.vendor, gitHash: m.gitHash, date: m.date?.toISOString() ?? null })),
  });
}
