// The nested overview of a thread: one row per message (subject, author, date), ghosts shown as gaps.
import type { Ordered } from "../lib/queries/thread-order";
import type { ThreadEntry } from "../lib/queries/threads";
import { messageIdAnchor } from "../lib/mail/msgid";
import { messageAnchorId, messageUrl } from "../lib/mail/url";
import { DateText } from "./date-text";

interface TreeNode {
  entry: Ordered<ThreadEntry>;
  children: TreeNode[];
}

/** Rebuilds nesting from the depth-first order and depths. */
function nest(entries: Ordered<ThreadEntry>[]): TreeNode[] {
  const roots: TreeNode[] = [];
  const stack: TreeNode[] = [];
  for (const entry of entries) {
    const node = { entry, children: [] };
    while (stack.length > entry.depth) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

function Rows({ nodes, current, list, linkTo, prevSubject }: { nodes: TreeNode[]; current?: string; list: string; linkTo: "anchor" | "page"; prevSubject: string }) {
  return (
    <ul>
      {nodes.map(({ entry: m, children }) => {
        const normalized = m.subject.replace(/^((re|aw|fwd?):\s*)+/i, "");
        // Like lore, a reply's subject is only repeated when it changed.
        const subject = m.ghost ? "[not in the archive]" : normalized === prevSubject ? "" : m.subject || "(no subject)";
        const href = linkTo === "anchor" ? `#${messageAnchorId(messageIdAnchor(m.messageId))}` : messageUrl(m.lists[0] ?? list, m.messageId);
        return (
          <li key={m.messageId}>
            <div className={m.ghost ? "tree-row ghost" : "tree-row"} aria-current={m.messageId === current ? "true" : undefined} data-testid="tree-row">
              {/* A reply that keeps the subject is listed by its author, linked, where the subject would be. */}
              <span className="tree-subject">
                {m.ghost ? subject : subject ? <a href={href}>{subject}</a> : <a href={href} className="tree-from">{m.fromName || m.fromAddr}</a>}
              </span>
              {!m.ghost && subject && <span className="tree-from">{m.fromName || m.fromAddr}</span>}
              {!m.ghost && (
                <span className="tree-date">
                  <DateText date={m.date} />
                </span>
              )}
            </div>
            {children.length > 0 && <Rows nodes={children} current={current} list={list} linkTo={linkTo} prevSubject={m.ghost ? prevSubject : normalized} />}
          </li>
        );
      })}
    </ul>
  );
}

export function ThreadTree({ entries, current, list, linkTo }: { entries: Ordered<ThreadEntry>[]; current?: string; list: string; linkTo: "anchor" | "page" }) {
  return (
    <nav className="thread-tree" aria-label="thread overview" data-testid="thread-tree">
      <Rows nodes={nest(entries)} current={current} list={list} linkTo={linkTo} prevSubject="" />
    </nav>
  );
}
