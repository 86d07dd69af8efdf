// Toolchain versions (clang/LLVM, gcc, ld.lld, GNU ld/binutils, rustc, pahole) named in a message's own text.
import type { ToolchainRef } from "./types";
import type { ExtractContext } from "./context";
import { matches } from "./matches";

const VER = String.raw`(\d{1,2}(?:\.\d{1,3}){0,2}(?:git|-rc\d{1,2}|\.\d{1,2}git)?)`;
// A version that continues into something else ("2.32.0.93.g67…", "11.1.0-++2021…") is cut at the third component.
const END = String.raw`(?![\d]|\.\d)`;

interface Rule {
  re: RegExp;
  /** A cheap test the text must pass before `re` runs. */
  needs: RegExp;
  name: string;
  /** group numbers: version, vendor, git hash */
  v: number;
  vendor?: number;
  hash?: number;
  /** plausible major versions */
  major: [number, number];
}

const HASH_TAIL = String.raw`(?:\s{0,4}\(\s{0,4}(?:\S{1,200}\s{1,4})?([0-9a-f]{7,40})\s{0,4}\)|\s{1,4}([0-9a-f]{7,40})\b)?`;

const RULES: Rule[] = [
  // "Debian clang version 14.0.6", "Android (6443078 based on r383902) clang version 11.0.1 (https://… b397f81…)"
  {
    re: new RegExp(String.raw`(?:\b(Debian|Ubuntu|Android|ClangBuiltLinux|Apple|Homebrew|Fedora|FreeBSD|Alpine|AMD|Intel|Arm|Chromium OS|Red Hat)\b[^\n]{0,60}?\s)?\bclang version ${VER}${END}[^\s(]{0,80}${HASH_TAIL}`, "g"),
    needs: /clang|llvm/i, name: "clang",
    v: 2,
    vendor: 1,
    hash: 3,
    major: [3, 40],
  },
  { re: new RegExp(String.raw`\b(?:LLVM|llvm)(?: version:? |[ \n]|-)v?${VER}${END}(?!\.\w)`, "g"), needs: /llvm/i, name: "clang", v: 1, major: [3, 40] },
  { re: new RegExp(String.raw`\b[Cc]lang(?:-| | v| version )(?:>=?\s?|as of |version\s)?${VER}${END}(?![\w-]*\.(?:c|h|o|S)\b|\/)`, "g"), needs: /clang|llvm/i, name: "clang", v: 1, major: [3, 40] },
  // "LLD 15.0.0 (compatible with GNU linkers)", "ld.lld 15", "ld.lld-15"
  { re: new RegExp(String.raw`\b(?:LLD|[Ll]ld|ld\.lld)(?:-|[ \n]| version | v)${VER}${END}`, "g"), needs: /lld/i, name: "ld.lld", v: 1, major: [3, 40] },
  // "gcc (Debian 12.2.0-14) 12.2.0", "x86_64-linux-gnu-gcc-12 (Ubuntu …) 12.3.0", "alpha-linux-gcc (GCC) 11.3.0"
  { re: new RegExp(String.raw`\bg?cc(?:-\d{1,2})?(?:\.\w{1,10})? \(([^()\n]{1,80})\) ${VER}${END}`, "gi"), needs: /gcc/i, name: "gcc", v: 2, vendor: 1, major: [3, 20] },
  { re: new RegExp(String.raw`\bgcc version ${VER}${END}(?: \d{8})?(?: \(([^()\n]{1,80})\))?`, "g"), needs: /gcc/i, name: "gcc", v: 1, vendor: 2, major: [3, 20] },
  { re: new RegExp(String.raw`\b(?:GCC|[Gg]cc)(?:-| | v)(?:>=?\s?|as of |version\s)?${VER}${END}(?![\w-]*\.(?:c|h|o|S)\b|\/)`, "g"), needs: /gcc/i, name: "gcc", v: 1, major: [3, 20] },
  // "GNU ld (GNU Binutils for Debian) 2.40", "GNU ld version 2.35.2-…", "binutils 2.35+", "ld.bfd v2.39"
  { re: new RegExp(String.raw`\bGNU (?:ld|assembler)(?: \(([^()\n]{1,80})\))?(?: version)? ${VER}${END}`, "g"), needs: /binutils|GNU |ld\.bfd|\bgas\b/i, name: "binutils", v: 2, vendor: 1, major: [2, 2] },
  { re: new RegExp(String.raw`\b(?:[Bb]inutils|BINUTILS|GNU ld|ld\.bfd|GNU as|gas)(?:-| |/| v| version )(?:<=?\s?|>=?\s?)?${VER}${END}`, "g"), needs: /binutils|GNU |ld\.bfd|\bgas\b/i, name: "binutils", v: 1, major: [2, 2] },
  // "rustc 1.57.0 (f1edd0429 2021-11-29)", "Rust 1.79"
  { re: new RegExp(String.raw`\brustc(?:-| | version )${VER}${END}(?:[^\s(]{0,40})?(?: \(([0-9a-f]{7,40}) \d{4}-\d\d-\d\d\))?`, "g"), needs: /rust/i, name: "rustc", v: 1, hash: 2, major: [1, 1] },
  { re: new RegExp(String.raw`\bRust(?: | version |c )${VER}${END}`, "g"), needs: /rust/i, name: "rustc", v: 1, major: [1, 1] },
  { re: new RegExp(String.raw`\bpahole(?: version:?| |-)(?:v|>=?\s?)?${VER}${END}`, "gi"), needs: /pahole/i, name: "pahole", v: 1, major: [1, 1] },
];

// "With GCC it requires version 7.3.0", "fails to build with clang (version 16.0.1)", "supported in binutils from
// version 2.36": a tool name, up to four plain words of the same clause, then "version X.Y". The words may not name
// another tool or the kernel ("gcc and clang version 10", "gcc on kernel version 5.4" say nothing of gcc's version).
const WORDS_THEN_VERSION = new RegExp(
  String.raw`\b(GCC|[Gg]cc|[Cc]lang|LLVM|[Bb]inutils)((?:[ \t]{1,3}\(?[A-Za-z][\w'-]{0,15}){0,4}?)[ \t]{1,3}\(?versions?[ \t]{1,3}v?${VER}${END}`,
  "g",
);
const NOT_OF_THE_TOOL = /^\(?(?:and|or|nor|but|vs|versus|kernel|linux|git|glibc|libc|python|perl|make|qemu|pahole|rustc?|clang|gcc|llvm|lld|ld|binutils|gas|as|bpftool|sphinx|distro|debian|ubuntu|fedora)$/i;
const WORDS_TOOL: Record<string, Pick<Rule, "name" | "major">> = {
  gcc: { name: "gcc", major: [3, 20] },
  clang: { name: "clang", major: [3, 40] },
  llvm: { name: "clang", major: [3, 40] },
  binutils: { name: "binutils", major: [2, 2] },
};

function wordsThenVersion(text: string, found: ToolchainRef[]): void {
  if (!/version/i.test(text)) return;
  WORDS_THEN_VERSION.lastIndex = 0;
  for (const m of matches(WORDS_THEN_VERSION, text)) {
    const tool = m[1].toLowerCase();
    const rule = WORDS_TOOL[tool];
    if (m[2].trim().split(/\s+/).some((w) => NOT_OF_THE_TOOL.test(w))) continue;
    if (!plausible(rule, m[3])) continue;
    found.push({ name: rule.name, version: m[3], vendor: null, gitHash: null, text: lineAt(text, m.index) });
  }
}

// "COMPILER=gcc-11.3.0", "compiler: clang-18" are covered by the shorthand rules; these words after a name mean
// the name is not a toolchain release ("clang-format 15", "gcc plugins").
const NOT_A_RELEASE = /^(?:-format|-tidy|-analyzer|-plugin|-built-linux|-cl)/;

function plausible(rule: Pick<Rule, "major">, version: string): boolean {
  const major = Number(version.split(/[.-]/)[0]);
  if (!(major >= rule.major[0] && major <= rule.major[1])) return false;
  // binutils versions are 2.NN; rustc 1.NN; pahole 1.NN
  if (rule.major[0] === rule.major[1]) return /^\d+\.\d+/.test(version);
  return true;
}

function vendorOf(raw: string | undefined, name: string): string | null {
  if (!raw) return null;
  const v = raw.trim();
  if (name === "gcc" && /^GCC$/i.test(v)) return null;
  const known = /\b(Debian|Ubuntu|Android|ClangBuiltLinux|Apple|Homebrew|Fedora|Red Hat|SUSE|Alpine|Arch Linux|Gentoo|GNU Toolchain|Linaro|Buildroot|crosstool-NG|Chromium OS|FreeBSD|AMD|Intel|Arm)\b/i.exec(v);
  return known ? known[1] : v.length <= 40 ? v : null;
}

/** Toolchain versions named in the message's own text (subject included). */
// A tool's name anywhere in a text: the cheap test before any rule runs.
// Every rule's `needs` and WORDS_THEN_VERSION's names are in it (a bare "ld" or "gnu" is in none: "%ld", "gnu11").
const TOOL_WORD = /clang|llvm|lld|gcc|binutils|gnu |ld\.bfd|\bgas\b|rust|pahole/i;
const TOOL_WORDS = new RegExp(TOOL_WORD.source, "gi");

export function extractToolchains(ctx: ExtractContext): ToolchainRef[] {
  const found: ToolchainRef[] = [];
  const texts = [
    ctx.subject,
    ...ctx.own
      .filter((o) => !(o.block.type === "code" && (o.block.kind === "disasm" || o.block.kind === "asm" || o.block.kind === "llvm-ir")))
      .map((o) => (o.block.type === "diff" ? versionedToolLines(o.text) : o.text)),
  ];
  for (const text of texts) {
    if (!TOOL_WORD.test(text)) continue;
    for (const rule of RULES) {
      if (!rule.needs.test(text)) continue;
      rule.re.lastIndex = 0;
      for (const m of matches(rule.re, text)) {
        const version = m[rule.v];
        if (!version || !plausible(rule, version)) continue;
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
        if (NOT_A_RELEASE.test(after)) continue;
        const hash = rule.hash ? (m[rule.hash] ?? m[rule.hash + 1] ?? null) : null;
        found.push({
          name: rule.name,
          version,
          vendor: rule.vendor ? vendorOf(m[rule.vendor], rule.name) : null,
          gitHash: hash,
          text: lineAt(text, m.index),
        });
      }
    }
    wordsThenVersion(text, found);
  }
  return collapse(found);
}

/**
 * The lines of a diff that name a tool and hold a digit ("for binutils 2.14 compatibility" in a linker script).
 * A patch to Makefiles names gcc and ld on hundreds of lines; running every rule over all of them was a third of
 * this extractor's time, and a version in a diff is never spread over several lines the way --version output is.
 * Two diffs in three name no tool at all: one test of the whole text settles those.
 */
function versionedToolLines(diff: string): string {
  if (!TOOL_WORD.test(diff)) return "";
  const lines: string[] = [];
  let after = 0; // the end of the last line taken
  for (const m of matches(TOOL_WORDS, diff)) {
    if (m.index < after) continue;
    const start = diff.lastIndexOf("\n", m.index) + 1;
    const newline = diff.indexOf("\n", m.index);
    const end = newline === -1 ? diff.length : newline;
    const line = diff.slice(start, end);
    if (/\d/.test(line)) lines.push(line);
    after = end;
  }
  return lines.join("\n");
}

function lineAt(text: string, at: number): string {
  const s = text.lastIndexOf("\n", at) + 1;
  const e = text.indexOf("\n", at);
  return text.slice(s, e === -1 ? text.length : e).trim();
}

/**
 * One entity per name and version; a version that only abbreviates another of the same tool ("clang 20"
 * beside "20.0.0git") joins it, and the richer mention (vendor, hash) is kept.
 */
function collapse(refs: ToolchainRef[]): ToolchainRef[] {
  const out: ToolchainRef[] = [];
  for (const r of refs) {
    const dup = out.find((o) => o.name === r.name && o.version === r.version);
    if (dup) {
      dup.vendor ??= r.vendor;
      dup.gitHash ??= r.gitHash;
      continue;
    }
    out.push({ ...r });
  }
  const abbreviates = (short: ToolchainRef, long: ToolchainRef) =>
    short !== long && short.name === long.name && long.version.length > short.version.length && long.version.startsWith(short.version) && !/\d/.test(long.version[short.version.length]);
  return out.filter((r) => !out.some((o) => abbreviates(r, o)));
}
