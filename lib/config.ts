// Runtime settings read from the environment, with the defaults the README documents.
import path from "node:path";

// DATABASE_URL accepts "file:relative/or/absolute.db" (Prisma style) or a bare path.
export const DEFAULT_DATABASE_URL = "file:./data/crosslore.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** The SQLite file path that DATABASE_URL names, resolved against the working directory. */
export function databasePath(url: string = databaseUrl()): string {
  const p = url.startsWith("file:") ? url.slice("file:".length) : url;
  if (p === ":memory:") return p;
  return path.resolve(process.cwd(), p);
}

export function meiliUrl(): string | undefined {
  return process.env.MEILI_URL || undefined;
}

export function meiliKey(): string | undefined {
  return process.env.MEILI_MASTER_KEY || process.env.MEILI_API_KEY || undefined;
}

/**
 * The site's public origin ("https://crosslore.example.org", no trailing slash) for absolute links in feeds,
 * previews and citations. CROSSLORE_BASE_URL wins (set it behind a proxy that rewrites Host); otherwise the
 * request's forwarded or Host headers; otherwise the local default.
 */
export function publicBaseUrl(headers?: { get(name: string): string | null }): string {
  const configured = process.env.CROSSLORE_BASE_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const first = (v: string | null | undefined) => v?.split(",")[0]?.trim() || undefined;
  const host = first(headers?.get("x-forwarded-host")) ?? first(headers?.get("host"));
  if (!host || !/^[A-Za-z0-9.\-\[\]:]+$/.test(host)) return `http://localhost:${process.env.PORT || "3000"}`;
  const proto = first(headers?.get("x-forwarded-proto")) === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
