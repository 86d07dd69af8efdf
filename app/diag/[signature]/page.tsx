// /diag/<signature>: one diagnostic (its signature percent-encoded as one segment) and the messages that print it.
import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DiagnosticView } from "../../../components/diagnostic-view";
import { entityMetadata } from "../../../lib/entity-metadata";
import { diagUrl } from "../../../lib/entity-urls";
import { diagnostic } from "../../../lib/queries/entities";
import { plural } from "../../../lib/plural";
import { routeParam } from "../../../lib/route-param";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ signature: string }> };

const find = cache(diagnostic);

async function load(props: Props) {
  const signature = routeParam((await props.params).signature);
  const diag = signature === null ? null : find(signature);
  if (!diag) notFound();
  return diag;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const d = await load(props);
  const since = d.firstDate?.toISOString().slice(0, 10);
  return entityMetadata({
    title: d.title,
    description: `${d.tool} ${d.kind}${d.symbol ? ` in ${d.symbol}` : ""}: seen in ${plural(d.threadCount, "thread")}${since ? ` since ${since}` : ""} (${plural(d.mentionCount, "message")}).`,
    path: diagUrl(d.signature),
  });
}

export default async function DiagnosticPage(props: Props) {
  return <DiagnosticView diag={await load(props)} />;
}
