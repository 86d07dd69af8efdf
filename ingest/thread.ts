// JWZ threading (https://www.jwz.org/doc/threading.html) as pure functions over a view of the containers
// seen so far, so the same rules serve an in-memory threader (threadMessages) and the incremental one
// store.ts runs against the database.
//
// The rules, chosen so that the result does not depend on the order messages arrive in:
// - A real message's parent is the last id of its own References (+ In-Reply-To), nothing else; another
//   message's References never re-parent it (JWZ 1C: "we can be more definitive").
// - A ghost (an id referenced but never seen) takes its parent from the first References chain naming
//   it; later chains do not change it (JWZ 1B).
// - A link that would make a loop is not made; when a real message's own parent would close a loop through
//   a ghost's borrowed link, the ghost's link gives way.
// - Thread membership is the union of everything a message references (as public-inbox does): two
//   threads become one as soon as any message references both. Subjects never join threads.

export interface ThreadInput {
  messageId: string;
  references: string[]; // oldest first, self excluded
  inReplyTo: string | null;
}

/** What the threader needs to know about a container; `undefined` parent means the id is unknown. */
export interface ContainerView {
  parentOf(id: string): string | null | undefined;
  isReal(id: string): boolean;
}

// No real thread is this deep; a walk that gets here is following a cycle left by older data.
const MAX_DEPTH = 100_000;

/** The ids a message refers to, oldest first: References, then In-Reply-To when References lacks it. */
export function referenceChain(m: ThreadInput): string[] {
  const out: string[] = [];
  const seen = new Set<string>([m.messageId]);
  for (const id of m.inReplyTo && !m.references.includes(m.inReplyTo) ? [...m.references, m.inReplyTo] : m.references) {
    if (!id || seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out;
}

/** Whether making `parent` the parent of `child` would put `child` among its own ancestors. */
function wouldLoop(child: string, parent: string, parentOf: (id: string) => string | null | undefined): boolean {
  let x: string | null | undefined = parent;
  for (let depth = 0; x != null && depth < MAX_DEPTH; depth++) {
    if (x === child) return true;
    x = parentOf(x);
  }
  return x != null;
}

/**
 * The parent links adding message `m` makes (child id → parent id, null for none), given the containers
 * in `view`. Only links that change something are returned; the caller applies them.
 */
export function linkMessage(m: ThreadInput, view: ContainerView): Map<string, string | null> {
  const links = new Map<string, string | null>();
  const parentOf = (id: string) => (links.has(id) ? links.get(id) : view.parentOf(id));
  const chain = referenceChain(m);
  for (let i = 1; i < chain.length; i++) {
    const child = chain[i];
    if (view.isReal(child) || parentOf(child) != null) continue;
    if (!wouldLoop(child, chain[i - 1], parentOf)) links.set(child, chain[i - 1]);
  }
  let own: string | null = chain.at(-1) ?? null;
  const loop = own === null ? null : pathTo(m.messageId, own, parentOf);
  if (loop) {
    // A message's own headers outrank what other messages' References said about a ghost: a loop
    // through a ghost's borrowed parent link is broken there, not by dropping this message's parent.
    // Otherwise the outcome would depend on which of the two arrived first.
    const weak = loop.findLast((id) => !view.isReal(id));
    if (weak !== undefined) links.set(weak, null);
    else own = null;
  }
  if ((parentOf(m.messageId) ?? null) !== own) links.set(m.messageId, own);
  return links;
}

/** The ancestors of `from` (itself first) up to `target`'s child, when `target` is among them; else null. */
function pathTo(target: string, from: string, parentOf: (id: string) => string | null | undefined): string[] | null {
  const path: string[] = [];
  let x: string | null | undefined = from;
  for (let depth = 0; x != null && depth < MAX_DEPTH; depth++) {
    if (x === target) return path;
    path.push(x);
    x = parentOf(x);
  }
  return x == null ? null : path;
}

export interface ThreadedMessage extends ThreadInput {
  date: Date | null;
  subject: string;
}

export interface Container {
  id: string;
  ghost: boolean;
  parent: string | null;
}

export interface Thread {
  root: string; // the top container above the earliest message; may be a ghost
  subject: string; // the root's subject, or the earliest message's when the root is a ghost
  messageIds: string[]; // real messages, earliest first
  firstDate: Date | null;
  lastDate: Date | null;
}

/** Real messages by date, undated last, ties by id, so "earliest" means the same thing everywhere. */
export function compareByDate(a: { date: Date | null; messageId: string }, b: { date: Date | null; messageId: string }): number {
  const ta = a.date?.getTime() ?? Infinity;
  const tb = b.date?.getTime() ?? Infinity;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0;
}

/** The top of the tree `id` is in. */
export function rootOf(id: string, parentOf: (id: string) => string | null | undefined): string {
  let x = id;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const p = parentOf(x);
    if (p == null) return x;
    x = p;
  }
  return x;
}

/**
 * Threads a whole set of messages in memory, in the given order (a repeated Message-ID keeps its first
 * copy). The reference model for the incremental threading in store.ts.
 */
export function threadMessages(messages: ThreadedMessage[]): { containers: Map<string, Container>; threads: Thread[] } {
  const containers = new Map<string, Container>();
  const real = new Map<string, ThreadedMessage>();
  const union = new Map<string, string>();
  const find = (id: string): string => {
    let r = id;
    while (union.get(r) !== r) r = union.get(r)!;
    for (let x = id; x !== r; ) {
      const next = union.get(x)!;
      union.set(x, r);
      x = next;
    }
    return r;
  };
  const view: ContainerView = {
    parentOf: (id) => containers.get(id)?.parent,
    isReal: (id) => real.has(id),
  };
  for (const m of messages) {
    if (real.has(m.messageId)) continue;
    const chain = referenceChain(m);
    for (const id of [m.messageId, ...chain]) {
      if (!containers.has(id)) {
        containers.set(id, { id, ghost: true, parent: null });
        union.set(id, id);
      }
    }
    containers.get(m.messageId)!.ghost = false;
    real.set(m.messageId, m);
    for (const [child, parent] of linkMessage(m, view)) containers.get(child)!.parent = parent;
    for (const id of chain) union.set(find(id), find(m.messageId));
  }
  const groups = new Map<string, ThreadedMessage[]>();
  for (const m of real.values()) {
    const key = find(m.messageId);
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  const threads: Thread[] = [];
  for (const group of groups.values()) {
    group.sort(compareByDate);
    const root = rootOf(group[0].messageId, view.parentOf);
    const dates = group.map((m) => m.date?.getTime()).filter((t): t is number => t !== undefined);
    threads.push({
      root,
      subject: (real.get(root) ?? group[0]).subject,
      messageIds: group.map((m) => m.messageId),
      firstDate: dates.length ? new Date(Math.min(...dates)) : null,
      lastDate: dates.length ? new Date(Math.max(...dates)) : null,
    });
  }
  return { containers, threads };
}
