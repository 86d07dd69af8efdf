// Orders a thread's messages the way lore's /T/ page does: depth-first from the root, siblings by date.

export interface ThreadNode {
  messageId: string;
  parentId: string | null;
  date: Date | null;
}

export type Ordered<T> = T & { depth: number };

function byDate(a: ThreadNode, b: ThreadNode): number {
  // Undated messages sort after dated siblings; equal dates fall back to the id for a stable order.
  const ta = a.date?.getTime() ?? Number.POSITIVE_INFINITY;
  const tb = b.date?.getTime() ?? Number.POSITIVE_INFINITY;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0;
}

/**
 * The nodes depth-first with their depth. Roots are nodes whose parent is absent from the set; the
 * thread's own root (when given and present) comes first, other roots by date. A parent cycle, which
 * bad References can produce, is cut where it is found so every node appears exactly once.
 */
export function orderThread<T extends ThreadNode>(nodes: T[], rootMessageId?: string): Ordered<T>[] {
  const byId = new Map(nodes.map((n) => [n.messageId, n]));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const n of nodes) {
    if (n.parentId && n.parentId !== n.messageId && byId.has(n.parentId)) {
      const list = children.get(n.parentId);
      if (list) list.push(n);
      else children.set(n.parentId, [n]);
    } else {
      roots.push(n);
    }
  }
  for (const list of children.values()) list.sort(byDate);
  roots.sort((a, b) => (a.messageId === rootMessageId ? -1 : b.messageId === rootMessageId ? 1 : byDate(a, b)));

  const out: Ordered<T>[] = [];
  const seen = new Set<string>();
  const walk = (start: T) => {
    const stack: [T, number][] = [[start, 0]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      if (seen.has(node.messageId)) continue;
      seen.add(node.messageId);
      out.push({ ...node, depth });
      const kids = children.get(node.messageId) ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], depth + 1]);
    }
  };
  for (const r of roots) walk(r);
  // Whatever is left hangs off a cycle: each such node starts its own subtree.
  for (const n of [...nodes].sort(byDate)) if (!seen.has(n.messageId)) walk(n);
  return out;
}
