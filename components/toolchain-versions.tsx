// The versions of one tool seen in mail, newest version first, with how many messages and threads report each.
import type { ToolchainVersion } from "../lib/queries/entities";
import { toolchainUrl } from "../lib/entity-urls";
import { DateText } from "./date-text";

export function ToolchainVersions({ versions }: { versions: ToolchainVersion[] }) {
  return (
    <table className="dense" data-testid="toolchain-versions">
      <thead>
        <tr>
          <th>version</th>
          <th className="num">messages</th>
          <th className="num">threads</th>
          <th>first seen</th>
          <th>last seen</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.version}>
            <td>
              <a className="mono" href={toolchainUrl(v.name, v.version)} data-testid="toolchain-version">
                {v.name} {v.version}
              </a>
            </td>
            <td className="num">{v.mentionCount}</td>
            <td className="num">{v.threadCount}</td>
            <td>
              <DateText date={v.firstDate} dayOnly />
            </td>
            <td>
              <DateText date={v.lastDate} dayOnly />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
