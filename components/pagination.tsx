// Page links for long result lists: previous, a window of page numbers, next.

export function Pagination({ page, pageSize, total, href }: { page: number; pageSize: number; total: number; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const first = Math.max(1, Math.min(page - 3, pages - 6));
  const last = Math.min(pages, first + 6);
  const numbers = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return (
    <nav className="pagination" aria-label="pages" data-testid="pagination">
      {page > 1 ? <a href={href(page - 1)} rel="prev">← previous</a> : <span className="disabled">← previous</span>}
      {first > 1 && <a href={href(1)}>1</a>}
      {first > 2 && <span className="disabled">…</span>}
      {numbers.map((n) =>
        n === page ? (
          <span key={n} aria-current="page">
            {n}
          </span>
        ) : (
          <a key={n} href={href(n)}>
            {n}
          </a>
        ),
      )}
      {last < pages && <span className="disabled">… {pages}</span>}
      {page < pages ? <a href={href(page + 1)} rel="next">next →</a> : <span className="disabled">next →</span>}
    </nav>
  );
}
