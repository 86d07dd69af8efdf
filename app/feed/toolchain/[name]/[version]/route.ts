// /toolchain/<name>/<version>/new.atom (rewritten here by next.config.ts): new messages that mention a
// toolchain version (a compiler, linker or binutils release).
import { publicBaseUrl } from "../../../../../lib/config";
import { toolchainFeedUrl, toolchainUrl } from "../../../../../lib/entity-urls";
import { atomResponse, messageFeed } from "../../../../../lib/feeds/message-feed";
import { toolchainMentionFeed } from "../../../../../lib/queries/feeds";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ name: string; version: string }> }): Promise<Response> {
  const { name, version } = await params;
  const feed = await toolchainMentionFeed(name, version);
  if (!feed) {
    return new Response(`No mention of ${name} ${version} in this archive.\n`, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return atomResponse(
    messageFeed({
      base: publicBaseUrl(req.headers),
      title: `Mentions of ${name} ${version}`,
      subtitle: `${feed.total.toLocaleString("en-US")} messages mention it; the newest come first`,
      selfPath: toolchainFeedUrl(name, version),
      alternatePath: toolchainUrl(name, version),
      messages: feed.messages,
    }),
  );
}
