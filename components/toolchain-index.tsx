// Every tool seen in mail (clang, gcc, ld.lld, pahole, ...) with how many versions and mentions of it.
import type { ToolchainName } from "../lib/queries/entities";
import { toolchainUrl } from "../lib/entity-urls";

export function ToolchainIndex({ names }: { names: ToolchainName[] }) {
  if (names.length === 0) return <p className="empty">No toolchain versions have been found in the mail yet.</p>;
  return (
    <table className="dense" data-testid="toolchain-names">
      <thead>
        <tr>
          <th>tool</th>
          <th className="num">versions</th>
          <th className="num">mentions</th>
        </tr>
      </thead>
      <tbody>
        {names.map((n) => (
          <tr key={n.name}>
            <td>
              <a href={toolchainUrl(n.name)} data-testid="toolchain-name">
                {n.name}
              </a>
            </td>
            <td className="num">{n.versionCount}</td>
            <td className="num">{n.mentionCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
