// /opensearch.xml: lets browsers add the site's search (lore query syntax) to the address bar.
import { publicBaseUrl } from "../../lib/config";
import { openSearchDescription } from "../../lib/feeds/opensearch";

export const dynamic = "force-dynamic";

export function GET(req: Request): Response {
  const base = publicBaseUrl(req.headers);
  const xml = openSearchDescription({
    shortName: "crosslore",
    description: "Linux-kernel mailing-list threads about toolchain bugs (lore.kernel.org query syntax)",
    htmlTemplate: `${base}/search?q={searchTerms}`,
    atomTemplate: `${base}/search?q={searchTerms}&x=A`,
    selfUrl: `${base}/opensearch.xml`,
  });
  return new Response(xml, { headers: { "content-type": "application/opensearchdescription+xml; charset=utf-8" } });
}
