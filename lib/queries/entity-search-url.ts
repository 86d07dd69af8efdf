// The search each entity page links to ("commit:<sha>", "toolchain:clang-18", "config:", "diag:"), written in
// the syntax lib/search/query.ts reads and checked against it, so a link never leads to a query error.
import { parseQuery } from "../search/query";
import { searchUrl } from "./search-url";

function checked(q: string): string | null {
  try {
    return parseQuery(q) === null ? null : searchUrl(q);
  } catch {
    return null;
  }
}

export function commitSearchUrl(sha: string): string | null {
  return checked(`commit:${sha}`);
}

/** toolchain:<name>, or with a version: toolchain:<name>-<version> (that version and its x.y.z refinements). */
export function toolchainSearchUrl(name: string, version?: string): string | null {
  return checked(version === undefined ? `toolchain:${name}` : `toolchain:${name}-${version}`);
}

/** The first number of a version ("18" of "18.1.8"), for "any clang 18" searches; null when it has none. */
export function majorVersion(version: string): string | null {
  return /^\d+/.exec(version)?.[0] ?? null;
}

export function configSearchUrl(name: string): string | null {
  return checked(`config:${name}`);
}

/**
 * diag:"<signature>". The query language has no escape for '"' inside quotes, so a signature holding one is
 * searched by its part before the quote (diag: matches signatures by prefix).
 */
export function diagSearchUrl(signature: string): string | null {
  const head = signature.split('"')[0].trim();
  return head ? checked(`diag:"${head}"`) : null;
}
