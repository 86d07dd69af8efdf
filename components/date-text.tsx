// A mail date as lore shows it: UTC, minutes, machine-readable in <time>.

/** "2021-01-02 07:51" (UTC), or "" for no date. */
export function formatDate(date: Date | string | null): string {
  if (!date) return "";
  const d = typeof date === "string" ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return "";
  return d.toISOString().slice(0, 16).replace("T", " ");
}

export function DateText({ date, dayOnly = false }: { date: Date | string | null; dayOnly?: boolean }) {
  const text = formatDate(date);
  if (!text) return <span className="faint">no date</span>;
  const iso = (typeof date === "string" ? new Date(date) : date!).toISOString();
  return (
    <time dateTime={iso} title={`${text} UTC`}>
      {dayOnly ? text.slice(0, 10) : text}
    </time>
  );
}
