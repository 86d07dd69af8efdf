// Diagnostics seen in mail (objtool warnings, compiler errors, oopses, ...), seen in the most threads first,
// with links to narrow the list to one tool.
import type { DiagnosticSummary, Paged } from "../lib/queries/entities";
import { diagUrl } from "../lib/entity-urls";
import { DateText } from "./date-text";
import { Pagination } from "./pagination";
import styles from "./entity-page.module.css";

export function diagIndexUrl(tool?: string, page = 1): string {
  const q = new URLSearchParams();
  if (tool) q.set("tool", tool);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `/diag?${s}` : "/diag";
}

export function DiagnosticIndex({ page, tools, tool }: { page: Paged<DiagnosticSummary>; tools: { tool: string; count: number }[]; tool?: string }) {
  return (
    <>
      <nav className={styles.facets} aria-label="tools" data-testid="diag-tools">
        <a href={diagIndexUrl()} aria-current={tool ? undefined : "true"}>
          all
        </a>
        {tools.map((t) => (
          <a key={t.tool} href={diagIndexUrl(t.tool)} aria-current={t.tool === tool ? "true" : undefined}>
            {t.tool} <span className="faint">({t.count})</span>
          </a>
        ))}
      </nav>
      {page.items.length === 0 ? (
        <p className="empty">No diagnostics{tool ? ` from ${tool}` : ""} on this page.</p>
      ) : (
        <table className="dense" data-testid="diag-index">
          <thead>
            <tr>
              <th>diagnostic</th>
              <th>tool</th>
              <th className="num">threads</th>
              <th className="num">messages</th>
              <th>first seen</th>
              <th>last seen</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((d) => (
              <tr key={d.signature}>
                <td className="mono">
                  <a href={diagUrl(d.signature)} data-testid="diag-link">
                    {d.title}
                  </a>
                  {d.symbol && !d.title.includes(d.symbol) && <span className="faint"> in {d.symbol}</span>}
                </td>
                <td>
                  {d.tool} <span className="faint">{d.kind}</span>
                </td>
                <td className="num">{d.threadCount}</td>
                <td className="num">{d.mentionCount}</td>
                <td className="nowrap">
                  <DateText date={d.firstDate} dayOnly />
                </td>
                <td className="nowrap">
                  <DateText date={d.lastDate} dayOnly />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} href={(n) => diagIndexUrl(tool, n)} />
    </>
  );
}
