// Commit references in a message's own text, with the role the text gives them and the repository they belong to.
import type { CommitRef, CommitRole } from "./types";
import type { ExtractContext } from "./context";
import { matches } from "./matches";

// A hex run that stands alone: not part of a word, a path, a version ("g670b81a890") or a Message-ID.
const H = String.raw`(?<![\w./@%+=&;#-])([0-9a-fA-F]{7,40})(?![\w@%])`;
/**
 * Whether `text` has a run of `n` hex digits (only lower-case ones when `lower`). Every n-th character is read
 * and a run is measured only around a hex one: any n consecutive characters hold exactly one of those. About
 * five times faster than /[0-9a-fA-F]{7}/, and most messages hold no such run, so no rule need run on them.
 */
export function hasHexRun(text: string, n: number, lower = false): boolean {
  const hex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (!lower && c >= 0x41 && c <= 0x46);
  for (let i = n - 1; i < text.length; i += n) {
    if (!hex(text.charCodeAt(i))) continue;
    let start = i;
    while (start > i - n + 1 && hex(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end - start < n && end < text.length && hex(text.charCodeAt(end))) end++;
    if (end - start >= n) return true;
  }
  return false;
}

// ("subject"), possibly wrapped over lines by the mail client
const SUBJ = String.raw`(?:[ \t]*\n?[ \t]*\(\s{0,4}["“]([^\n]{1,300}?(?:\n[^\n]{1,300}?)?)["”]\s{0,4}\))?`;

interface Rule {
  re: RegExp;
  /** What the text must contain for `re` to have a chance: a cheap test run first. */
  needs: { test(text: string): boolean };
  role: CommitRole;
  /** Repository named by the pattern itself; otherwise the context decides. */
  repo?: string;
  /** Only hashes that mix digits and letters (bare mentions, where words like "deadbeef" must not count). */
  mixed?: boolean;
  /** bisect: group 1 is good/bad, group 2 the hash; table: good parent, then the commit under test; pair: two mentions. */
  form?: "bisect" | "table" | "pair" | "bare";
}

const RULES: Rule[] = [
  { re: new RegExp(String.raw`^[ \t]{0,8}Fixes:[ \t]{0,8}(?:commit[ \t]+)?${H}${SUBJ}`, "gm"), needs: /Fixes:/, role: "fixes" },
  { re: new RegExp(String.raw`\breverts?\s{1,4}(?:the\s{1,4})?(?:commit|merge)\s{1,4}${H}${SUBJ}`, "gi"), needs: /revert/i, role: "reverts" },
  { re: new RegExp(String.raw`\bcommit\s{1,4}${H}\s{1,4}upstream\b`, "gi"), needs: /upstream/i, role: "upstream" },
  { re: new RegExp(String.raw`\bupstream\s{1,4}commit:?\s{1,4}${H}`, "gi"), needs: /upstream/i, role: "upstream" },
  { re: new RegExp(String.raw`${H}\s{1,4}is the first bad commit`, "gi"), needs: /first bad/i, role: "bisected-to" },
  { re: new RegExp(String.raw`first bad commit:?\s{0,4}\[?${H}\]?${SUBJ}`, "gi"), needs: /first bad/i, role: "bisected-to" },
  { re: new RegExp(String.raw`\bbisect(?:ed|ing|s)?\b[^\n.]{0,60}?\s(?:to|at):?\s{1,6}(?:the\s{1,4})?(?:commit\s{1,4}|merge\s{1,4})?${H}${SUBJ}`, "gi"), needs: /bisect/i, role: "bisected-to" },
  { re: new RegExp(String.raw`\b(?:culprit|offending commit)(?: is| was|:)\s{1,4}(?:commit\s{1,4})?${H}${SUBJ}`, "gi"), needs: /culprit|offending/i, role: "bisected-to" },
  {
    re: new RegExp(
      String.raw`\b(?:introduced|caused|broken|regressed|triggered|exposed|uncovered)\s{1,4}(?:by|in|with|since|after)\s{1,4}(?:the\s{1,4})?(?:(?:merge\s{1,4})?commit:?\s{1,6})?${H}${SUBJ}`,
      "gi",
    ),
    needs: /introduced|caused|broken|regressed|triggered|exposed|uncovered/i,
    role: "introduced-by",
  },
  { re: new RegExp(String.raw`\bregression\s{1,4}(?:from|since|introduced by)\s{1,4}(?:commit\s{1,4})?${H}${SUBJ}`, "gi"), needs: /regression/i, role: "introduced-by" },
  { re: new RegExp(String.raw`^[ \t]{0,8}base-commit:\s{0,4}${H}`, "gm"), needs: /base-commit/, role: "base" },
  // git request-pull: "The following changes since commit X:" names the base the pull is built on
  { re: new RegExp(String.raw`^[ \t]{0,8}The following changes since commit\s{1,4}${H}`, "gm"), needs: /changes since commit/, role: "base" },
  // git bisect logs
  { re: new RegExp(String.raw`^[ \t]{0,8}git bisect (good|bad|old|new)\s{1,4}${H}`, "gm"), needs: /git bisect/, role: "bisect-good", form: "bisect" },
  { re: new RegExp(String.raw`^[ \t]{0,8}# (good|bad|old|new): \[${H}\]\s{0,4}(.{0,300})$`, "gm"), needs: /# (?:good|bad|old|new): \[/, role: "bisect-good", form: "bisect" },
  // b4's "Applied, thanks!" list: "[2/8] module: …", maybe "      (note by the maintainer)", then "      commit: <sha>":
  // where a patch landed, not a culprit
  { re: new RegExp(String.raw`^[ \t]{0,8}\[\d{1,4}/\d{1,4}\][^\n]{1,300}\n(?:[ \t]{1,12}\([^\n]{1,300}\n){0,2}[ \t]{1,12}commit:\s{1,8}${H}`, "gm"), needs: /commit:/, role: "mention" },
  // robot report headers: the commit under test is the one the report blames
  { re: new RegExp(String.raw`^[ \t]{0,8}commit:\s{1,8}${H}${SUBJ}`, "gm"), needs: /commit:/, role: "bisected-to" },
  { re: new RegExp(String.raw`^[ \t]{0,8}(?:head|HEAD commit):\s{1,8}${H}`, "gm"), needs: /head:|HEAD commit:/, role: "mention" },
  // LKP comparison tables: "|   | d077242d68 | ce4a262098 |" (good parent, then the commit under test)
  { re: /^\|\s{1,80}\|\s{1,4}([0-9a-f]{7,40})\s{1,4}\|\s{1,4}([0-9a-f]{7,40})\s{1,4}\|\s*$/gm, needs: /^\|/m, role: "bisect-good", form: "table" },
  { re: new RegExp(String.raw`^[ \t]{0,8}Merge:\s{1,4}${H}\s{1,4}${H}`, "gm"), needs: /Merge:/, role: "mention", form: "pair" },
  // robot "vim +N file" listings open each line with the blamed commit
  { re: new RegExp(String.raw`^${H}\s{1,40}[^\n]{0,200}?\s\d{4}-\d\d-\d\d\s{1,4}@?\d{1,6}\b`, "gm"), needs: /\d{4}-\d\d-\d\d/, role: "mention" },
  { re: new RegExp(String.raw`\[test failed on [^\n\]]{1,100}?\s${H}\]`, "g"), needs: /\[test failed on/, role: "mention" },
  { re: new RegExp(String.raw`\bcommits?:?\s{1,4}${H}${SUBJ}`, "gi"), needs: /commit/i, role: "mention" },
  { re: new RegExp(String.raw`${H}\s{0,4}\n?[ \t]{0,8}\(\s{0,4}["“](.{1,300}?)["”]\s{0,4}\)`, "g"), needs: /\(\s{0,4}["“]/, role: "mention", mixed: true },
  { re: /(?<![\w./@%+=&;#-])([0-9a-f]{40})(?![\w@%])/g, needs: { test: (text: string) => hasHexRun(text, 40, true) }, role: "mention", form: "bare" },
];

// git.kernel.org, GitHub, GCC and sourceware commit pages
const COMMIT_URL =
  /https?:\/\/[^\s<>"')\]]{1,300}?(?:\/commit\/?\?(?:[^\s<>"')\]#]{0,200}?&)?id=|\/c\/|\/commit\/|;a=commit;h=|\/commits?\/|\/rev\/)([0-9a-fA-F]{7,41})(?![0-9a-zA-Z])/g;

// A hash in a toolchain banner or version output is the toolchain's build, not a commit reference:
// "clang version 14.0.0 (https://github.com/llvm/llvm-project b6a2dd…)", "commit-hash: e1884a…".
const TOOLCHAIN_BANNER = /(?:clang version|llvm-project(?:\.git)?|\bLLD \d|\brustc \d|commit-hash:|\(git:\/\/|\bcompiler:)[^\n]{0,200}\n?[^\n]{0,80}$/;

const CONTEXT_REPO: [RegExp, string][] = [
  [/\b(?:llvm(?:-project)?|clang|lld)(?:'s)?\s{1,4}(?:commit|change|revision|tree|main|trunk)\b|reviews\.llvm\.org\/D\d+[\s(]*$|\bin\s{1,4}(?:llvm|clang)(?:\s{1,4}(?:main|trunk))?\s{1,4}(?:by|with|as of)?\s{0,4}(?:commit)?\s*$/i, "llvm"],
  [/\bbinutils(?:-gdb)?(?:'s)?\s{1,4}commit\b|\bsourceware\.org/i, "binutils"],
  [/\bgcc(?:'s)?\s{1,4}(?:commit|revision|change)\b/i, "gcc"],
  [/\brust(?:c)?(?:'s)?\s{1,4}commit\b/i, "rust"],
];

/** The repository a commit URL belongs to. */
export function urlRepo(url: string): string {
  const u = url.toLowerCase();
  if (/github\.com\/llvm\/|llvm\.org|llvm-project/.test(u)) return "llvm";
  if (/gcc\.gnu\.org|gcc-mirror\/gcc|\/gcc\.git/.test(u)) return "gcc";
  if (/sourceware\.org|binutils/.test(u)) return "binutils";
  if (/github\.com\/rust-lang\//.test(u)) return "rust";
  return "linux";
}

function contextRepo(before: string): string {
  for (const [re, repo] of CONTEXT_REPO) if (re.test(before)) return repo;
  return "linux";
}

function mixed(sha: string): boolean {
  return /[0-9]/.test(sha) && /[a-f]/i.test(sha);
}

function cleanSubject(s: string | undefined): string | null {
  if (!s) return null;
  return s.replace(/\s+/g, " ").trim() || null;
}

/** Commit references in the message's own text. */
export function extractCommits(ctx: ExtractContext): CommitRef[] {
  const found: CommitRef[] = [];
  const add = (sha: string, repo: string, role: CommitRole, subject: string | null) => {
    found.push({ sha: sha.toLowerCase(), repo, role, subject });
  };
  // hex in diffs ("index abc..def") and in listings (addresses, hashes) is not a reference; the rest is read
  // as one text so that a footnote URL can take the role of the sentence citing it
  const own = ctx.own.filter(
    ({ block }) => block.type !== "diff" && !(block.type === "code" && block.kind !== "bisect-log" && block.kind !== "build-log" && block.kind !== "code"),
  );
  // every form, URLs too, holds a run of 7 hex digits: most messages have none, and then no rule need run
  if (!own.some((o) => hasHexRun(o.text, 7))) return [];
  scanText(own.map((o) => o.text).join("\n\n"), add);
  return collapse(found);
}

function scanText(text: string, add: (sha: string, repo: string, role: CommitRole, subject: string | null) => void): void {
  const covered = new Set<number>(); // offsets of hashes already taken by a more specific rule
  const urls: [number, number][] = []; // [start, end) of URLs, whose hex is never a bare mention
  const take = (index: number) => {
    if (covered.has(index) || urls.some(([start, end]) => index >= start && index < end)) return false;
    covered.add(index);
    return true;
  };
  // URLs first, so that hashes inside them never count as bare mentions
  for (const m of matches(COMMIT_URL, text)) {
    const shaAt = m.index + m[0].length - m[1].length;
    urls.push([m.index, shaAt]);
    if (!take(shaAt)) continue;
    const lineStart = text.lastIndexOf("\n", m.index) + 1;
    const role = roleFromLead(text.slice(Math.max(lineStart, m.index - 120), m.index)) ?? footnoteRole(text, lineStart);
    add(m[1].slice(0, 40), urlRepo(m[0]), role ?? "mention", null);
  }
  const hasPrefixes = /\b(?:https?|git|ssh):\/\/\S+/g;
  for (const m of matches(hasPrefixes, text)) urls.push([m.index, m.index + m[0].length]);
  for (const rule of RULES) {
    if (!rule.needs.test(text)) continue;
    rule.re.lastIndex = 0;
    for (const m of matches(rule.re, text)) {
      if (rule.form === "bisect") {
        const role: CommitRole = m[1] === "good" || m[1] === "old" ? "bisect-good" : "bisect-bad";
        const shaAt = m.index + m[0].indexOf(m[2], m[0].indexOf(m[1]) + m[1].length);
        if (take(shaAt)) add(m[2], "linux", role, cleanSubject(m[3]));
        continue;
      }
      if (rule.form === "table") {
        // comparison table: the good parent and the commit under test
        if (take(m.index + m[0].indexOf(m[1]))) add(m[1], "linux", "bisect-good", null);
        if (take(m.index + m[0].lastIndexOf(m[2]))) add(m[2], "linux", "bisected-to", null);
        continue;
      }
      const shas = rule.form === "pair" ? [m[1], m[2]] : [m[1]];
      let from = 0;
      for (const sha of shas) {
        const shaAt = m.index + m[0].indexOf(sha, from);
        from = shaAt - m.index + sha.length;
        if (rule.mixed && !mixed(sha)) continue;
        if ((rule.form === "bare" || rule.role === "mention") && TOOLCHAIN_BANNER.test(text.slice(Math.max(0, shaAt - 200), shaAt))) continue;
        if (!take(shaAt)) continue;
        const repo = rule.role === "mention" ? contextRepo(text.slice(Math.max(0, shaAt - 160), shaAt)) : "linux";
        add(sha, repo, rule.role, shas.length === 1 ? cleanSubject(m[2]) : null);
      }
    }
  }
}

// "Fixes: https://…/commit/?id=…", "reverts https://…"
function roleFromLead(lead: string): CommitRole | null {
  if (/^\s*Fixes:\s*$/.test(lead)) return "fixes";
  if (/\breverts?\s+(?:commit\s+)?$/i.test(lead)) return "reverts";
  if (/\b(?:introduced|caused)\s+by\s+(?:commit\s+)?$/i.test(lead)) return "introduced-by";
  if (/\bbisected\b.{0,40}\bto\s+$/i.test(lead)) return "bisected-to";
  return null;
}

// "[1]: https://…" footnotes take the role of the sentence that cites them: "This reverts the old commit [1]".
function footnoteRole(text: string, lineStart: number): CommitRole | null {
  const note = /^\s{0,4}\[(\d{1,3})\]:?\s/.exec(text.slice(lineStart, lineStart + 12));
  if (!note) return null;
  const cite = `[${note[1]}]`;
  let at = text.indexOf(cite);
  while (at !== -1 && at < lineStart) {
    const sentenceStart = Math.max(0, at - 200);
    const lead = text.slice(sentenceStart, at);
    if (/\breverts?\s+(?:the\s+)?(?:old\s+)?commit\s*$/i.test(lead)) return "reverts";
    if (/\b(?:introduced|caused)\s+by\s+(?:commit\s*)?$/i.test(lead)) return "introduced-by";
    if (/\bFixes:\s*$/.test(lead)) return "fixes";
    at = text.indexOf(cite, at + 1);
  }
  return null;
}

/** Duplicates (one hash a prefix of the other, same repo and role) become one; the longer hash and any subject win. */
function collapse(refs: CommitRef[]): CommitRef[] {
  const out: CommitRef[] = [];
  for (const r of refs) {
    const dup = out.find((o) => o.role === r.role && o.repo === r.repo && (o.sha.startsWith(r.sha) || r.sha.startsWith(o.sha)));
    if (!dup) {
      out.push({ ...r });
      continue;
    }
    if (r.sha.length > dup.sha.length) dup.sha = r.sha;
    dup.subject ??= r.subject;
  }
  const same = (a: CommitRef, b: CommitRef) => a.repo === b.repo && (a.sha.startsWith(b.sha) || b.sha.startsWith(a.sha));
  return out.filter((r) => {
    if (r.role === "mention") return !out.some((o) => o !== r && o.role !== "mention" && same(o, r));
    if (r.role === "bisect-bad") return !out.some((o) => o.role === "bisected-to" && same(o, r));
    return true;
  });
}
