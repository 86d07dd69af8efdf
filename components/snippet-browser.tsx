// Code and log snippets cut from mail (asm, disassembly, LLVM IR, build logs, bisect logs, oopses, patches):
// counts per kind and architecture to narrow by, then one page of snippets, each in a <pre> under a link to
// the message it came from.
import type { Paged, SnippetEntry, SnippetFacet } from "../lib/queries/entities";
import { snippetsUrl } from "../lib/entity-urls";
import { messageUrl } from "../lib/mail/url";
import { plural } from "../lib/plural";
import { DateText } from "./date-text";
import { Pagination } from "./pagination";
import styles from "./entity-page.module.css";

// A snippet longer than this is cut on the page; the message has the rest.
const MAX_LINES = 40;
const MAX_CHARS = 6000;

function clip(text: string): { shown: string; hiddenLines: number } {
  const lines = text.replace(/\n$/, "").split("\n");
  let shown = lines.slice(0, MAX_LINES).join("\n");
  if (shown.length > MAX_CHARS) shown = shown.slice(0, shown.lastIndexOf("\n", MAX_CHARS) > 0 ? shown.lastIndexOf("\n", MAX_CHARS) : MAX_CHARS);
  return { shown, hiddenLines: lines.length - shown.split("\n").length };
}

function withPage(filter: { kind?: string; arch?: string }, page: number): string {
  const url = snippetsUrl(filter);
  return page > 1 ? `${url}${url.includes("?") ? "&" : "?"}page=${page}` : url;
}

export function SnippetFacets({ facets, kind, arch }: { facets: SnippetFacet[]; kind?: string; arch?: string }) {
  const kinds = new Map<string, number>();
  for (const f of facets) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + f.count);
  const arches = facets.filter((f) => f.arch !== null && (!kind || f.kind === kind));
  const archCounts = new Map<string, number>();
  for (const f of arches) archCounts.set(f.arch!, (archCounts.get(f.arch!) ?? 0) + f.count);
  return (
    <>
      <nav className={styles.facets} aria-label="snippet kinds" data-testid="snippet-kinds">
        <a href={snippetsUrl({ arch })} aria-current={kind ? undefined : "true"}>
          all kinds
        </a>
        {[...kinds].map(([k, n]) => (
          <a key={k} href={snippetsUrl({ kind: k, arch })} aria-current={k === kind ? "true" : undefined}>
            {k} <span className="faint">({n})</span>
          </a>
        ))}
      </nav>
      {archCounts.size > 0 && (
        <nav className={styles.facets} aria-label="architectures" data-testid="snippet-arches">
          <a href={snippetsUrl({ kind })} aria-current={arch ? undefined : "true"}>
            any arch
          </a>
          {[...archCounts].sort((a, b) => b[1] - a[1]).map(([a, n]) => (
            <a key={a} href={snippetsUrl({ kind, arch: a })} aria-current={a === arch ? "true" : undefined}>
              {a} <span className="faint">({n})</span>
            </a>
          ))}
        </nav>
      )}
    </>
  );
}

export function SnippetList({ page, kind, arch }: { page: Paged<SnippetEntry>; kind?: string; arch?: string }) {
  if (page.items.length === 0) return <p className="empty">No snippets {kind || arch ? "match this filter" : "have been found yet"}.</p>;
  return (
    <>
      <p className="dim">{plural(page.total, "snippet")}, newest message first.</p>
      {page.items.map((s) => {
        const { shown, hiddenLines } = clip(s.text);
        const url = messageUrl(s.list, s.messageId);
        return (
          <section key={s.id} className={styles.snippet} data-testid="snippet">
            <div className={styles["snippet-head"]}>
              <span className="pill">{s.kind}</span>
              {s.arch && <span className="pill">{s.arch}</span>}
              <a href={url} data-testid="snippet-message">
                {s.subject || "(no subject)"}
              </a>
              <span className="faint">
                {s.fromName || s.fromAddr} · <DateText date={s.date} /> · line {s.startLine + 1}
              </span>
            </div>
            <pre data-testid="snippet-text">{shown}</pre>
            {(hiddenLines > 0 || s.files.length > 0) && (
              <div className={styles["snippet-more"]}>
                {s.files.length > 0 && <>Files: {s.files.slice(0, 8).join(", ")}{s.files.length > 8 ? ` and ${s.files.length - 8} more` : ""}. </>}
                {hiddenLines > 0 && (
                  <>
                    {plural(hiddenLines, "more line")} in <a href={url}>the message</a>.
                  </>
                )}
              </div>
            )}
          </section>
        );
      })}
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} href={(n) => withPage({ kind, arch }, n)} />
    </>
  );
}
