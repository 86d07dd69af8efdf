// Parses lore's (public-inbox/Xapian) query language, plus crosslore's toolchain prefixes, into one AST.
import { QueryError } from "./types";

/** Text fields a term can be restricted to; each maps to one FTS5 column and one Meilisearch attribute. */
export type TextField = "subject" | "from" | "to" | "cc" | "body" | "dfn" | "dfa" | "dfb" | "dfhh";

export type QueryNode =
  | { kind: "and"; children: QueryNode[] }
  | { kind: "or"; children: QueryNode[] }
  | { kind: "not"; child: QueryNode }
  /** Words to match in order (a phrase when more than one); null fields = every text field. */
  | { kind: "text"; text: string; fields: TextField[] | null; phrase: boolean; prefix: boolean }
  /** Half-open range [from, to) in epoch milliseconds; null = open. */
  | { kind: "date"; from: number | null; to: number | null }
  | { kind: "list"; name: string }
  | { kind: "messageId"; id: string }
  /** Lowercase hex, matched as a prefix of the longest form stored, in any repo. */
  | { kind: "commit"; sha: string }
  /** version null = any version; otherwise the version or any dotted continuation of it ("22" → "22.0.0git"). */
  | { kind: "toolchain"; name: string; version: string | null }
  /** Full option name ("CONFIG_KMSAN"); prefix true for `config:KASAN_*`. */
  | { kind: "config"; name: string; prefix: boolean }
  /** A tool ("objtool") or the start of a diagnostic signature ("objtool:folio_zero_user"). */
  | { kind: "diag"; value: string }
  /** A search facet as stored in message_tag: "has:asm", "arch:arm64". */
  | { kind: "tag"; tag: string };

// lore's text prefixes, and the fields each searches.
const TEXT_PREFIXES: Record<string, TextField[]> = {
  s: ["subject"],
  f: ["from"],
  b: ["body"],
  bs: ["subject", "body"],
  t: ["to"],
  c: ["cc"],
  tc: ["to", "cc"],
  a: ["from", "to", "cc"],
  dfn: ["dfn"],
  dfa: ["dfa"],
  dfb: ["dfb"],
  dfhh: ["dfhh"],
};

const FILTER_PREFIXES = ["d", "l", "m", "commit", "toolchain", "config", "diag", "has", "arch"] as const;

export const KNOWN_PREFIXES: readonly string[] = [...Object.keys(TEXT_PREFIXES), ...FILTER_PREFIXES];

const DAY_MS = 86_400_000;

type Token =
  | { type: "lparen"; pos: number }
  | { type: "rparen"; pos: number }
  | { type: "op"; op: "AND" | "OR" | "NOT"; pos: number }
  /** A term: `-`/`+` sign, optional prefix, value (quoted or bare). */
  | { type: "term"; pos: number; negated: boolean; prefix: string | null; value: string; quoted: boolean };

const isSpace = (ch: string) => /\s/.test(ch);
// A bare word runs until whitespace, a parenthesis or a quote.
const isWordChar = (ch: string) => !isSpace(ch) && ch !== "(" && ch !== ")" && ch !== '"';

function readQuoted(q: string, start: number): { value: string; end: number } {
  const close = q.indexOf('"', start + 1);
  if (close < 0) throw new QueryError(`unbalanced quote: the '"' at position ${start + 1} is never closed`, start);
  return { value: q.slice(start + 1, close), end: close + 1 };
}

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i];
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (ch === "(" || ch === ")") {
      tokens.push(ch === "(" ? { type: "lparen", pos: i } : { type: "rparen", pos: i });
      i++;
      continue;
    }
    const pos = i;
    let negated = false;
    // A leading '-' (or '+', Xapian's "required", which AND already means) is an operator, not part of a word.
    if ((ch === "-" || ch === "+") && i + 1 < q.length && !isSpace(q[i + 1])) {
      negated = ch === "-";
      i++;
      if (q[i] === "(") {
        if (negated) tokens.push({ type: "op", op: "NOT", pos });
        continue;
      }
    }
    if (q[i] === '"') {
      const { value, end } = readQuoted(q, i);
      tokens.push({ type: "term", pos, negated, prefix: null, value, quoted: true });
      i = end;
      continue;
    }
    let j = i;
    while (j < q.length && isWordChar(q[j])) j++;
    const word = q.slice(i, j);
    const m = /^([a-z]+):(.*)$/.exec(word);
    // "std::vector" and "https://…" are text, not prefixes; so is "Fixes:" (prefixes are lowercase).
    if (m && !/^[:/]/.test(m[2])) {
      const prefix = m[1];
      if (!KNOWN_PREFIXES.includes(prefix)) {
        throw new QueryError(
          `unknown search prefix "${prefix}:" at position ${i + 1}; known prefixes: ${KNOWN_PREFIXES.map((p) => p + ":").join(" ")}`,
          i,
        );
      }
      if (m[2] === "") {
        if (q[j] === '"') {
          const { value, end } = readQuoted(q, j);
          tokens.push({ type: "term", pos, negated, prefix, value, quoted: true });
          i = end;
          continue;
        }
        throw new QueryError(`prefix "${prefix}:" at position ${i + 1} has no value after it`, i);
      }
      tokens.push({ type: "term", pos, negated, prefix, value: m[2], quoted: false });
      i = j;
      continue;
    }
    if (!negated && (word === "AND" || word === "OR" || word === "NOT")) {
      tokens.push({ type: "op", op: word, pos });
    } else {
      tokens.push({ type: "term", pos, negated, prefix: null, value: word, quoted: false });
    }
    i = j;
  }
  return tokens;
}

/** Options for parseQuery; `now` anchors relative dates (d:2.weeks.ago..) so tests can fix it. */
export interface ParseOptions {
  now?: Date;
}

/** Parses a query; throws QueryError (with a position) for anything malformed. Returns null for an empty query. */
export function parseQuery(q: string, options: ParseOptions = {}): QueryNode | null {
  const tokens = tokenize(q);
  if (tokens.length === 0) return null;
  const now = options.now ?? new Date();
  let k = 0;
  const peek = () => tokens[k];
  const where = (t: Token | undefined) => (t ? `at position ${t.pos + 1}` : "at the end of the query");

  // Precedence, loosest first: OR, then AND (explicit, implicit, or "a NOT b"), then unary NOT / '-'.
  function parseOr(): QueryNode {
    const children = [parseAnd()];
    while (peek()?.type === "op" && (peek() as { op: string }).op === "OR") {
      const op = tokens[k++];
      if (!startsOperand(peek())) throw new QueryError(`"OR" ${where(op)} has nothing after it`, op.pos);
      children.push(parseAnd());
    }
    return children.length === 1 ? children[0] : { kind: "or", children };
  }

  function startsOperand(t: Token | undefined): boolean {
    return !!t && (t.type === "term" || t.type === "lparen" || (t.type === "op" && t.op === "NOT"));
  }

  function parseAnd(): QueryNode {
    const children = [parseUnary()];
    for (;;) {
      const t = peek();
      if (!t || t.type === "rparen" || (t.type === "op" && t.op === "OR")) break;
      if (t.type === "op" && t.op === "AND") {
        k++;
        if (!startsOperand(peek())) throw new QueryError(`"AND" ${where(t)} has nothing after it`, t.pos);
      }
      children.push(parseUnary());
    }
    return children.length === 1 ? children[0] : { kind: "and", children };
  }

  function parseUnary(): QueryNode {
    const t: Token | undefined = tokens[k];
    if (!t) throw new QueryError("the query ends where a search term was expected", q.length);
    if (t.type === "op") {
      if (t.op !== "NOT") throw new QueryError(`"${t.op}" ${where(t)} has nothing before it`, t.pos);
      k++;
      if (!startsOperand(peek())) throw new QueryError(`"NOT" ${where(t)} has nothing after it`, t.pos);
      return { kind: "not", child: parseUnary() };
    }
    if (t.type === "rparen") throw new QueryError(`unbalanced parenthesis: ")" ${where(t)} has no matching "("`, t.pos);
    if (t.type === "lparen") {
      k++;
      if (peek()?.type === "rparen") throw new QueryError(`empty parentheses ${where(t)}`, t.pos);
      const inner = parseOr();
      if (peek()?.type !== "rparen") throw new QueryError(`unbalanced parenthesis: "(" ${where(t)} is never closed`, t.pos);
      k++;
      return inner;
    }
    k++;
    const node = termNode(t, now);
    return t.negated ? { kind: "not", child: node } : node;
  }

  const root = parseOr();
  if (k < tokens.length) {
    const t = tokens[k];
    throw new QueryError(`unbalanced parenthesis: ")" ${where(t)} has no matching "("`, t.pos);
  }
  return root;
}

function termNode(t: Extract<Token, { type: "term" }>, now: Date): QueryNode {
  const { prefix, value, pos } = t;
  const bad = (what: string): never => {
    throw new QueryError(`${prefix}:${value} at position ${pos + 1}: ${what}`, pos);
  };
  if (prefix === null || prefix in TEXT_PREFIXES) return textNode(value, prefix ? TEXT_PREFIXES[prefix] : null, t.quoted, pos);
  const v = value.trim();
  switch (prefix) {
    case "d":
      return dateNode(v, now, bad);
    case "l":
      if (!/^[\w.+-]+$/.test(v)) bad("a list name is letters, digits, '.', '-' and '_'");
      return { kind: "list", name: v };
    case "m": {
      const id = v.replace(/^<|>$/g, "");
      if (!id) bad("empty Message-ID");
      return { kind: "messageId", id };
    }
    case "commit":
      if (!/^[0-9a-f]{7,40}$/i.test(v)) bad("a commit is 7 to 40 hex digits");
      return { kind: "commit", sha: v.toLowerCase() };
    case "toolchain": {
      const m = /^([a-z][a-z.]*?)(?:-(\d[\w.+~-]*))?$/i.exec(v);
      if (!m) bad('expected a tool name, optionally with a version: "gcc", "clang-22", "clang-22.0.0git"');
      return { kind: "toolchain", name: m![1].toLowerCase(), version: m![2] ?? null };
    }
    case "config": {
      const m = /^(?:CONFIG_)?([A-Z0-9_]+)(\*)?$/i.exec(v);
      if (!m) bad('expected a Kconfig option such as "KMSAN" or "CONFIG_KMSAN", optionally ending in *');
      return { kind: "config", name: "CONFIG_" + m![1].toUpperCase(), prefix: !!m![2] };
    }
    case "diag":
      if (!v) bad("empty diagnostic");
      return { kind: "diag", value: v };
    case "has":
    case "arch":
      if (!/^[\w.-]+$/.test(v)) bad("expected a single word such as has:asm or arch:arm64");
      return { kind: "tag", tag: `${prefix}:${v.toLowerCase()}` };
  }
  return bad("unsupported prefix");
}

function textNode(raw: string, fields: TextField[] | null, quoted: boolean, pos: number): QueryNode {
  let text = raw;
  let prefix = false;
  if (!quoted && text.endsWith("*")) {
    prefix = true;
    text = text.replace(/\*+$/, "");
  }
  // unicode61 with '_' as a token character: letters, digits and '_' make words; everything else separates.
  const words = text.match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
  if (words.length === 0) {
    throw new QueryError(`"${raw}" at position ${pos + 1} contains no searchable word (letters, digits or _)`, pos);
  }
  return { kind: "text", text: words.join(" "), fields, phrase: words.length > 1, prefix };
}

// ---- dates ----

type Bad = (what: string) => never;

interface DatePoint {
  ms: number;
  /** True for a calendar day (20210105, yesterday): as an upper bound it includes the whole day. */
  day: boolean;
}

function dateNode(v: string, now: Date, bad: Bad): QueryNode {
  const dots = v.indexOf("..");
  if (dots < 0) {
    const p = parseDatePoint(v, now, bad);
    const start = p.day ? p.ms : startOfDay(p.ms);
    return { kind: "date", from: start, to: start + DAY_MS };
  }
  const [a, b] = [v.slice(0, dots), v.slice(dots + 2)];
  if (!a && !b) bad('a date range needs at least one end, e.g. "d:20210101.." or "d:..20210301"');
  const from = a ? parseDatePoint(a, now, bad).ms : null;
  let to: number | null = null;
  if (b) {
    const p = parseDatePoint(b, now, bad);
    to = p.day ? p.ms + DAY_MS : p.ms;
  }
  if (from !== null && to !== null && to <= from) bad("the range ends before it starts");
  return { kind: "date", from, to };
}

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

const UNITS: Record<string, (d: Date, n: number) => void> = {
  second: (d, n) => d.setTime(d.getTime() - n * 1000),
  minute: (d, n) => d.setTime(d.getTime() - n * 60_000),
  hour: (d, n) => d.setTime(d.getTime() - n * 3_600_000),
  day: (d, n) => d.setTime(d.getTime() - n * DAY_MS),
  week: (d, n) => d.setTime(d.getTime() - n * 7 * DAY_MS),
  month: (d, n) => d.setUTCMonth(d.getUTCMonth() - n),
  year: (d, n) => d.setUTCFullYear(d.getUTCFullYear() - n),
};

// Dates are UTC, as lore's are.
function parseDatePoint(s: string, now: Date, bad: Bad): DatePoint {
  const abs = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s);
  if (abs) {
    const [y, mo, d] = [Number(abs[1]), Number(abs[2]), Number(abs[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
      bad(`"${s}" is not a calendar date`);
    }
    return { ms, day: true };
  }
  const lower = s.toLowerCase();
  if (lower === "today") return { ms: startOfDay(now.getTime()), day: true };
  if (lower === "yesterday") return { ms: startOfDay(now.getTime()) - DAY_MS, day: true };
  if (lower === "now") return { ms: now.getTime(), day: false };
  const rel = /^(\d+)\.([a-z]+?)s?\.ago$/.exec(lower);
  if (rel && rel[2] in UNITS) {
    const d = new Date(now.getTime());
    UNITS[rel[2]](d, Number(rel[1]));
    return { ms: d.getTime(), day: false };
  }
  return bad(`"${s}" is not a date; use YYYYMMDD, YYYY-MM-DD, today, yesterday or N.days/weeks/months/years.ago`);
}
