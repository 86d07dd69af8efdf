// /snippets?kind=&arch=&page=: code and log snippets cut from mail, narrowed by kind and architecture.
import type { Metadata } from "next";
import { EntityHeader } from "../../components/entity-header";
import { SnippetFacets, SnippetList } from "../../components/snippet-browser";
import { entityMetadata } from "../../lib/entity-metadata";
import { snippetsUrl } from "../../lib/entity-urls";
import { snippetFacets, snippets } from "../../lib/queries/entities";
import { parsePage } from "../../lib/queries/search";
import { plural } from "../../lib/plural";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = await searchParams;
  const kind = first(params.kind);
  const arch = first(params.arch);
  const facets = snippetFacets().filter((f) => (!kind || f.kind === kind) && (!arch || f.arch === arch));
  const what = [arch, kind].filter(Boolean).join(" ") || "all";
  return entityMetadata({
    title: `Snippets: ${what}`,
    description: `${plural(facets.reduce((n, f) => n + f.count, 0), "snippet")} (${what}) cut from kernel toolchain mail: assembly, disassembly, LLVM IR, build and bisect logs, oopses, patches.`,
    path: snippetsUrl({ kind, arch }),
  });
}

export default async function SnippetsPage({ searchParams }: Props) {
  const params = await searchParams;
  const kind = first(params.kind);
  const arch = first(params.arch);
  const facets = snippetFacets();
  const badKind = kind !== undefined && !facets.some((f) => f.kind === kind);
  const badArch = arch !== undefined && !facets.some((f) => f.arch === arch);
  return (
    <>
      <EntityHeader kind="snippets" title={kind || arch ? `Snippets: ${[arch, kind].filter(Boolean).join(" ")}` : "Snippets"} summary="Assembly, disassembly, LLVM IR, build and bisect logs, oopses and patches, as they appear in mail." />
      <SnippetFacets facets={facets} kind={badKind ? undefined : kind} arch={badArch ? undefined : arch} />
      {badKind || badArch ? (
        <div className="notice error" data-testid="bad-param">
          {badKind && (
            <p>
              There is no snippet kind <code>{kind}</code>. Kinds: {[...new Set(facets.map((f) => f.kind))].join(", ")}.
            </p>
          )}
          {badArch && (
            <p>
              No snippet is for the architecture <code>{arch}</code>. Architectures: {[...new Set(facets.flatMap((f) => (f.arch ? [f.arch] : [])))].sort().join(", ")}.
            </p>
          )}
        </div>
      ) : (
        <SnippetList page={snippets({ kind, arch, page: parsePage(first(params.page)) })} kind={kind} arch={arch} />
      )}
    </>
  );
}
