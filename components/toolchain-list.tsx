// Toolchain versions inline, comma-separated, each linking to its version page ("clang 19.1.7, ld.lld 19.1.7").
import { toolchainUrl } from "../lib/entity-urls";

export function ToolchainList({ toolchains }: { toolchains: { name: string; version: string }[] }) {
  return toolchains.map((t, i) => (
    <span key={`${t.name}${t.version}`}>
      {i > 0 && ", "}
      <a href={toolchainUrl(t.name, t.version)}>
        {t.name} {t.version}
      </a>
    </span>
  ));
}
