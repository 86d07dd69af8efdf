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
