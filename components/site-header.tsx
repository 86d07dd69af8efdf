// The bar at the top of every page: the name (home link) and the search box.
import { SearchForm } from "./search-form";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <a href="/" className="brand" data-testid="home-link">
          cross<span>lore</span>
        </a>
        <SearchForm />
      </div>
    </header>
  );
}
