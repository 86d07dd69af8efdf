// One diagnostic: what it is (tool, kind, symbol), how widely it was seen, and each message that printed it,
// newest first, with the line as printed.
import type { DiagnosticDetail } from "../lib/queries/entities";
import { diagSearchUrl } from "../lib/queries/entity-search-url";
import { plural } from "../lib/plural";
import { DateText } from "./date-text";
import { diagIndexUrl } from "./diagnostic-index";
import { EntityHeader } from "./entity-header";
import { MentionList } from "./mention-list";
import { MonthlyChart } from "./monthly-chart";

export function DiagnosticView({ diag }: { diag: DiagnosticDetail }) {
  const search = diagSearchUrl(diag.signature);
  return (
    <article data-testid="diag-page">
      <EntityHeader
        kind={`${diag.tool} ${diag.kind}`}
        title={diag.title}
        mono
        summary={
          <>
            {diag.symbol && (
              <>
                In <code>{diag.symbol}</code>.{" "}
              </>
            )}
            Seen in {plural(diag.threadCount, "thread")}
            {diag.firstDate && (
              <>
                {" "}since <DateText date={diag.firstDate} dayOnly />
              </>
            )}{" "}
            ({plural(diag.mentionCount, "message")}). Signature: <code data-testid="diag-signature">{diag.signature}</code>
          </>
        }
        links={[
          search ? { href: search, label: "Search messages with this diagnostic", testId: "entity-search" } : null,
          { href: diagIndexUrl(diag.tool), label: `All ${diag.tool} diagnostics` },
        ]}
      />
      <MonthlyChart dates={diag.mentions.map((m) => m.date)} title="Messages with this diagnostic per month" unit="message" idPrefix="diag-chart" />
      <h2>Messages, newest first</h2>
      <MentionList mentions={diag.mentions} detail={(m) => m.text} />
    </article>
  );
}
