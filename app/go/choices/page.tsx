// The choice page for a Message-ID fragment that starts several Message-IDs, shown with HTTP 300 at the address
// asked for (/<list>/<fragment>/ or /go?url=…) as lore does: proxy.ts passes the fragment in a request header
// and next.config.ts rewrites to here. Asked for directly, /go/choices?mid=…&view=… works too.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { MessageChoices } from "../../../components/message-choices";
import { messageTarget, type PageView } from "../../../lib/links/go";
import { CHOICES_HEADER } from "../../../lib/links/redirector";
import { messageSummaries, siteLookup } from "../../../lib/queries/message-lookup";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Several messages match", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const VIEWS = new Set<string>(["message", "thread", "nested"]);

export default async function ChoicesPage({ searchParams }: Props) {
  const marked = (await headers()).get(CHOICES_HEADER);
  const params = marked ? Object.fromEntries(new URLSearchParams(marked)) : await searchParams;
  const mid = first(params.mid) ?? "";
  const viewParam = first(params.view) ?? "message";
  const view = (VIEWS.has(viewParam) ? viewParam : "message") as PageView;
  const target = messageTarget(siteLookup(), mid, view);
  if (target.kind === "redirect") redirect(target.location);
  if (target.kind !== "choices") notFound();
  return <MessageChoices fragment={mid} view={view} choices={messageSummaries(target.messageIds)} truncated={target.truncated} />;
}
