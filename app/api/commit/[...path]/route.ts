// GET /api/commit/<sha> and /api/commit/<repo>/<sha> → {sha, repo, subject, mentions: [{messageId, threadRoot,
// role, date}]}, mentions oldest first. 400 for a malformed sha, 404 for an unknown one, 300 with the
// candidates when a short sha names several commits.
import { DEFAULT_REPO } from "../../../../lib/entity-urls";
import { isShaText, lookupCommit } from "../../../../lib/queries/entities";
import { routeParam } from "../../../../lib/route-param";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

export async function GET(_req: Request, ctx: Context): Promise<Response> {
  const segments = (await ctx.params).path.map(routeParam);
  if (segments.some((s) => s === null) || segments.length > 2) {
    return Response.json({ error: "expected /api/commit/<sha> or /api/commit/<repo>/<sha>" }, { status: 400 });
  }
  const [repo, sha] = segments.length === 2 ? (segments as string[]) : [null, segments[0] as string];
  if (!isShaText(sha)) return Response.json({ error: `"${sha}" is not a commit: expected 7 to 40 hex digits` }, { status: 400 });
  let found = lookupCommit(repo ?? DEFAULT_REPO, sha);
  if (found.status === "none" && repo === null) found = lookupCommit(null, sha);
  if (found.status === "none") return Response.json({ error: `no commit ${sha} in ${repo ?? DEFAULT_REPO} is named in this archive`, sha }, { status: 404 });
  if (found.status === "ambiguous") {
    return Response.json(
      {
        error: `${sha} is the start of ${found.candidates.length} commits`,
        candidates: found.candidates.map((c) => ({ repo: c.repo, sha: c.sha, subject: c.subject, mentionCount: c.mentionCount })),
      },
      { status: 300 },
    );
  }
  const c = found.commit;
  return Response.json({
    sha: c.sha,
    repo: c.repo,
    subject: c.subject,
    mentions: c.mentions.map((m) => ({ messageId: m.messageId, threadRoot: m.threadRoot, role: m.role, date: m.date?.toISOString() ?? null })),
  });
}
