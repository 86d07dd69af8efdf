// What the mail says, as stored by extraction: the entities of one message, of many at once, and of a thread.
import { prisma } from "../db";
import { snippetText } from "../mail/body-lines";

export interface CommitFact {
  sha: string;
  repo: string;
  subject: string | null;
  role: string;
}
export interface ToolchainFact {
  name: string;
  version: string;
  vendor: string | null;
  gitHash: string | null;
}
export interface SnippetFact {
  id: number;
  kind: string;
  arch: string | null;
  text: string;
  startLine: number; // 0-based line in the message body
}
export interface DiagnosticFact {
  tool: string;
  kind: string;
  symbol: string | null;
  signature: string;
  title: string;
  text: string;
}
export interface ConfigFact {
  name: string;
  value: string | null;
}
export interface LinkFact {
  url: string;
  kind: string;
}
export interface TrailerFact {
  name: string;
  value: string;
}

/** Everything extraction found in one message's own text (the /api/message `entities` shape). */
export interface MessageEntities {
  commits: CommitFact[];
  toolchains: ToolchainFact[];
  snippets: SnippetFact[];
  diagnostics: DiagnosticFact[];
  configs: ConfigFact[];
  kernelVersions: string[];
  links: LinkFact[];
  trailers: TrailerFact[];
}

/** A fact of a thread, with the Message-IDs of the messages that state it, in thread order. */
export type Sourced<T> = T & { messages: string[] };

/** The entities of a thread (or of one message, lifted by sourcedEntities), each once, with where it came from. */
export interface ThreadEntities {
  commits: Sourced<CommitFact>[];
  toolchains: Sourced<ToolchainFact>[];
  snippets: Sourced<SnippetFact>[];
  diagnostics: Sourced<DiagnosticFact>[];
  configs: Sourced<ConfigFact>[];
  kernelVersions: Sourced<{ version: string }>[];
  links: Sourced<LinkFact>[];
  trailers: Sourced<TrailerFact>[];
}

export function emptyEntities(): MessageEntities {
  return { commits: [], toolchains: [], snippets: [], diagnostics: [], configs: [], kernelVersions: [], links: [], trailers: [] };
}

/** True when extraction found nothing at all. */
export function noEntities(e: MessageEntities | ThreadEntities): boolean {
  return Object.values(e).every((group: unknown[]) => group.length === 0);
}

// Commits are listed by what they are to the problem, then in the order they were written.
const ROLE_ORDER = ["introduced-by", "bisected-to", "fixes", "reverts", "upstream", "base", "bisect-bad", "bisect-good", "mention"];
const roleRank = (role: string) => (ROLE_ORDER.indexOf(role) + ROLE_ORDER.length + 1) % (ROLE_ORDER.length + 1);

/** Entities of several messages (by row id) in eight queries; messages without any get an empty set. */
export async function entitiesOfMessages(rowIds: number[]): Promise<Map<number, MessageEntities>> {
  const out = new Map<number, MessageEntities>(rowIds.map((id) => [id, emptyEntities()]));
  if (rowIds.length === 0) return out;
  const where = { messageRowId: { in: rowIds } };
  const db = prisma();
  const [commits, toolchains, snippets, diagnostics, configs, versions, links, trailers] = await Promise.all([
    db.commitMention.findMany({ where, orderBy: { id: "asc" }, select: { messageRowId: true, role: true, commit: { select: { sha: true, repo: true, subject: true } } } }),
    db.toolchainMention.findMany({
      where,
      orderBy: { id: "asc" },
      select: { messageRowId: true, vendor: true, gitHash: true, toolchain: { select: { name: true, version: true } } },
    }),
    db.snippet.findMany({
      where,
      orderBy: [{ startLine: "asc" }, { id: "asc" }],
      select: { messageRowId: true, id: true, kind: true, arch: true, text: true, startLine: true, lineCount: true },
    }),
    db.diagnosticMention.findMany({
      where,
      orderBy: { id: "asc" },
      select: { messageRowId: true, text: true, diagnostic: { select: { tool: true, kind: true, symbol: true, signature: true, title: true } } },
    }),
    db.configMention.findMany({ where, orderBy: { name: "asc" }, select: { messageRowId: true, name: true, value: true } }),
    db.kernelVersionMention.findMany({ where, orderBy: { version: "asc" }, select: { messageRowId: true, version: true } }),
    // link_mention and trailer have no insertion-order column but rowid, which Prisma does not expose.
    db.linkMention.findMany({ where, select: { messageRowId: true, url: true, kind: true } }),
    db.trailer.findMany({ where, orderBy: { id: "asc" }, select: { messageRowId: true, name: true, value: true } }),
  ]);
  const of = (rowId: number) => out.get(rowId)!;
  for (const c of commits) of(c.messageRowId).commits.push({ sha: c.commit.sha, repo: c.commit.repo, subject: c.commit.subject, role: c.role });
  for (const t of toolchains) of(t.messageRowId).toolchains.push({ name: t.toolchain.name, version: t.toolchain.version, vendor: t.vendor, gitHash: t.gitHash });
  // patches keep no text of their own: they are lines of their message's body
  const bodyOf = await bodies(snippets.filter((s) => s.text === null).map((s) => s.messageRowId));
  for (const { messageRowId, lineCount, ...s } of snippets) {
    of(messageRowId).snippets.push({ ...s, text: snippetText({ ...s, lineCount }, bodyOf.get(messageRowId) ?? null) });
  }
  for (const d of diagnostics) of(d.messageRowId).diagnostics.push({ ...d.diagnostic, text: d.text });
  for (const { messageRowId, ...c } of configs) of(messageRowId).configs.push(c);
  for (const v of versions) of(v.messageRowId).kernelVersions.push(v.version);
  for (const { messageRowId, ...l } of links) of(messageRowId).links.push(l);
  for (const { messageRowId, ...t } of trailers) of(messageRowId).trailers.push(t);
  for (const e of out.values()) e.commits.sort((a, b) => roleRank(a.role) - roleRank(b.role));
  return out;
}

async function bodies(rowIds: number[]): Promise<Map<number, string>> {
  if (rowIds.length === 0) return new Map();
  const rows = await prisma().message.findMany({ where: { id: { in: [...new Set(rowIds)] } }, select: { id: true, body: true } });
  return new Map(rows.map((r) => [r.id, r.body]));
}

/** Entities of one message by row id (empty for unknown ids and ghosts). */
export async function entitiesOfMessage(rowId: number): Promise<MessageEntities> {
  return (await entitiesOfMessages([rowId])).get(rowId)!;
}

/** Merges per-message entities, in the order given, into one set per thread: each fact once, with its sources. */
export function aggregateEntities(perMessage: { messageId: string; entities: MessageEntities }[]): ThreadEntities {
  const groups = {
    commits: new Map<string, Sourced<CommitFact>>(),
    toolchains: new Map<string, Sourced<ToolchainFact>>(),
    snippets: new Map<string, Sourced<SnippetFact>>(),
    diagnostics: new Map<string, Sourced<DiagnosticFact>>(),
    configs: new Map<string, Sourced<ConfigFact>>(),
    kernelVersions: new Map<string, Sourced<{ version: string }>>(),
    links: new Map<string, Sourced<LinkFact>>(),
    trailers: new Map<string, Sourced<TrailerFact>>(),
  };
  function add<T extends object>(map: Map<string, Sourced<T>>, key: string, fact: T, messageId: string, merge?: (kept: T, next: T) => void) {
    const kept = map.get(key);
    if (!kept) map.set(key, { ...fact, messages: [messageId] });
    else {
      if (!kept.messages.includes(messageId)) kept.messages.push(messageId);
      merge?.(kept, fact);
    }
  }
  for (const { messageId, entities: e } of perMessage) {
    for (const c of e.commits)
      add(groups.commits, `${c.repo}\0${c.sha}\0${c.role}`, c, messageId, (k, n) => {
        k.subject ??= n.subject;
      });
    for (const t of e.toolchains)
      add(groups.toolchains, `${t.name}\0${t.version}`, t, messageId, (k, n) => {
        k.vendor ??= n.vendor;
        k.gitHash ??= n.gitHash;
      });
    for (const s of e.snippets) add(groups.snippets, String(s.id), s, messageId);
    for (const d of e.diagnostics) add(groups.diagnostics, d.signature, d, messageId);
    for (const c of e.configs) add(groups.configs, `${c.name}\0${c.value ?? ""}`, c, messageId);
    for (const v of e.kernelVersions) add(groups.kernelVersions, v, { version: v }, messageId);
    for (const l of e.links) add(groups.links, l.url, l, messageId);
    for (const t of e.trailers) add(groups.trailers, `${t.name.toLowerCase()}\0${t.value}`, t, messageId);
  }
  return {
    commits: [...groups.commits.values()].sort((a, b) => roleRank(a.role) - roleRank(b.role)),
    toolchains: [...groups.toolchains.values()],
    snippets: [...groups.snippets.values()],
    diagnostics: [...groups.diagnostics.values()],
    configs: [...groups.configs.values()].sort((a, b) => a.name.localeCompare(b.name)),
    kernelVersions: [...groups.kernelVersions.values()],
    links: [...groups.links.values()],
    trailers: [...groups.trailers.values()],
  };
}

/** One message's entities in the thread shape, so one panel draws both. */
export function sourcedEntities(messageId: string, e: MessageEntities): ThreadEntities {
  return aggregateEntities([{ messageId, entities: e }]);
}

export interface ThreadFacts {
  /** Per message, by Message-ID. */
  byMessage: Map<string, MessageEntities>;
  /** The whole thread, each fact once, messages in date order. */
  thread: ThreadEntities;
}

/** Entities of every real message of a thread, per message and merged, messages by date (ten queries whatever its size). */
export async function entitiesOfThread(threadId: number): Promise<ThreadFacts> {
  const members = await prisma().message.findMany({
    where: { threadId, ghost: false },
    orderBy: [{ date: "asc" }, { id: "asc" }],
    select: { messageId: true },
  });
  return entitiesInOrder(members.map((m) => m.messageId));
}

/** Entities of the given messages (by Message-ID, in the order given, e.g. a thread page's), per message and merged. */
export async function entitiesInOrder(messageIds: string[]): Promise<ThreadFacts> {
  const rows = await prisma().message.findMany({ where: { messageId: { in: messageIds }, ghost: false }, select: { id: true, messageId: true } });
  const rowOf = new Map(rows.map((r) => [r.messageId, r.id]));
  const members = messageIds.flatMap((messageId) => (rowOf.has(messageId) ? [{ id: rowOf.get(messageId)!, messageId }] : []));
  const perRow = await entitiesOfMessages(members.map((m) => m.id));
  const perMessage = members.map((m) => ({ messageId: m.messageId, entities: perRow.get(m.id)! }));
  return { byMessage: new Map(perMessage.map((p) => [p.messageId, p.entities])), thread: aggregateEntities(perMessage) };
}
