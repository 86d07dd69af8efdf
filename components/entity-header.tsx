// The top of an entity page: what kind of thing it is, its name, a one-line summary, and where to go next
// (the matching search, the JSON API, the feed of new mentions).
import styles from "./entity-page.module.css";

export interface EntityLink {
  href: string;
  label: string;
  testId?: string;
}

export function EntityHeader({ kind, title, summary, links = [], mono = false }: { kind: string; title: string; summary?: React.ReactNode; links?: (EntityLink | null)[]; mono?: boolean }) {
  const shown = links.filter((l): l is EntityLink => l !== null);
  return (
    <header>
      <h1 data-testid="entity-title">
        <span className={styles.kind}>{kind}</span>
        <span className={mono ? styles["title-mono"] : undefined}>{title}</span>
      </h1>
      {summary && (
        <p className={styles.summary} data-testid="entity-summary">
          {summary}
        </p>
      )}
      {shown.length > 0 && (
        <nav className={styles.links} aria-label="related">
          {shown.map((l) => (
            <a key={l.href} href={l.href} data-testid={l.testId}>
              {l.label}
            </a>
          ))}
        </nav>
      )}
    </header>
  );
}
