// /commit/<sha> (the kernel) and /commit/<repo>/<sha>: every message that names a commit, by role. A short sha
// naming several commits lists them; a /commit/<sha> not in the kernel but in another repository redirects there.
import { cache } from "react";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { CommitCandidates } from "../../../components/commit-candidates";
import { CommitView } from "../../../components/commit-view";
import { RegressionTimeline } from "../../../components/regression-timeline";
import { commitFeedUrl, commitUrl, DEFAULT_REPO, regressionUrl } from "../../../lib/entity-urls";
import { entityMetadata } from "../../../lib/entity-metadata";
import { isShaText, lookupCommit, type CommitLookup } from "../../../lib/queries/entities";
import { plural } from "../../../lib/plural";
import { regressionStory } from "../../../lib/queries/regressions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ path: string[] }> };

interface CommitPath {
  repo: string;
  sha: string;
  /** The repository was in the URL, not implied. */
  explicitRepo: boolean;
}

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

async function commitPath(props: Props): Promise<CommitPath> {
  const segments = (await props.params).path.map(decoded);
  if (segments.some((s) => s === null)) notFound();
  const [a, b] = segments as string[];
  const parsed = segments.length === 1 ? { repo: DEFAULT_REPO, sha: a, explicitRepo: false } : segments.length === 2 ? { repo: a, sha: b, explicitRepo: true } : null;
  if (!parsed || !isShaText(parsed.sha)) notFound();
  return parsed;
}

const find = cache((repo: string, sha: string, explicitRepo: boolean): CommitLookup => {
  const inRepo = lookupCommit(repo, sha);
  return inRepo.status === "none" && !explicitRepo ? lookupCommit(null, sha) : inRepo;
});

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { repo, sha, explicitRepo } = await commitPath(props);
  const found = find(repo, sha, explicitRepo);
  if (found.status === "none") return { title: "Commit not found" };
  if (found.status === "ambiguous") return { title: `${sha}: ${plural(found.candidates.length, "commit")}`, robots: { index: false } };
  const c = found.commit;
  const roles = c.byRole.map((g) => `${g.role} ${g.mentions.length}`).join(", ");
  const first = c.mentions[0]?.date?.toISOString().slice(0, 10);
  return entityMetadata({
    title: `${c.sha.slice(0, 12)}${c.subject ? ` ("${c.subject}")` : ""}`,
    description: `${c.repo} commit named in ${plural(new Set(c.mentions.map((m) => m.messageId)).size, "message")} across ${plural(c.threadCount, "thread")}${first ? ` since ${first}` : ""}: ${roles}.`,
    path: commitUrl(c.repo, c.sha),
    feed: commitFeedUrl(c.repo, c.sha),
  });
}

export default async function CommitPage(props: Props) {
  const { repo, sha, explicitRepo } = await commitPath(props);
  const found = find(repo, sha, explicitRepo);
  if (found.status === "none") notFound();
  if (found.status === "ambiguous") return <CommitCandidates sha={sha} candidates={found.candidates} />;
  const commit = found.commit;
  if (commit.repo !== repo) redirect(commitUrl(commit.repo, sha));
  // When this commit is a regression's culprit, its story (report, bisection, fixes, revert) comes first.
  const story = regressionStory(commit.repo, commit.sha);
  return (
    <CommitView commit={commit}>
      {story && (
        <section data-testid="commit-regression">
          <RegressionTimeline history={story.history} repo={story.culprit.repo} lists={story.lists} replies={false} heading="h2" />
          <p>
            <a href={regressionUrl(commit.repo, commit.sha)}>the whole story, discussion included</a>
          </p>
        </section>
      )}
    </CommitView>
  );
}
