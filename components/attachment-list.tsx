// A message's attachments: listed with type and size, never rendered or served.
import type { AttachmentSummary } from "../lib/queries/messages";

/** "1.4 KiB", "23 bytes". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} byte${n === 1 ? "" : "s"}`;
  const units = ["KiB", "MiB", "GiB"];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

export function AttachmentList({ attachments }: { attachments: AttachmentSummary[] }) {
  if (attachments.length === 0) return null;
  return (
    <div className="attachments" data-testid="attachments">
      <span className="dim">
        {attachments.length} attachment{attachments.length === 1 ? "" : "s"} (not shown)
      </span>
      <ul>
        {attachments.map((a, i) => (
          <li key={i}>
            <span className="mono">{a.filename ?? "(unnamed)"}</span> <span className="dim">{a.contentType}, {formatBytes(a.size)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
