// Code listings of a message's own text (patches, assembly, disassembly, IR, logs, reports) as snippets.
import type { SnippetRef } from "./types";
import type { ExtractContext } from "./context";
import { matches } from "./matches";

// What compiler -S output has and hand-written assembly rarely does.
const COMPILER_ASM = /^\s*(?:\.cfi_\w+|\.file\s+\d*\s*"|\.loc\s+\d|#\s?%bb\.\d|\.LFB\d+:|\.LFE\d+:|\.Lfunc_end\d+:|\.section\s+\.note\.GNU-stack|\.ident\s+")/m;

const ARCH_NAMES =
  "x86_64|x86|i386|i686|um|arm64|aarch64|arm|riscv64|riscv32|riscv|s390x|s390|powerpc64le|powerpc64|powerpc|ppc64le|ppc64|ppc|mips64el|mips64|mipsel|mips|loongarch64|loongarch|parisc64|parisc|hppa|arc|m68k|sparc64|sparc|sh|xtensa|csky|hexagon|microblaze|nios2|openrisc|alpha|ia64";

// Kernel arch names (the arch/ directory) for the spellings configs, triples and ARCH= use.
const KERNEL_ARCH: [RegExp, string][] = [
  [/^(?:x86_64|x86|i[36]86|um)$/, "x86"],
  [/^(?:arm64|aarch64)$/, "arm64"],
  [/^riscv/, "riscv"],
  [/^s390/, "s390"],
  [/^(?:powerpc|ppc)/, "powerpc"],
  [/^mips/, "mips"],
  [/^loongarch/, "loongarch"],
  [/^(?:parisc|hppa)/, "parisc"],
  [/^sparc/, "sparc"],
];

export function kernelArch(name: string): string {
  const n = name.toLowerCase();
  for (const [re, arch] of KERNEL_ARCH) if (re.test(n)) return arch;
  return n;
}

const ROBOT_CONFIG = new RegExp(String.raw`^config: (${ARCH_NAMES})-`, "m");
const MAKE_ARCH = new RegExp(String.raw`\bARCH=(${ARCH_NAMES})\b`);
const CROSS_PREFIX = new RegExp(String.raw`\b(${ARCH_NAMES})(?:-[a-z0-9_]{1,20}){0,3}-(?:gcc|ld|as|objdump|readelf|nm)\b|^Target: (${ARCH_NAMES})-`, "m");
// "parisc:allmodconfig", "powerpc allyesconfig", "mips defconfig"
const ARCH_CONFIG = new RegExp(String.raw`\b(${ARCH_NAMES})(?::|\s{1,4})(?:\w{0,30}config|all\w{0,10})\b`);
const ARCH_PATH = new RegExp(String.raw`\barch/(${ARCH_NAMES})/`, "g");

// Architecture names in prose ("the default RISC-V one"), used when nothing better says.
const ARCH_WORD = /\b(x86_64|x86|i386|arm64|aarch64|RISC-V|riscv(?:64)?|s390x?|powerpc(?:64)?(?:le)?|ppc64(?:le)?|mips(?:el|64)?|loongarch(?:64)?|parisc|m68k|sparc(?:64)?|hexagon|xtensa)\b/gi;

function namedArch(prose: string): string | null {
  const arches = new Set([...matches(ARCH_WORD, prose)].map((m) => kernelArch(m[1].replace(/^risc-v$/i, "riscv"))));
  return arches.size === 1 ? [...arches][0] : null;
}

/** The architecture a build log or report belongs to, from the listing itself or else from the message. */
function contextArch(listing: string, ctx: ExtractContext): string | null {
  const fromPaths = (text: string) => {
    const arches = new Set([...matches(ARCH_PATH, text)].map((m) => kernelArch(m[1])));
    return arches.size === 1 ? [...arches][0] : null;
  };
  const inListing = MAKE_ARCH.exec(listing) ?? CROSS_PREFIX.exec(listing);
  if (inListing) return kernelArch(inListing[1] ?? inListing[2]);
  const own = fromPaths(listing);
  if (own) return own;
  const message = ROBOT_CONFIG.exec(ctx.all) ?? MAKE_ARCH.exec(ctx.all) ?? CROSS_PREFIX.exec(ctx.all) ?? ARCH_CONFIG.exec(ctx.all);
  if (message) return kernelArch(message[1] ?? message[2]);
  return fromPaths(ctx.all) ?? namedArch(ctx.prose);
}

// Syscall entry frames name the machine even when a report has no registers or <TASK> markers (a KMSAN
// report cut after its trace): "__x64_sys_clock_nanosleep+0x4e2/0x650", "entry_SYSCALL_64_after_hwframe".
const ENTRY_FRAMES: [RegExp, string][] = [
  [/^\s{0,12}(?:\? )?(?:__x64_sys_\w{1,80}|__ia32_sys_\w{1,80}|x64_sys_call|do_syscall_64|entry_SYSCALL_64\w{0,30}|entry_INT80_compat|do_fast_syscall_32|asm_exc_\w{1,60}|asm_sysvec_\w{1,60})\b/m, "x86"],
  [/^\s{0,12}(?:\? )?(?:__arm64_sys_\w{1,80}|el0_svc\w{0,30}|el0t_64_sync\w{0,30}|el1h_64_sync\w{0,30})\b/m, "arm64"],
  [/^\s{0,12}(?:\? )?__s390x?_sys_\w{1,80}\b/m, "s390"],
  [/^\s{0,12}(?:\? )?__riscv_sys_\w{1,80}\b/m, "riscv"],
];

function frameArch(listing: string): string | null {
  const arches = new Set(ENTRY_FRAMES.filter(([re]) => re.test(listing)).map(([, arch]) => arch));
  return arches.size === 1 ? [...arches][0] : null;
}

// A listing that is a unified diff (a fenced or indented patch, its .S files included) is a patch.
const DIFF_START = /^\s{0,4}(?:diff --git a\/\S{1,300} b\/|diff -\w{1,10} \S|Index: \S|--- a\/\S{1,300}\n\s{0,4}\+\+\+ b\/)/;
const DIFF_FILE = /^\s{0,4}(?:diff --git a\/\S{1,300} b\/(\S{1,300})|\+\+\+ b\/(\S{1,300}))/gm;

function diffFiles(text: string): string[] {
  const files = new Set<string>();
  for (const m of matches(DIFF_FILE, text)) files.add(m[1] ?? m[2]);
  return [...files];
}

// The tail of a diffstat ("create mode 100644 arch/x86/include/asm/ubsan.h", "rename …", " 3 files changed")
// is no listing, whatever the paths in it look like.
const DIFFSTAT_LINE = /^\s{0,4}(?:(?:create|delete) mode \d{6} \S|mode change \d{6} => \d{6} \S|rename \S.{0,300}\(\d{1,3}%\)$|copy \S.{0,300}\(\d{1,3}%\)$|\d{1,6} files? changed\b|\S{1,300}\s{1,60}\|\s{1,8}(?:\d{1,6} ?[+-]{0,200}|Bin\b))/;

// BPF verifier state ("R3_w=inv100 fp-64_w=inv1086626730498") is a log of register values, not assembly.
const VERIFIER_STATE = /(?:^|\s)(?:R\d{1,2}(?:_[rw]{1,2})?|fp-\d{1,4}(?:_[rw]{1,2})?)=[\w(-]/;

function listingKind(kind: string, lines: string[]): string | null {
  const text = lines.join("\n");
  if (DIFF_START.test(text.slice(0, 1000))) return "patch";
  if (kind === "code") return null;
  const rows = lines.filter((l) => l.trim() !== "");
  if (rows.length && rows.every((l) => DIFFSTAT_LINE.test(l))) return null;
  if (kind === "asm" && rows.filter((l) => VERIFIER_STATE.test(l)).length * 3 >= rows.length) return null;
  return kind;
}

/** One snippet per listing or diff in the message's own text. */
export function extractSnippets(ctx: ExtractContext): SnippetRef[] {
  const out: SnippetRef[] = [];
  for (const { block, text } of ctx.own) {
    if (block.type === "diff") {
      out.push({ kind: "patch", arch: null, text, startLine: block.start, lineCount: block.lines.length, files: block.files });
    } else if (block.type === "code") {
      const listed = listingKind(block.kind, block.lines);
      if (listed === null) continue;
      if (listed === "patch") {
        out.push({ kind: "patch", arch: null, text, startLine: block.start, lineCount: block.lines.length, files: diffFiles(text) });
        continue;
      }
      const kind = listed === "asm" && COMPILER_ASM.test(text) ? "compiler-asm" : listed;
      const arch = block.arch ?? (kind === "build-log" || kind === "oops" ? (frameArch(text) ?? contextArch(text, ctx)) : null);
      out.push({ kind, arch, text, startLine: block.start, lineCount: block.lines.length });
    }
  }
  // One message's assembly listings are one compiler's output when any of them shows it.
  if (out.some((s) => s.kind === "compiler-asm")) for (const s of out) if (s.kind === "asm") s.kind = "compiler-asm";
  // Listings of one message are of one machine: those that do not say take the arch the others agree on.
  const arches = new Set(out.map((s) => s.arch).filter((a) => a !== null));
  if (arches.size === 1) {
    const [arch] = arches;
    for (const s of out) if (s.arch === null && s.kind !== "patch" && s.kind !== "bisect-log") s.arch = arch;
  }
  return out;
}
