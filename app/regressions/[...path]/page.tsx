// /regressions/<sha> (a kernel commit) and /regressions/<repo>/<sha>: one regression's story across threads.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MonthlyChartSvg } from "../../../components/monthly-chart-svg";
import { RegressionTimeline } from "../../../components/regression-timeline";
import styles from "../../../components/regressions.module.css";
import { countByMonth } from "../../../lib/chart/monthly-svg";
import { DEFAULT_REPO } from "../../../lib/entity-urls";
import { regressionStory } from "../../../lib/queries/regressions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ path: string[] }> };

function culpritOf(path: string[]): { repo: string; sha: string } | null {
  const parts = path.map((p) => decodeURIComponent(p));
  const [repo, sha] = parts.length === 1 ? [DEFAULT_REPO, parts[0]] : parts.length === 2 ? parts : [null, null];
  if (!repo || !sha || !/^[0-9a-f]{7,40}$/i.test(sha)) return null;
  return { repo, sha };
}

async function load(props: Props) {
  const c = culpritOf((await props.params).path);
  return c ? regressionStory(c.repo, c.sha) : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const story = await load(props);
  return { title: story ? `Regression: ${story.history.title}` : "Regression not found" };
}

export default async function RegressionPage(props: Props) {
  const story = await load(props);
  if (!story) notFound();
  const h = story.history;
  const monthly = countByMonth(story.facts.map((m) => m.date));
  return (
    <>
      <p className="hint">
        <a href="/regressions">Regressions</a>
      </p>
      <h1>{h.title}</h1>
      <MonthlyChartSvg
        className={styles.chart}
        data={monthly}
        caption="Messages per month in this story"
        title={`Messages per month about ${h.title}`}
        unit="message"
        width={Math.min(480, Math.max(120, 36 * monthly.length))}
        height={70}
        idPrefix="story-chart"
      />
      <RegressionTimeline history={h} repo={story.culprit.repo} lists={story.lists} />
    </>
  );
}
