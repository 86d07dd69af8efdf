// The bar at the top of every page: the name (home link), the search box and the entity indexes.
import { SearchForm } from "./search-form";

// What a toolchain person browses besides search: versions, diagnostics, listings, regressions, tracker links.
const NAV = [
  { href: "/toolchain", label: "toolchains" },
  { href: "/diag", label: "diagnostics" },
  { href: "/snippets", label: "listings" },
  { href: "/regressions", label: "regressions" },
  { href: "/links", label: "tracker links" },
] as const;

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <a href="/" className="brand" data-testid="home-link">
          cross<span>lore</span>
        </a>
        <SearchForm />
        <nav className="site-nav" aria-label="Browse">
          {NAV.map((n) => (
            <a key={n.href} href={n.href}>
              {n.label}
            </a>
          ))}
        </nav>
      </div>
    </header>
  );
}
