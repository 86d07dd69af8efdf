// The side panel of a message or thread page: what extraction found in the mail (commits and their roles,
// toolchains, diagnostics, configs, listings, links, kernel versions, trailers), each linked to its own page.
import { ROLE_LABEL } from "../lib/cite/cite";
import { commitUrl, configUrl, diagUrl, DEFAULT_REPO, toolchainUrl } from "../lib/entity-urls";
import { snippetAnchorId, snippetLabel } from "../lib/mail/body-tree";
import { messageIdAnchor } from "../lib/mail/msgid";
import { messageAnchorId } from "../lib/mail/url";
import { noEntities, type Sourced, type ThreadEntities } from "../lib/queries/facts";
import type { CommitRole } from "../ingest/extract/types";
import styles from "./facts-panel.module.css";

// Abbreviated hashes, as in the kernel's Fixes: tags.
const SHA_ABBREV = 12;

const LINK_KIND_LABEL: Record<string, string> = { bug: "Bug trackers", list: "List archives" };

// Only web addresses become links; anything else a mail calls a URL stays text.
const URL_VALUE = /^https?:\/\/\S+$/i;

// Cc: trailers name every reviewer a patch went to; only the stable-tree ones say something about the fix.
const CC_WORTH_SHOWING = /stable@/i;

function Sources({ messages, order }: { messages: string[]; order?: string[] }) {
  if (!order) return null;
  return (
    <span className={styles.sources}>
      {messages.map((mid) => (
        <a key={mid} href={`#${messageAnchorId(messageIdAnchor(mid))}`} title={`in <${mid}>`}>
          #{order.indexOf(mid) + 1}
        </a>
      ))}
    </span>
  );
}

function Group({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <section className={styles.group} data-testid={testId}>
      <h3>{title}</h3>
      <ul>{children}</ul>
    </section>
  );
}

function lineCount(text: string): number {
  return text.split("\n").length;
}

function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, "").replace(/\/$/, "");
}

/**
 * Facts of one message (`order` absent) or of a thread (`order`: its messages' Message-IDs in page order, so each
 * fact can point at the messages that state it). Renders nothing when nothing was found.
 */
export function FactsPanel({ facts, order }: { facts: ThreadEntities; order?: string[] }) {
  const trailers = facts.trailers.filter((t) => t.name.toLowerCase() !== "cc" || CC_WORTH_SHOWING.test(t.value));
  if (noEntities({ ...facts, trailers })) return null;
  const trailerNames = [...new Set(trailers.map((t) => t.name))];
  const linkKinds = [...new Set(facts.links.map((l) => l.kind))];
  const src = (f: Sourced<object>) => <Sources messages={f.messages} order={order} />;
  return (
    <aside className={`facts ${styles.panel}`} data-testid="facts-panel" aria-label="Facts">
      <h2>{order ? "In this thread" : "In this message"}</h2>
      {facts.commits.length > 0 && (
        <Group title="Commits" testId="facts-commits">
          {facts.commits.map((c) => (
            <li key={`${c.repo}/${c.sha}/${c.role}`} data-role={c.role}>
              <span className={styles.role}>{ROLE_LABEL[c.role as CommitRole] ?? c.role}</span>{" "}
              <a className="mono" href={commitUrl(c.repo, c.sha)}>
                {c.repo === DEFAULT_REPO ? "" : `${c.repo} `}
                {c.sha.slice(0, SHA_ABBREV)}
              </a>
              {c.subject && <span className={styles.detail}> {c.subject}</span>} {src(c)}
            </li>
          ))}
        </Group>
      )}
      {facts.toolchains.length > 0 && (
        <Group title="Toolchains" testId="facts-toolchains">
          {facts.toolchains.map((t) => (
            <li key={`${t.name}/${t.version}`}>
              <a href={toolchainUrl(t.name, t.version)}>
                {t.name} {t.version}
              </a>
              {(t.vendor || t.gitHash) && <span className={styles.detail}> {[t.vendor, t.gitHash?.slice(0, SHA_ABBREV)].filter(Boolean).join(" ")}</span>} {src(t)}
            </li>
          ))}
        </Group>
      )}
      {facts.diagnostics.length > 0 && (
        <Group title="Diagnostics" testId="facts-diagnostics">
          {facts.diagnostics.map((d) => (
            <li key={d.signature}>
              <span className={styles.role}>{d.tool}</span> <a href={diagUrl(d.signature)}>{d.title}</a> {src(d)}
            </li>
          ))}
        </Group>
      )}
      {facts.configs.length > 0 && (
        <Group title="Kconfig" testId="facts-configs">
          {facts.configs.map((c) => (
            <li key={`${c.name}=${c.value ?? ""}`}>
              <a className="mono" href={configUrl(c.name)}>
                {c.name}
              </a>
              {c.value !== null && <span className="mono">={c.value}</span>} {src(c)}
            </li>
          ))}
        </Group>
      )}
      {facts.snippets.length > 0 && (
        <Group title="Listings" testId="facts-snippets">
          {facts.snippets.map((s) => (
            <li key={s.id} data-snippet-kind={s.kind}>
              <a href={`#${snippetAnchorId(s.id)}`}>{snippetLabel(s.kind, s.arch)}</a>
              <span className={styles.detail}>
                {" "}
                {lineCount(s.text)} line{lineCount(s.text) === 1 ? "" : "s"}
              </span>{" "}
              {src(s)}
            </li>
          ))}
        </Group>
      )}
      {facts.kernelVersions.length > 0 && (
        <Group title="Kernel versions" testId="facts-kernel-versions">
          {facts.kernelVersions.map((v) => (
            <li key={v.version}>
              <span className="mono">{v.version}</span> {src(v)}
            </li>
          ))}
        </Group>
      )}
      {linkKinds.map((kind) => (
        <Group key={kind} title={LINK_KIND_LABEL[kind] ?? "Links"} testId={`facts-links-${kind}`}>
          {facts.links
            .filter((l) => l.kind === kind)
            .map((l) => (
              <li key={l.url} className={styles.url}>
                {URL_VALUE.test(l.url) ? (
                  <a href={l.url} rel="nofollow noopener">
                    {shortUrl(l.url)}
                  </a>
                ) : (
                  <span>{l.url}</span>
                )}{" "}
                {src(l)}
              </li>
            ))}
        </Group>
      ))}
      {trailerNames.length > 0 && (
        <Group title="Trailers" testId="facts-trailers">
          {trailerNames.map((name) => (
            <li key={name}>
              <span className={styles.role}>{name}</span>
              <ul className={styles.values}>
                {trailers
                  .filter((t) => t.name === name)
                  .map((t) => (
                    <li key={t.value} className={styles.url}>
                      {URL_VALUE.test(t.value) ? (
                        <a href={t.value} rel="nofollow noopener">
                          {t.value}
                        </a>
                      ) : (
                        t.value
                      )}{" "}
                      {src(t)}
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </Group>
      )}
    </aside>
  );
}
