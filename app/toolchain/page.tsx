// /toolchain: every compiler, linker and tool whose version mail reported, most mentioned first.
import type { Metadata } from "next";
import { EntityHeader } from "../../components/entity-header";
import { ToolchainIndex } from "../../components/toolchain-index";
import { entityMetadata } from "../../lib/entity-metadata";
import { toolchainNames } from "../../lib/queries/entities";
import { plural } from "../../lib/plural";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const names = toolchainNames();
  return entityMetadata({
    title: "Toolchains",
    description: `Compiler, linker and tool versions reported in mail: ${names.map((n) => `${n.name} (${plural(n.versionCount, "version")})`).join(", ")}.`,
    path: "/toolchain",
  });
}

export default function ToolchainIndexPage() {
  const names = toolchainNames();
  return (
    <>
      <EntityHeader kind="toolchains" title="Compilers, linkers and tools" summary="Versions named in the mail: in build reports (compiler: lines), /proc/version output, and prose." />
      <ToolchainIndex names={names} />
    </>
  );
}
