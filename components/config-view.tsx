// One Kconfig option: the threads that mention it, newest first, with the values they gave it.
import type { ConfigDetail, ConfigMentionEntry, Paged, ThreadGroup } from "../lib/queries/entities";
import { configSearchUrl } from "../lib/queries/entity-search-url";
import { plural } from "../lib/plural";
import { DateText } from "./date-text";
import { EntityHeader } from "./entity-header";
import { MonthlyChart } from "./monthly-chart";
import { Pagination } from "./pagination";
import { ThreadMentions } from "./thread-mentions";

type ConfigThread = ThreadGroup<ConfigMentionEntry> & { values: string[] };

export function ConfigView({ option, threads, pageHref }: { option: ConfigDetail; threads: Paged<ConfigThread>; pageHref: (page: number) => string }) {
  const search = configSearchUrl(option.name);
  const first = option.mentions.at(-1)?.date ?? null;
  return (
    <article data-testid="config-page">
      <EntityHeader
        kind="Kconfig option"
        title={option.name}
        mono
        summary={
          <>
            Mentioned in {plural(option.mentions.length, "message")} across {plural(option.threads.length, "thread")}
            {first && (
              <>
                {" "}since <DateText date={first} dayOnly />
              </>
            )}
            .
            {option.values.length > 0 && (
              <>
                {" "}Values seen: {option.values.map((v, i) => (
                  <span key={v.value}>
                    {i > 0 && ", "}
                    <code>{`${option.name}=${v.value}`}</code> ({v.count})
                  </span>
                ))}
                .
              </>
            )}
          </>
        }
        links={[search ? { href: search, label: `Search config:${option.name}`, testId: "entity-search" } : null]}
      />
      <MonthlyChart dates={option.mentions.map((m) => m.date)} title={`Messages mentioning ${option.name} per month`} unit="message" idPrefix="config-chart" />
      <h2>Threads</h2>
      <ThreadMentions
        threads={threads.items}
        note={(t: ConfigThread) => (t.values.length > 0 ? `· ${t.values.map((v) => `=${v}`).join(" ")}` : null)}
        detail={(m) => (m.value !== null ? `${option.name}=${m.value}` : null)}
      />
      <Pagination page={threads.page} pageSize={threads.pageSize} total={threads.total} href={pageHref} />
    </article>
  );
}
