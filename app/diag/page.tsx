// /diag?tool=&page=: diagnostics seen in the most threads first, optionally from one tool.
import type { Metadata } from "next";
import { DiagnosticIndex } from "../../components/diagnostic-index";
import { EntityHeader } from "../../components/entity-header";
import { entityMetadata } from "../../lib/entity-metadata";
import { diagnosticIndex, diagnosticTools } from "../../lib/queries/entities";
import { parsePage } from "../../lib/queries/search";
import { plural } from "../../lib/plural";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata(): Promise<Metadata> {
  const tools = diagnosticTools();
  const total = tools.reduce((n, t) => n + t.count, 0);
  return entityMetadata({
    title: "Diagnostics",
    description: `${plural(total, "distinct diagnostic")} found in mail: ${tools.map((t) => `${t.tool} ${t.count}`).join(", ")}.`,
    path: "/diag",
  });
}

export default async function DiagnosticIndexPage({ searchParams }: Props) {
  const params = await searchParams;
  const tools = diagnosticTools();
  const tool = first(params.tool)?.trim() || undefined;
  const known = tool === undefined || tools.some((t) => t.tool === tool);
  return (
    <>
      <EntityHeader
        kind="diagnostics"
        title="Warnings, errors and crashes"
        summary="Compiler, linker, objtool and modpost diagnostics and kernel oopses found in mail, grouped by a normalized signature; the most widely reported first."
      />
      {known ? (
        <DiagnosticIndex page={diagnosticIndex({ tool, page: parsePage(first(params.page)) })} tools={tools} tool={tool} />
      ) : (
        <div className="notice error" data-testid="bad-param">
          <p>
            No diagnostics come from a tool called <code>{tool}</code>. Tools seen: {tools.map((t) => t.tool).join(", ")}.
          </p>
          <p>
            <a href="/diag">All diagnostics</a>
          </p>
        </div>
      )}
    </>
  );
}
