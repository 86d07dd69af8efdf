// Scores extracted entities against hand labels: per-kind normal forms, one-to-one matching, P/R/F1.
import type { Entities } from "../types";

export const EXTRACTORS = ["commits", "toolchains", "snippets", "diagnostics", "configs", "kernelVersions", "links", "trailers"] as const;
export type Extractor = (typeof EXTRACTORS)[number];

/** The expected entities of one message, as written by hand in messages/NNN-slug.json. */
export interface Label {
  source: { file: string; message: number };
  messageId: string;
  subject: string;
  note?: string;
  commits: { sha: string; repo: string; role: string }[];
  toolchains: { name: string; version: string }[];
  // kind may list alternatives where either reading is right (a crash dump is a build-log or an oops)
  snippets: { kind: string | string[]; arch: string | null }[];
  // essence: words that must all occur in the diagnostic's signature/title/text; symbol null = not checked
  diagnostics: { tool: string; symbol: string | null; essence: string }[];
  configs: string[];
  kernelVersions: string[];
  links: { url: string; kind: "bug" | "list" }[];
  trailers: { name: string; value: string }[];
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  fpItems: string[];
  fnItems: string[];
}

export interface Rates {
  precision: number;
  recall: number;
  f1: number;
}

// The shortest abbreviation git prints by default; shorter hex runs are not treated as commit ids.
const MIN_SHA = 7;

/** Two hashes name the same commit when one is a prefix of the other and both are at least 7 digits. */
export function sameSha(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x.length < MIN_SHA || y.length < MIN_SHA) return false;
  return x.startsWith(y) || y.startsWith(x);
}

/** Repository classes: the toolchain projects by name, everything else (Linux and its forks) is "linux". */
export function normRepo(repo: string): string {
  const r = repo.toLowerCase();
  if (r.includes("llvm") || r.includes("clang")) return "llvm";
  if (r.includes("binutils") || r.includes("sourceware")) return "binutils";
  if (r.includes("gcc")) return "gcc";
  if (r === "rust" || r.includes("rust-lang")) return "rust";
  return "linux";
}

const TOOLCHAIN_NAMES: Record<string, string> = {
  clang: "clang",
  llvm: "clang",
  "apple clang": "clang",
  "ld.lld": "ld.lld",
  lld: "ld.lld",
  ld: "binutils",
  "ld.bfd": "binutils",
  "gnu ld": "binutils",
  binutils: "binutils",
  as: "binutils",
  gas: "binutils",
  gcc: "gcc",
  rustc: "rustc",
  rust: "rustc",
  pahole: "pahole",
};

/** clang and LLVM share release numbers, GNU ld and gas carry the binutils version. */
export function normToolchainName(name: string): string {
  const n = name.toLowerCase().trim();
  return TOOLCHAIN_NAMES[n] ?? n;
}

export function normToolchainVersion(version: string): string {
  return version.toLowerCase().trim().replace(/^v(?=\d)/, "");
}

const ARCHES: [RegExp, string][] = [
  [/^(x86|x86_64|x86-64|amd64|i[3-6]86|um)$/, "x86"],
  [/^(arm64|aarch64)$/, "arm64"],
  [/^(arm|armv\d.*)$/, "arm"],
  [/^(powerpc|powerpc64|powerpc64le|ppc|ppc32|ppc64|ppc64le)$/, "powerpc"],
  [/^riscv(32|64)?$/, "riscv"],
  [/^s390x?$/, "s390"],
  [/^mips(el|64|64el)?$/, "mips"],
  [/^loongarch(64)?$/, "loongarch"],
  [/^parisc(64)?$/, "parisc"],
  [/^sparc(64)?$/, "sparc"],
];

export function normArch(arch: string | null | undefined): string | null {
  if (!arch) return null;
  const a = arch.toLowerCase().trim();
  for (const [re, name] of ARCHES) if (re.test(a)) return name;
  return a;
}

const TOOL_CLASSES: [RegExp, string][] = [
  [/objtool/, "objtool"],
  [/modpost/, "modpost"],
  [/^(ld|ld\.lld|lld|ld\.bfd|gnu ld|linker|link|collect2)$|linker/, "linker"],
  [/^(clang|gcc|cc|cc1|compiler|as|gas|assembler|rustc|rustdoc|rust|gccrs|llvm|clang-crash|ice)$|compiler|assembler/, "compiler"],
  [/kernel|oops|bug|warning|kasan|kmsan|kcsan|kfence|ubsan|cfi|panic|lockdep|splat/, "kernel"],
];

/** Diagnostic tools grouped so that "clang" vs "compiler" or "KASAN" vs "kernel" naming does not matter. */
export function toolClass(tool: string): string {
  const t = tool.toLowerCase().trim();
  for (const [re, cls] of TOOL_CLASSES) if (re.test(t)) return cls;
  return t;
}

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9_]+/)
    .filter((w) => w.length > 0);
}

/** A symbol without its offset (+0x1a/0x30), call parentheses or case. */
export function normSymbol(symbol: string | null | undefined): string | null {
  if (!symbol) return null;
  const s = symbol.trim().replace(/\+0x[0-9a-f]+(\/0x[0-9a-f]+)?$/i, "").replace(/\(\)$/, "").toLowerCase();
  return s || null;
}

export function normConfig(name: string): string {
  const n = name.trim().toUpperCase();
  return n.startsWith("CONFIG_") ? n : `CONFIG_${n}`;
}

/**
 * Kernel versions compared as X.Y[.Z][-rcN][-next-YYYYMMDD]: a leading "v"/"Linux", a ".0" patch level,
 * a local suffix ("+", "-00054-gabc", "-dont-use") do not make a different version.
 */
export function normKernelVersion(version: string): string {
  const v = version.trim().toLowerCase().replace(/^(linux[- ])?v?/, "");
  const next = /^next-(\d{8})/.exec(v);
  if (next) return `next-${next[1]}`;
  const m = /^(\d+\.\d+)(?:\.(\d+))?(-rc\d+)?(?:-next-(\d{8}))?/.exec(v);
  if (!m) return v;
  const patch = m[2] && m[2] !== "0" ? `.${m[2]}` : "";
  return `${m[1]}${patch}${m[3] ?? ""}${m[4] ? `-next-${m[4]}` : ""}`;
}

/**
 * One form per archive message or tracker entry: lore/lkml URLs become "lore:<message-id>" whatever the
 * list segment or /T/#u tail; fragments, "www." and trailing slashes go.
 */
export function normUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim().toLowerCase();
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, "");
  const segs = u.pathname.split("/").filter((s) => s.length > 0);
  if (host === "lore.kernel.org" || host === "lkml.kernel.org") {
    // Message-IDs often arrive percent-encoded (%40 for "@", %2B for "+")
    const mid = segs.map(safeDecode).find((s) => s.includes("@"));
    if (mid) return `lore:${mid}`;
  }
  const gh = /^\/([^/]+)\/([^/]+)\/(issues|pull)\/(\d+)/.exec(u.pathname);
  if (host === "github.com" && gh) return `github.com/${gh[1]}/${gh[2]}/${gh[3]}/${gh[4]}`.toLowerCase();
  const id = u.searchParams.get("id") ?? u.searchParams.get("extid");
  if (u.pathname.endsWith("show_bug.cgi") && id) return `${host}/show_bug.cgi?id=${id}`;
  if (host === "syzkaller.appspot.com" && id) return `${host}/bug?extid=${id}`;
  return `${host}${u.pathname.replace(/\/+$/, "")}${u.search}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Bug trackers and list archives are scored; other links (godbolt, docs, commit pages) are not. */
export function linkClass(kind: string): "bug" | "list" | null {
  const k = kind.toLowerCase();
  if (/bug|issue|pull|tracker|syzbot|syzkaller/.test(k)) return "bug";
  if (/lore|lkml|list|archive|patchwork|marc|group|msgid|inbox|mail/.test(k)) return "list";
  return null;
}

export function normTrailerValue(value: string): string {
  return value
    .replace(/\s+(#|\[\d+\]).*$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

// ---- per-kind normal forms ----

interface CommitKey {
  sha: string;
  repo: string;
  role: string;
}

/**
 * Collapses one message's commit references: duplicates go, a "mention" of a commit that also has a
 * specific role goes, and "bisect-bad" of the commit that is also "bisected-to" goes (the culprit is bad).
 */
export function collapseCommits(items: { sha: string; repo: string; role: string }[]): CommitKey[] {
  const keys: CommitKey[] = [];
  for (const c of items) {
    const k = { sha: c.sha.toLowerCase(), repo: normRepo(c.repo), role: c.role.toLowerCase() };
    const dup = keys.find((x) => x.role === k.role && x.repo === k.repo && sameSha(x.sha, k.sha));
    if (dup) {
      if (k.sha.length > dup.sha.length) dup.sha = k.sha;
    } else keys.push(k);
  }
  const sameCommit = (a: CommitKey, b: CommitKey) => a.repo === b.repo && sameSha(a.sha, b.sha);
  return keys.filter((k) => {
    if (k.role === "mention") return !keys.some((o) => o !== k && o.role !== "mention" && sameCommit(o, k));
    if (k.role === "bisect-bad") return !keys.some((o) => o.role === "bisected-to" && sameCommit(o, k));
    return true;
  });
}

/** Drops a version that only abbreviates another of the same tool ("clang 20" beside "clang 20.0.0git"). */
export function collapseToolchains(items: { name: string; version: string }[]): { name: string; version: string }[] {
  const keys: { name: string; version: string }[] = [];
  for (const t of items) {
    const k = { name: normToolchainName(t.name), version: normToolchainVersion(t.version) };
    if (!keys.some((x) => x.name === k.name && x.version === k.version)) keys.push(k);
  }
  return keys.filter(
    (k) => !keys.some((o) => o !== k && o.name === k.name && o.version.length > k.version.length && o.version.startsWith(k.version) && !/\d/.test(o.version[k.version.length])),
  );
}

// ---- matching ----

/** Size of a maximum one-to-one matching (Kuhn's augmenting paths; a message has tens of items at most). */
export function maxMatching(expected: number, predicted: number, fits: (e: number, p: number) => boolean): { pairs: [number, number][] } {
  const owner = new Array<number>(predicted).fill(-1);
  const tryAssign = (e: number, seen: boolean[]): boolean => {
    for (let p = 0; p < predicted; p++) {
      if (seen[p] || !fits(e, p)) continue;
      seen[p] = true;
      if (owner[p] === -1 || tryAssign(owner[p], seen)) {
        owner[p] = e;
        return true;
      }
    }
    return false;
  };
  for (let e = 0; e < expected; e++) tryAssign(e, new Array<boolean>(predicted).fill(false));
  const pairs: [number, number][] = [];
  owner.forEach((e, p) => {
    if (e !== -1) pairs.push([e, p]);
  });
  return { pairs };
}

function tally<E, P>(expected: E[], predicted: P[], fits: (e: E, p: P) => boolean, showE: (e: E) => string, showP: (p: P) => string): Tally {
  const { pairs } = maxMatching(expected.length, predicted.length, (e, p) => fits(expected[e], predicted[p]));
  const usedE = new Set(pairs.map(([e]) => e));
  const usedP = new Set(pairs.map(([, p]) => p));
  return {
    tp: pairs.length,
    fp: predicted.length - pairs.length,
    fn: expected.length - pairs.length,
    fpItems: predicted.filter((_, i) => !usedP.has(i)).map(showP),
    fnItems: expected.filter((_, i) => !usedE.has(i)).map(showE),
  };
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

type PredictedDiagnostic = { cls: string; symbol: string | null; haystack: Set<string>; show: string };

/** Scores one message: for each extractor, matched (tp), extra (fp) and missed (fn) entities. */
export function scoreMessage(label: Label, got: Entities): Record<Extractor, Tally> {
  const showCommit = (c: CommitKey) => `${c.sha.slice(0, 12)} ${c.role} ${c.repo}`;
  const commits = tally(
    collapseCommits(label.commits),
    collapseCommits(got.commits ?? []),
    (e, p) => e.role === p.role && e.repo === p.repo && sameSha(e.sha, p.sha),
    showCommit,
    showCommit,
  );

  const showTc = (t: { name: string; version: string }) => `${t.name} ${t.version}`;
  const toolchains = tally(
    collapseToolchains(label.toolchains),
    collapseToolchains(got.toolchains ?? []),
    (e, p) => e.name === p.name && e.version === p.version,
    showTc,
    showTc,
  );

  const predSnippets = uniqueBy(
    (got.snippets ?? []).map((s) => ({ kind: s.kind.toLowerCase(), arch: normArch(s.arch) })),
    (s) => `${s.kind} ${s.arch}`,
  );
  const snippets = tally(
    label.snippets.map((s) => ({ kinds: (Array.isArray(s.kind) ? s.kind : [s.kind]).map((k) => k.toLowerCase()), arch: normArch(s.arch) })),
    predSnippets,
    (e, p) => e.kinds.includes(p.kind) && (e.arch === null || e.arch === p.arch),
    (e) => `${e.kinds.join("|")} ${e.arch ?? "(any arch)"}`,
    (p) => `${p.kind} ${p.arch ?? "(no arch)"}`,
  );

  const predDiags: PredictedDiagnostic[] = uniqueBy(
    (got.diagnostics ?? []).map((d) => {
      const cls = toolClass(d.tool || d.kind || "");
      const symbol = normSymbol(d.symbol);
      return {
        cls,
        symbol,
        key: `${cls} ${symbol} ${(d.signature || d.title || d.text || "").toLowerCase().replace(/\s+/g, " ")}`,
        haystack: new Set(words(`${d.signature} ${d.title} ${d.text} ${d.symbol ?? ""}`)),
        show: `${cls}${symbol ? ` ${symbol}` : ""}: ${d.title || d.signature}`,
      };
    }),
    (d) => d.key,
  );
  const diagnostics = tally(
    label.diagnostics.map((d) => ({ cls: toolClass(d.tool), symbol: normSymbol(d.symbol), need: words(d.essence), show: `${d.tool}${d.symbol ? ` ${d.symbol}` : ""}: ${d.essence}` })),
    predDiags,
    (e, p) => e.cls === p.cls && (e.symbol === null || e.symbol === p.symbol) && e.need.every((w) => p.haystack.has(w)),
    (e) => e.show,
    (p) => p.show,
  );

  const same = (a: string, b: string) => a === b;
  const configs = tally(
    uniqueBy(label.configs.map(normConfig), (c) => c),
    uniqueBy((got.configs ?? []).map((c) => normConfig(c.name)), (c) => c),
    same,
    (c) => c,
    (c) => c,
  );

  const kernelVersions = tally(
    uniqueBy(label.kernelVersions.map(normKernelVersion), (v) => v),
    uniqueBy((got.kernelVersions ?? []).map(normKernelVersion), (v) => v),
    same,
    (v) => v,
    (v) => v,
  );

  const predLinks = uniqueBy(
    (got.links ?? []).flatMap((l) => {
      const cls = linkClass(l.kind);
      return cls ? [{ url: normUrl(l.normUrl || l.url), cls, show: `${l.kind} ${l.url}` }] : [];
    }),
    (l) => `${l.cls} ${l.url}`,
  );
  const links = tally(
    uniqueBy(label.links.map((l) => ({ url: normUrl(l.url), cls: l.kind, show: `${l.kind} ${l.url}` })), (l) => `${l.cls} ${l.url}`),
    predLinks,
    (e, p) => e.url === p.url && e.cls === p.cls,
    (e) => e.show,
    (p) => p.show,
  );

  const trailerKey = (t: { name: string; value: string }) => `${t.name.trim().toLowerCase()}: ${normTrailerValue(t.value)}`;
  const trailers = tally(
    uniqueBy(label.trailers.map(trailerKey), (t) => t),
    uniqueBy((got.trailers ?? []).map(trailerKey), (t) => t),
    same,
    (t) => t,
    (t) => t,
  );

  return { commits, toolchains, snippets, diagnostics, configs, kernelVersions, links, trailers };
}

export function emptyTally(): Tally {
  return { tp: 0, fp: 0, fn: 0, fpItems: [], fnItems: [] };
}

export function addTally(into: Tally, t: Tally, prefix: string): void {
  into.tp += t.tp;
  into.fp += t.fp;
  into.fn += t.fn;
  into.fpItems.push(...t.fpItems.map((i) => `${prefix}: ${i}`));
  into.fnItems.push(...t.fnItems.map((i) => `${prefix}: ${i}`));
}

/** Precision is 1 when nothing was predicted, recall is 1 when nothing was expected. */
export function rates(t: Pick<Tally, "tp" | "fp" | "fn">): Rates {
  const precision = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** The bar each extractor must clear: commits and toolchain versions are what search and linking lean on. */
export const THRESHOLDS: Record<Extractor, { precision: number; recall: number }> = {
  commits: { precision: 0.95, recall: 0.9 },
  toolchains: { precision: 0.95, recall: 0.9 },
  snippets: { precision: 0.9, recall: 0.9 },
  diagnostics: { precision: 0.9, recall: 0.9 },
  configs: { precision: 0.9, recall: 0.9 },
  kernelVersions: { precision: 0.9, recall: 0.9 },
  links: { precision: 0.9, recall: 0.9 },
  trailers: { precision: 0.9, recall: 0.9 },
};

export function passes(extractor: Extractor, r: Rates): boolean {
  const t = THRESHOLDS[extractor];
  return r.precision >= t.precision && r.recall >= t.recall;
}
