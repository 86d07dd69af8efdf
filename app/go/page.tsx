// /go?url=<link>: opens a mail-archive link (lore, lkml.kernel.org/r, msgid.link, marc.info ?i=, …) here.
// proxy.ts answers the redirects and sets 400/404 on this page; without ?url= it is a form for pasting a link.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LinkForm } from "../../components/link-form";
import { NotInArchive } from "../../components/not-in-archive";
import { goOutcome } from "../../lib/links/go";
import { choicesQuery } from "../../lib/links/redirector";
import { siteLookup } from "../../lib/queries/message-lookup";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Open a mail-archive link", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const PLACEHOLDER = "https://lore.kernel.org/all/<Message-ID>/ or lkml.kernel.org/r/… or msgid.link/…";

export default async function GoPage({ searchParams }: Props) {
  const url = first((await searchParams).url);
  const form = (
    <section className="search-hero">
      <h1>Open a mail-archive link here</h1>
      <LinkForm action="/go" value={url ?? ""} placeholder={PLACEHOLDER} button="Open" autoFocus={url === undefined} />
      <p className="hint">
        Paste a link from a bug tracker or a commit message: lore.kernel.org, lkml.kernel.org/r, msgid.link, patchwork,
        marc.info (?i=) or mail-archive.com links lead to the same message in this archive, keeping a /T/ or /t/ view
        and a #m… anchor. A bare Message-ID works too, and one cut short (14 characters or more) still finds its message.
      </p>
    </section>
  );
  if (url === undefined) return form;

  const outcome = goOutcome(siteLookup(), url);
  if (outcome.kind === "redirect") redirect(outcome.location);
  if (outcome.kind === "choices") redirect(`/go/choices?${choicesQuery(outcome.fragment, outcome.view)}`);
  if (outcome.kind === "not-in-archive") {
    return (
      <>
        <NotInArchive url={outcome.url} cause={outcome.cause} reason={outcome.reason} messageId={outcome.messageId} />
        {form}
      </>
    );
  }
  return (
    <>
      <div className="notice error" data-testid="go-bad-request">
        <h1>Not a link</h1>
        <p className="query-error">{outcome.reason}</p>
        <p>/go needs an http(s) link to a mail archive in its url parameter.</p>
      </div>
      {form}
    </>
  );
}
