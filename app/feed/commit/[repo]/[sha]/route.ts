// /commit/<sha>/new.atom and /commit/<repo>/<sha>/new.atom (rewritten here by next.config.ts): new messages
// that mention a commit, abbreviated or full.
import { publicBaseUrl } from "../../../../../lib/config";
import { commitUrl, commitFeedUrl } from "../../../../../lib/entity-urls";
import { atomResponse, messageFeed } from "../../../../../lib/feeds/message-feed";
import { commitMentionFeed } from "../../../../../lib/queries/feeds";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ repo: string; sha: string }> }): Promise<Response> {
  const { repo, sha } = await params;
  const feed = await commitMentionFeed(repo, sha);
  if (!feed) {
    return new Response(`No commit ${sha} of ${repo} is mentioned in this archive.\n`, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const subject = feed.entity.length === 1 && feed.entity[0].subject ? ` ("${feed.entity[0].subject}")` : "";
  return atomResponse(
    messageFeed({
      base: publicBaseUrl(req.headers),
      title: `Mentions of ${repo} commit ${sha}${subject}`,
      subtitle: `${feed.total.toLocaleString("en-US")} messages mention it; the newest come first`,
      selfPath: commitFeedUrl(repo, sha),
      alternatePath: commitUrl(repo, sha),
      messages: feed.messages,
    }),
  );
}
