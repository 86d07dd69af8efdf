// /config/CONFIG_<X>: the threads that mention one Kconfig option; /config/<X> redirects to the CONFIG_ form.
import { cache } from "react";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ConfigView } from "../../../components/config-view";
import { entityMetadata } from "../../../lib/entity-metadata";
import { configUrl } from "../../../lib/entity-urls";
import { configOption, paginate, THREADS_PER_ENTITY_PAGE } from "../../../lib/queries/entities";
import { parsePage } from "../../../lib/queries/search";
import { plural } from "../../../lib/plural";
import { routeParam } from "../../../lib/route-param";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Kconfig symbols are upper-case letters, digits and underscores (lower case only in a few old arch symbols).
const OPTION = /^[A-Za-z0-9_]+$/;

const find = cache(configOption);

async function load(props: Props) {
  const name = routeParam((await props.params).name);
  if (name === null || !OPTION.test(name)) notFound();
  if (!name.startsWith("CONFIG_")) redirect(configUrl(name));
  const option = find(name);
  if (!option) notFound();
  return option;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const option = await load(props);
  const since = option.mentions.at(-1)?.date?.toISOString().slice(0, 10);
  const values = option.values.map((v) => `=${v.value}`).join(" ");
  return entityMetadata({
    title: option.name,
    description: `Kconfig option ${option.name}: mentioned in ${plural(option.mentions.length, "message")} across ${plural(option.threads.length, "thread")}${since ? ` since ${since}` : ""}${values ? `; values seen ${values}` : ""}.`,
    path: configUrl(option.name),
  });
}

export default async function ConfigPage(props: Props) {
  const option = await load(props);
  const p = (await props.searchParams).page;
  const page = parsePage(Array.isArray(p) ? p[0] : p);
  const base = configUrl(option.name);
  return <ConfigView option={option} threads={paginate(option.threads, page, THREADS_PER_ENTITY_PAGE)} pageHref={(n) => (n > 1 ? `${base}?page=${n}` : base)} />;
}
