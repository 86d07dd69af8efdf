// /toolchain/<name>/<version>: the threads that report one toolchain version, newest first.
import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ToolchainVersionView } from "../../../../components/toolchain-version-view";
import { entityMetadata } from "../../../../lib/entity-metadata";
import { toolchainFeedUrl, toolchainUrl } from "../../../../lib/entity-urls";
import { paginate, THREADS_PER_ENTITY_PAGE, toolchainVersion } from "../../../../lib/queries/entities";
import { parsePage } from "../../../../lib/queries/search";
import { plural } from "../../../../lib/plural";
import { routeParam } from "../../../../lib/route-param";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ name: string; version: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const find = cache(toolchainVersion);

async function load(props: Props) {
  const params = await props.params;
  const name = routeParam(params.name);
  const version = routeParam(params.version);
  const tool = name === null || version === null ? null : find(name, version);
  if (!tool) notFound();
  return tool;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const tool = await load(props);
  const since = tool.mentions.at(-1)?.date?.toISOString().slice(0, 10);
  return entityMetadata({
    title: `${tool.name} ${tool.version}`,
    description: `${tool.name} ${tool.version} reported in ${plural(tool.mentions.length, "message")} across ${plural(tool.threads.length, "thread")}${since ? ` since ${since}` : ""}.`,
    path: toolchainUrl(tool.name, tool.version),
    feed: toolchainFeedUrl(tool.name, tool.version),
  });
}

export default async function ToolchainVersionPage(props: Props) {
  const tool = await load(props);
  const p = (await props.searchParams).page;
  const page = parsePage(Array.isArray(p) ? p[0] : p);
  const base = toolchainUrl(tool.name, tool.version);
  return (
    <ToolchainVersionView
      tool={tool}
      threads={paginate(tool.threads, page, THREADS_PER_ENTITY_PAGE)}
      pageHref={(n) => (n > 1 ? `${base}?page=${n}` : base)}
    />
  );
}
