// /toolchain/<name>: the versions of one tool reported in mail, newest version first.
import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityHeader } from "../../../components/entity-header";
import { MonthlyChart } from "../../../components/monthly-chart";
import { ToolchainVersions } from "../../../components/toolchain-versions";
import { entityMetadata } from "../../../lib/entity-metadata";
import { toolchainUrl } from "../../../lib/entity-urls";
import { toolchainVersions } from "../../../lib/queries/entities";
import { toolchainSearchUrl } from "../../../lib/queries/entity-search-url";
import { plural } from "../../../lib/plural";
import { routeParam } from "../../../lib/route-param";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ name: string }> };

const versionsOf = cache(toolchainVersions);

async function load(props: Props) {
  const name = routeParam((await props.params).name);
  const versions = name === null ? [] : versionsOf(name);
  if (name === null || versions.length === 0) notFound();
  return { name, versions };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { name, versions } = await load(props);
  const mentions = versions.reduce((n, v) => n + v.mentionCount, 0);
  return entityMetadata({
    title: `${name} versions`,
    description: `${plural(versions.length, `${name} version`)} reported in ${plural(mentions, "message")}; newest: ${versions.slice(0, 5).map((v) => v.version).join(", ")}.`,
    path: toolchainUrl(name),
  });
}

export default async function ToolchainNamePage(props: Props) {
  const { name, versions } = await load(props);
  const mentions = versions.reduce((n, v) => n + v.mentionCount, 0);
  const search = toolchainSearchUrl(name);
  return (
    <>
      <EntityHeader
        kind="toolchain"
        title={name}
        summary={
          <>
            {plural(versions.length, "version")} reported in {plural(mentions, "message")}. <a href="/toolchain">All tools</a>
          </>
        }
        links={[search ? { href: search, label: `Search toolchain:${name}`, testId: "entity-search" } : null, { href: `/api${toolchainUrl(name)}`, label: "JSON" }]}
      />
      <ToolchainVersions versions={versions} />
    </>
  );
}
