// The search box: a plain GET form, so searching needs no client-side code.

export function SearchForm({ q = "", list, autoFocus = false }: { q?: string; list?: string; autoFocus?: boolean }) {
  const action = list ? `/${encodeURIComponent(list)}/` : "/search";
  return (
    <form className="search-form" action={action} method="get" role="search" data-testid="search-form">
      <input
        type="search"
        name="q"
        defaultValue={q}
        placeholder={list ? `search ${list}: s:objtool f:nathan dfn:Makefile "stack protector"` : 's:objtool f:nathan dfn:Makefile "stack protector"'}
        aria-label="Search messages"
        autoFocus={autoFocus}
        spellCheck={false}
        autoComplete="off"
      />
      <button type="submit">Search</button>
    </form>
  );
}
