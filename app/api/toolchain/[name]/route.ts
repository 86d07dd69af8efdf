// GET /api/toolchain/<name> → {name, versions: [{version, mentions, threads, firstDate, lastDate}]}, newest
// version first; 404 for a tool never seen.
import { toolchainVersions } from "../../../../lib/queries/entities";
import { routeParam } from "../../../../lib/route-param";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ name: string }> };

export async function GET(_req: Request, ctx: Context): Promise<Response> {
  const name = routeParam((await ctx.params).name);
  const versions = name === null ? [] : toolchainVersions(name);
  if (versions.length === 0) return Response.json({ error: `no toolchain called "${name ?? ""}" is named in this archive`, name }, { status: 404 });
  return Response.json({
    name,
    versions: versions.map((v) => ({
      version: v.version,
      mentions: v.mentionCount,
      threads: v.threadCount,
      firstDate: v.firstDate?.toISOString() ?? null,
      lastDate: v.lastDate?.toISOString() ?? null,
    })),
  });
}
