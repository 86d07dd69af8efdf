// /links?url=<tracker URL or owner/repo#N>: which threads mention it. Without url: the most-linked URLs,
// filterable with kind=bug|list.
import type { Metadata } from "next";
import { BacklinkList } from "../../components/backlink-list";
import { LinkForm } from "../../components/link-form";
import { LinkedUrls } from "../../components/linked-urls";
import { linksAnswer } from "../../lib/queries/links";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const PLACEHOLDER = "ClangBuiltLinux/linux#1044, or a Bugzilla, GitHub, syzkaller or lore URL";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const url = first((await searchParams).url)?.trim();
  return { title: url ? `Threads linking ${url}` : "Most-linked bugs and messages" };
}

export default async function LinksPage({ searchParams }: Props) {
  const params = await searchParams;
  const url = first(params.url) ?? null;
  const answer = linksAnswer(url, first(params.kind) ?? null);
  const form = <LinkForm action="/links" value={url ?? ""} placeholder={PLACEHOLDER} button="Find threads" />;
  if (!answer.ok) {
    return (
      <>
        <h1>Threads linking a URL</h1>
        {form}
        <div className="notice error" data-testid="links-error">
          <p className="query-error">{answer.error}</p>
          <p>Give a bug-tracker or archive link (http or https) or GitHub shorthand such as ClangBuiltLinux/linux#1044.</p>
        </div>
      </>
    );
  }
  if (answer.view === "most-linked") {
    return (
      <>
        <h1>Most-linked bugs and messages</h1>
        {form}
        <p className="hint">Links found in the messages' own text (quotes not counted), counted by threads.</p>
        <LinkedUrls urls={answer.urls} kind={answer.kind} />
      </>
    );
  }
  const { normUrl } = answer.backlinks;
  return (
    <>
      <h1>
        Threads linking{" "}
        <a className="mono" href={normUrl} rel="nofollow noopener noreferrer" data-testid="links-target">
          {normUrl}
        </a>
      </h1>
      {form}
      <BacklinkList backlinks={answer.backlinks} />
    </>
  );
}
