// Linux kernel versions in a message's own text and subject: releases, -rc, linux-next tags, stable branches, uname strings.
import type { ExtractContext } from "./context";
import { matches } from "./matches";

const KV = String.raw`(\d\.\d{1,2}(?:\.\d{1,3})?(?:-rc\d{1,2})?)`;
// a version is not followed by more dotted numbers (IP addresses, "2.32.0.93")
const KV_END = String.raw`(?![\d]|\.\d|\.[a-z]\w)`;
const LOCAL = String.raw`((?:-rc\d{1,2})?(?:-next-\d{8})?[\w.+~-]{0,60})`;

// "linux-6.12" (guarded by PATH_OR_REPO_TAIL)
const LINUX_DASH = new RegExp(String.raw`(?<![\w/.-])linux-v?${KV}${KV_END}`, "g");
// What follows "linux-X.Y" in the same word when it names a directory ("/usr/src/linux-6.4.10/arch/…",
// "linux-2.6/build"), a repository ("linux-2.6-tip.git") or a branch ("linux-5.2.y-rt-rebase"), not a release.
const PATH_OR_REPO_TAIL = /^[\w.+]{0,40}(?:\/|\.git\b|-(?!rc\d)[A-Za-z])/;

const RULES: RegExp[] = [
  // "Linux version 6.1.0-rc4-next-20221111 (…)", "CPU: 0 PID: 1 Comm: swapper Not tainted 5.16.0-rc1+ #1"
  new RegExp(String.raw`\bLinux version (\d\.\d{1,2}(?:\.\d{1,3})?)${LOCAL}`, "g"),
  new RegExp(String.raw`\b(?:Not tainted|Tainted: [A-Z ]{1,40})\s{1,4}(\d\.\d{1,2}(?:\.\d{1,3})?)${LOCAL}\s{1,4}#`, "g"),
  // "v6.16-rc7", "(v5.12)", at a word start: tag names such as clang-lto-v5.12-rc1 are not versions
  new RegExp(String.raw`(?<![\w./-])v${KV}${KV_END}`, "g"),
  // "6.16.0-rc7-next-20250723", "5.14-rc2", "6.11-rc4"
  new RegExp(String.raw`(?<![\w./-])(\d\.\d{1,2}(?:\.\d{1,3})?-rc\d{1,2}(?:-next-\d{8})?)(?![\w])`, "g"),
  new RegExp(String.raw`(?<![\w./-])(next-\d{8})\b`, "g"),
  // "Linux 5.10", "kernel 5.19", "5.15.y"
  new RegExp(String.raw`\b(?:Linux|kernel|Kernel|mainline|stable)[ -]v?${KV}${KV_END}`, "g"),
  // "linux-6.12", but not a directory ("/usr/src/linux-6.4.10/arch/…", "linux-2.6/build") or a repository or
  // branch name ("…/tip/linux-2.6-tip.git", "linux-5.3-le-amlogic")
  LINUX_DASH,
  new RegExp(String.raw`(?<![\w./-])(\d\.\d{1,2}\.y)\b`, "g"),
];

// "[PATCH AUTOSEL 5.6 12/30]", "[PATCH 5.10 012/123]", "[PATCH 6.1.y]"
const SUBJECT_STABLE = /\[PATCH (?:AUTOSEL |stable )?v?(\d\.\d{1,2}(?:\.\d{1,3})?)(?:\.y)?(?:[ \]])/i;

// Major/minor pairs that Linux has had (2.6 and 3.0–7.x); keeps binutils "2.36", rustc "1.62" and gcc "4.9.4" mostly out.
function plausible(v: string): boolean {
  const m = /^(\d)\.(\d{1,2})/.exec(v);
  if (!m) return true;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major === 2) return minor === 6;
  if (major === 3) return minor <= 19;
  if (major === 4) return minor <= 20;
  if (major === 5 || major === 6) return minor <= 19;
  return major === 7 && minor <= 9;
}

/** Versions as written, without a leading "v"; uname strings keep their -rc/-next parts and drop the local suffix. */
export function extractKernelVersions(ctx: ExtractContext): string[] {
  const out = new Set<string>();
  const add = (v: string) => {
    if (v.startsWith("next-") || plausible(v)) out.add(v);
  };
  const s = SUBJECT_STABLE.exec(ctx.subject);
  if (s) add(s[1]);
  for (const text of [ctx.subject, ...ctx.own.filter((o) => o.block.type !== "diff").map((o) => o.text)]) {
    if (!/\d\.\d|next-\d/.test(text)) continue;
    for (const [i, re] of RULES.entries()) {
      for (const m of matches(re, text)) {
        if (re === LINUX_DASH && PATH_OR_REPO_TAIL.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60))) continue;
        if (i < 2) {
          const local = /^(-rc\d{1,2})?(-next-\d{8})?/.exec(m[2])!;
          add(`${m[1]}${local[1] ?? ""}${local[2] ?? ""}`);
        } else add(m[1]);
      }
    }
  }
  return [...out];
}
