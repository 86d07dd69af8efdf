// "cite" on a message: the Link: trailer, a Markdown link and a Markdown summary (lib/cite/cite.ts), built on the
// server, readable and selectable without scripts, with copy buttons when they run.
import { citeTexts, type CiteTexts } from "../lib/cite/cite";
import type { CommitRole } from "../ingest/extract/types";
import type { MessageEntities } from "../lib/queries/facts";
import type { MessageDetail } from "../lib/queries/messages";
import { CopyButton } from "./copy-button";
import styles from "./cite-menu.module.css";

const CHOICES: { key: keyof CiteTexts; label: string }[] = [
  { key: "trailer", label: "Link: trailer" },
  { key: "link", label: "Markdown link" },
  { key: "summary", label: "Markdown summary" },
];

type Citable = Pick<MessageDetail, "messageId" | "subject" | "fromName" | "fromAddr" | "date">;

export function CiteMenu({ base, message: m, entities, idPrefix }: { base: string; message: Citable; entities: MessageEntities; idPrefix: string }) {
  const texts = citeTexts({
    base,
    messageId: m.messageId,
    subject: m.subject,
    authorName: m.fromName || m.fromAddr,
    date: m.date,
    commits: entities.commits.map((c) => ({ sha: c.sha, role: c.role as CommitRole, subject: c.subject })),
    toolchains: entities.toolchains,
    diagnostics: entities.diagnostics,
  });
  return (
    <details className={styles.cite} data-testid="cite">
      <summary>cite</summary>
      <div className={styles.choices}>
        {CHOICES.map(({ key, label }) => {
          const id = `${idPrefix}-cite-${key}`;
          const text = texts[key].trimEnd();
          return (
            <div key={key} className={styles.choice}>
              <label htmlFor={id}>{label}</label>
              <CopyButton text={text} />
              <textarea id={id} readOnly rows={Math.min(text.split("\n").length, 8)} defaultValue={text} data-testid={`cite-${key}`} />
            </div>
          );
        })}
      </div>
    </details>
  );
}
