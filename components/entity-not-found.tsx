"use client";
// The 404 of an entity page: names the commit, tool, option or diagnostic that was asked for (read from the
// address, as not-found pages get no route parameters) and offers the search and the index instead.
import { usePathname } from "next/navigation";
import { commitSearchUrl, configSearchUrl, diagSearchUrl, toolchainSearchUrl } from "../lib/queries/entity-search-url";
import { searchUrl } from "../lib/queries/search-url";

export type EntityKind = "commit" | "toolchain" | "config" | "diag";

const HEADINGS: Record<EntityKind, string> = {
  commit: "Commit not found",
  toolchain: "Toolchain not found",
  config: "Kconfig option not found",
  diag: "Diagnostic not found",
};

const INDEXES: Record<EntityKind, { href: string; label: string }> = {
  commit: { href: "/search", label: "search" },
  toolchain: { href: "/toolchain", label: "all toolchains" },
  config: { href: "/search", label: "search" },
  diag: { href: "/diag", label: "all diagnostics" },
};

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function searchFor(kind: EntityKind, parts: string[]): string | null {
  const last = parts.at(-1) ?? "";
  if (!last) return null;
  switch (kind) {
    case "commit":
      return commitSearchUrl(last);
    case "toolchain":
      return toolchainSearchUrl(parts[0], parts[1]);
    case "config":
      return configSearchUrl(last);
    case "diag":
      return diagSearchUrl(last) ?? searchUrl(`"${last.replaceAll('"', "")}"`);
  }
}

export function EntityNotFound({ kind }: { kind: EntityKind }) {
  const parts = (usePathname() ?? "").split("/").filter((s) => s !== "").slice(1).map(decoded);
  const what = kind === "commit" ? (parts.at(-1) ?? "") : parts.join(" ");
  const search = searchFor(kind, parts);
  return (
    <div className="notice" data-testid="entity-not-found">
      <h1>{HEADINGS[kind]}</h1>
      <p>
        Nothing in this archive names <code className="mono">{what}</code>
        {kind === "commit" && " (a commit is 7 to 40 hex digits of its hash)"}.
      </p>
      <p>
        {search && (
          <>
            <a className="button" href={search}>
              Search the mail for it
            </a>{" "}
          </>
        )}
        <a href={INDEXES[kind].href}>{INDEXES[kind].label}</a> · <a href="/">front page</a>
      </p>
    </div>
  );
}
