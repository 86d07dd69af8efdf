// Partial Message-ID matching as lore does it for /<list>/<mid>/ when the exact Message-ID is unknown:
// truncated or mangled IDs pasted into trackers still lead to the message (one match) or a choice page (several).

/** Shorter fragments match too much; 14 is the length of the "XXXXXXXXXX.fsf" IDs that Gnus generates. */
export const MIN_PARTIAL_LEN = 14;
/** lore stops listing partial matches here and shows "100+". */
export const PARTIAL_MAX = 100;

export interface PartialAttempt {
  /** Candidate Message-IDs must start with this (case-sensitive). */
  prefix: string;
  /** Candidate must equal `prefix` exactly, not merely start with it. */
  exact: boolean;
}

/**
 * The prefixes to try, in order, like public-inbox's search_partial: the whole fragment as a prefix, then with
 * its last word dropped (a truncated paste usually loses the end, e.g. "…@kernel.o").
 * Empty when the fragment is too short to try.
 */
export function partialAttempts(mid: string): PartialAttempt[] {
  if (mid.length < MIN_PARTIAL_LEN) return [];
  const attempts: PartialAttempt[] = [{ prefix: mid, exact: false }];
  const tail = /(\W+)(\w*)$/.exec(mid);
  if (tail) {
    const chopped = mid.slice(0, tail.index);
    const [, delim, word] = tail;
    if (word) {
      attempts.push({ prefix: chopped + delim, exact: true });
      attempts.push({ prefix: chopped + delim, exact: false });
    }
    attempts.push({ prefix: chopped, exact: true });
    attempts.push({ prefix: chopped, exact: false });
  }
  // Chopping may bring the fragment under the minimum; those tries would match too much.
  return attempts.filter((a) => a.prefix.length >= MIN_PARTIAL_LEN);
}

/**
 * The widest prefix among the attempts: fetch candidates with it (see globPrefix / likePrefix), then pass them
 * to partialMessageIdMatch. Null when the fragment is too short.
 */
export function widestPrefix(mid: string): string | null {
  const attempts = partialAttempts(mid);
  if (attempts.length === 0) return null;
  return attempts.reduce((a, b) => (b.prefix.length < a.prefix.length ? b : a)).prefix;
}

/**
 * `message_id LIKE ? ESCAPE '\'` pattern matching IDs that start with `prefix`: %, _ and \ are escaped.
 * SQLite's LIKE ignores ASCII case, so the candidates are filtered again, case-sensitively, by the matcher.
 */
export function likePrefix(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => "\\" + c) + "%";
}

/**
 * `message_id GLOB ?` pattern matching IDs that start with `prefix`. GLOB is case-sensitive and, unlike LIKE
 * with the default collation, lets SQLite use the unique index on message_id for the prefix.
 */
export function globPrefix(prefix: string): string {
  return prefix.replace(/[*?[]/g, (c) => `[${c}]`) + "*";
}

export type PartialMatch =
  | { kind: "none" } // 404
  | { kind: "redirect"; messageId: string } // one match: 302 to it
  | { kind: "choices"; messageIds: string[]; truncated: boolean }; // several: HTTP 300, a choice page

/** The outcome for the fragment `mid` given the candidate IDs fetched with widestPrefix(mid). */
export function partialMessageIdMatch(mid: string, candidates: Iterable<string>): PartialMatch {
  const all = [...new Set(candidates)].sort();
  for (const attempt of partialAttempts(mid)) {
    const hits = all.filter((c) => (attempt.exact ? c === attempt.prefix : c.startsWith(attempt.prefix)));
    if (hits.length === 1) return { kind: "redirect", messageId: hits[0] };
    if (hits.length > 1) {
      return { kind: "choices", messageIds: hits.slice(0, PARTIAL_MAX), truncated: hits.length > PARTIAL_MAX };
    }
  }
  return { kind: "none" };
}
