// The mailing lists in the archive with their message counts.
import type { ListSummary } from "../lib/queries/lists";

export function ListTable({ lists }: { lists: ListSummary[] }) {
  if (lists.length === 0) {
    return (
      <p className="empty" data-testid="lists-empty">
        No lists yet. Ingest an archive with <code>npm run ingest -- PATH</code>.
      </p>
    );
  }
  return (
    <table className="dense" data-testid="lists">
      <thead>
        <tr>
          <th>list</th>
          <th className="num">messages</th>
        </tr>
      </thead>
      <tbody>
        {lists.map((l) => (
          <tr key={l.name}>
            <td>
              <a href={`/${encodeURIComponent(l.name)}/`}>{l.name}</a>
            </td>
            <td className="num">{l.messageCount.toLocaleString("en-US")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
