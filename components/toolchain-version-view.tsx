// One toolchain version: the threads reporting it, newest first, with the vendor builds and git hashes seen.
import type { Paged, ThreadGroup, ToolchainMentionEntry, ToolchainVersionDetail } from "../lib/queries/entities";
import { toolchainFeedUrl, toolchainUrl } from "../lib/entity-urls";
import { majorVersion, toolchainSearchUrl } from "../lib/queries/entity-search-url";
import { plural } from "../lib/plural";
import { DateText } from "./date-text";
import { EntityHeader } from "./entity-header";
import { MonthlyChart } from "./monthly-chart";
import { Pagination } from "./pagination";
import { ThreadMentions } from "./thread-mentions";
import styles from "./entity-page.module.css";

export function ToolchainVersionView({ tool, threads, pageHref }: { tool: ToolchainVersionDetail; threads: Paged<ThreadGroup<ToolchainMentionEntry>>; pageHref: (page: number) => string }) {
  const { name, version } = tool;
  const major = majorVersion(version);
  const exact = toolchainSearchUrl(name, version);
  const anyMajor = major && major !== version ? toolchainSearchUrl(name, major) : null;
  const first = tool.mentions.at(-1)?.date ?? null;
  return (
    <article data-testid="toolchain-version-page">
      <EntityHeader
        kind="toolchain version"
        title={`${name} ${version}`}
        summary={
          <>
            Reported in {plural(tool.mentions.length, "message")} across {plural(tool.threads.length, "thread")}
            {first && (
              <>
                {" "}since <DateText date={first} dayOnly />
              </>
            )}
            . <a href={toolchainUrl(name)}>All {name} versions</a>
          </>
        }
        links={[
          exact ? { href: exact, label: `Search toolchain:${name}-${version}`, testId: "entity-search" } : null,
          anyMajor ? { href: anyMajor, label: `Search any ${name} ${major}.x` } : null,
          { href: `/api${toolchainUrl(name, version)}`, label: "JSON" },
          { href: toolchainFeedUrl(name, version), label: "Atom feed of new reports" },
        ]}
      />
      <MonthlyChart dates={tool.mentions.map((m) => m.date)} title={`Messages reporting ${name} ${version} per month`} unit="message" idPrefix="toolchain-chart" />
      {(tool.vendors.length > 0 || tool.gitHashes.length > 0) && (
        <div className={styles.variants} data-testid="toolchain-variants">
          {tool.vendors.length > 0 && <p>Vendor builds: {tool.vendors.join(", ")}</p>}
          {tool.gitHashes.length > 0 && (
            <p>
              Built from: {tool.gitHashes.map((h, i) => (
                <span key={h}>
                  {i > 0 && ", "}
                  <code>{h.slice(0, 12)}</code>
                </span>
              ))}
            </p>
          )}
        </div>
      )}
      <h2>Threads reporting {name} {version}</h2>
      <ThreadMentions
        threads={threads.items}
        detail={(m) => [m.text, m.vendor && `vendor ${m.vendor}`, m.gitHash && `git ${m.gitHash.slice(0, 12)}`].filter(Boolean).join(" · ")}
      />
      <Pagination page={threads.page} pageSize={threads.pageSize} total={threads.total} href={pageHref} />
    </article>
  );
}
