// Tool diagnostics and kernel reports in a message's own text, each with a signature that is the same
// wherever the problem is reported: paths, line numbers, offsets and addresses are left out of it.
import type { DiagnosticRef } from "./types";
import type { ExtractContext } from "./context";
import { OOPS_TITLE } from "../../lib/mail/segment";

// Robot output marks new lines with ">>", some writers set pasted logs off with "| "; timestamps prefix kernel logs.
const LINE_PREFIX = /^(?:>>? ?|\| {1,4})?(?:\[\s{0,12}\d{1,8}\.\d{1,9}\]\s?(?:\[\s{0,6}[CT]\d{1,6}\]\s?)?)?\s{0,12}/;

// "objtool [builtin-check.c:220]: copy_file: sendfile failed": objtool's own failure, at a place in its source
const OBJTOOL = /^([\w./+-]{1,300}\.o): (warning|error): objtool( \[[\w.:-]{1,60}\])?:(?: (.{1,500}))?$/;
// objtool's own forms: "func()+0x12: message" / ".text+0x12: message", and "func() falls through to next function g()"
const OBJTOOL_AT = /^([^\s:]{1,300}): (.{1,500})$/;
const OBJTOOL_FUNC = /^([\w.$]{1,200}\(\)) (.{1,500})$/;
const MODPOST = /^(WARNING|ERROR|FATAL): modpost: (.{1,500})$/;
const COMPILER =
  /^([\w./+-]{1,300}|\{standard input\}|<stdin>|<source>|<built-in>):(\d{1,7})(?::(\d{1,5}))?: ?(warning|error|fatal error|internal compiler error|Error|Warning|Fatal error):(?: (.{1,800}?)(?: \[(-W[\w=+-]{1,80}(?:,-W[\w=+-]{1,80})?|-Werror[\w=,+-]{0,80})\])?)?$/;
const LINKER =
  /^((?:[\w.+-]{0,60}-)?(?:ld(?:\.lld|\.bfd|\.gold)?|ld64\.lld|lld-link|lld)(?:-\d{1,3})?|[\w./+-]{1,300}\.o|[\w./+-]{1,300}\.(?:a|so|ko))(?:\[\d{1,6}\])?: (error|warning|fatal error): (.{1,800})$/;
// GNU ld: "/usr/bin/ld: libgcc_s.so.1: error adding symbols: file in wrong format"
const GNU_LD_FILE = /^(?:[\w./+-]{0,200}\/)?(?:[\w.+-]{0,60}-)?ld(?:\.bfd)?: [\w./+-]{1,300}: ((?:error|warning)?[^:]{0,200}: .{1,300})$/;
// GNU ld: "`.exit.text' referenced in section `.s390_return_reg' of drivers/base/dd.o: defined in discarded section `.exit.text' of …"
const GNU_LD_DISCARDED = /^[`']([\w.$]{1,200})' referenced in section [`']([\w.$]{1,200})' of [^:]{1,300}: defined in discarded section [`']([\w.$]{1,200})'/;
const GNU_LD_UNDEF = /^(?:[\w./+-]{1,300}:)?\s?(?:[\w./+-]{1,300}:\(?[\w.$+-]{0,200}\)?:\s)?undefined reference to [`'"]([\w.$@]{1,300})['"`]/;
// GNU as without a line: "{standard input}: Error: .size expression for main does not evaluate to a constant"
const GAS_NO_LINE = /^(\{standard input\}|[\w./+-]{1,300}\.[sS]): (Error|Warning): (.{1,500})$/;
const RUSTC = /^(error|warning)(\[E\d{4}\])?: (.{1,500})$/;
const CRASH_CAUSE =
  /^(?:(?:clang|clang\+\+|clang-\d{1,3}|gcc|cc1|rustc|rustdoc)(?:-\d{1,3})?: error: (unable to execute command: .{1,200}|clang frontend command failed.{0,200})|LLVM ERROR: (.{1,300})|fatal error: error in backend: (.{1,300})|.{0,200}Assertion [`'](.{1,300})[`'] failed\.?|(.{0,200}UNREACHABLE executed.{0,200})|thread '[\w-]{1,40}' panicked at (.{1,300})|error: internal compiler error: (.{1,300})|(?:[\w./+-]{1,300}:(?:\d{1,7}:(?:\d{1,5}:)?)? ?)?internal compiler error: (.{1,300}))$/;

// make's own warnings ("Makefile:12: warning: overriding recipe") are not compiler diagnostics.
const MAKEFILE = /(?:^|\/)(?:GNU)?[Mm]akefile[\w.-]{0,40}$|\.mk$|(?:^|\/)Kbuild$/;

// Summaries that repeat an earlier diagnostic rather than add one.
const SUMMARY = /^(?:ld returned \d+ exit status|aborting due to|could not compile|\d+ (?:warnings?|errors?) generated|Section mismatches detected|suppressed \d+ unresolved symbol warnings)/i;

// The Kconfig parser reports "Kconfig:12:warning: …" / ".config:9:warning: …" in the compiler's format.
const KCONFIG_FILE = /(?:^|\/)(?:Kconfig[\w.-]{0,40}|Config\.in|\.config|[\w.-]{0,60}defconfig|config-[\w.+-]{1,80})$/;
// kernel-doc (a script) reports "include/linux/i2c.h:343: warning: Function parameter …": a C source, no column
// (GCC's own column-less lines, '"X" redefined', stay).
const KERNEL_DOC_FILE = /\.(?:c|h|rst)$/;
const KERNEL_DOC_MESSAGE =
  /^(?:Function parameter|Excess (?:function|struct|enum)|Enum value|(?:Struct|Union)? ?member|No description found|missing initial short description|expecting prototype|This comment starts with|[Cc]annot understand|Incorrect use of kernel-doc|bad line|duplicate section name|no structured comments|wrong kernel-doc|contents before sections|.{0,300}not described in)/;
// A make line ("make[3]: *** […] Error 1") never continues a wrapped diagnostic.
const MAKE_LINE = /^(?:g?make(?:\[\d{1,4}\])?: |.{0,300}\*\*\* )/;

function strip(line: string): string {
  return line.replace(LINE_PREFIX, "").trimEnd(); // trimEnd, not /\s+$/: linear on a long run of spaces
}

/** Offsets, addresses and line numbers out; the words of the message stay. */
function normMessage(msg: string): string {
  return msg
    .replace(/\+0x[0-9a-f]{1,16}(?:\/0x[0-9a-f]{1,16})?/gi, "")
    .replace(/\b0x[0-9a-f]{1,16}\b/gi, "")
    .replace(/\b[0-9a-f]{16}\b/gi, "")
    .replace(/((?:[\w.+-]{1,200}\/)*[\w.+-]{1,200}\.\w{1,4}):\d{1,7}(?::\d{1,5})?/g, "$1")
    .replace(/\(\.[\w.]{1,100}\)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function symbolOf(s: string): string | null {
  const m = /^([A-Za-z_.$][\w.$]{0,200}?)(?:\(\))?(?:\+0x[0-9a-f]{1,16}(?:\/0x[0-9a-f]{1,16})?)?$/.exec(s.trim());
  if (!m) return null;
  if (m[1].startsWith(".")) return null; // section offsets (.text+0x23f4) name no function
  return m[1].replace(/\.(?:cold|constprop|isra|part|llvm)(?:\.\d{1,6})*$/g, "");
}

export function extractDiagnostics(ctx: ExtractContext): DiagnosticRef[] {
  const out = new Map<string, DiagnosticRef>();
  const add = (d: DiagnosticRef) => {
    if (!out.has(d.signature)) out.set(d.signature, d);
  };
  ctx.own.forEach(({ block }, k) => {
    if (block.type === "diff" || block.type === "quote" || block.type === "signature") return;
    if (block.type === "code" && (block.kind === "disasm" || block.kind === "asm" || block.kind === "llvm-ir")) return;
    // a line the mail client wrapped may continue in the next block (two lines: after "objtool:" and again)
    const next = ctx.own[k + 1]?.block;
    const lines = next && next.type !== "quote" && next.start === block.start + block.lines.length ? [...block.lines, ...next.lines.slice(0, 2)] : block.lines;
    // a sanitizer's title line opens a report also in a listing the segmenter did not take for an oops ("| BUG: KCSAN: …")
    if (block.type === "code" && (block.kind === "oops" || block.lines.some((l) => l.length < 1200 && l.includes("BUG: K") && SANITIZER_TITLE.test(strip(l))))) {
      const report = kernelReport(block.lines);
      if (report) add(report);
    }
    toolLines(lines, block.lines.length, block.type === "code" ? block.kind : null, add);
  });
  subjectDiagnostics(ctx.subject, out, add);
  const subjectReport = syzbotSubject(ctx.subject);
  if (subjectReport && ![...out.values()].some((d) => d.tool === "kernel")) add(subjectReport);
  const all = [...out.values()];
  // "Kernel panic - not syncing" after a report is that report's consequence, not another problem
  const reports = all.filter((d) => d.tool === "kernel" && d.kind !== "panic");
  return reports.length ? all.filter((d) => !(d.tool === "kernel" && d.kind === "panic")) : all;
}

/** The next line when it continues `line`, which a mail client wrapped: long line, next one starts in lower case. */
function continuation(raw: string, next: string | undefined): string | null {
  // wrapping leaves the rest at column 0; indented lines are source excerpts or the next log line
  if (next === undefined || raw.length < 60 || /^\s/.test(next)) return null;
  const n = strip(next);
  // the next line may start in upper case when the line breaks after a word no sentence ends with ("… with\nUACCESS enabled")
  const open = /^[a-z_(`'.]/.test(n) || (/^[A-Z]/.test(n) && /\s(?:with|to|from|in|of|for|and|the|a|an|by|at|on|is|are)$/.test(raw.trimEnd()));
  if (!open || /^[\w./+-]{1,300}:\d|: (?:warning|error|note): /.test(n) || MAKE_LINE.test(n)) return null;
  return n;
}

// a compiler's -W flag closing a message
const FLAG_END = /\[(?:-W[\w=+-]{1,80}(?:,-W[\w=+-]{1,80})?|-Werror[\w=,+-]{0,80})\]$/;

/**
 * The message of a diagnostic line that ends right after "warning:": the lines below it at column 0, the first
 * in lower case as compiler messages start, joined until the -W flag (alone on a line, too) closes it (at most
 * three lines).
 */
function wrappedMessage(lines: string[], at: number): string | null {
  const first = lines[at + 1];
  if (first === undefined || /^\s/.test(first)) return null;
  const parts = [strip(first)];
  if (!/^[a-z_(`'‘"]/.test(parts[0]) || /^[\w./+-]{1,300}:\d|: (?:warning|error|note): /.test(parts[0])) return null;
  for (let k = at + 2; k < at + 4 && !FLAG_END.test(parts[parts.length - 1]); k++) {
    const next = lines[k];
    const more = next !== undefined && /^\[-W[\w=,+-]{1,160}\]$/.test(next) ? next : continuation(lines[k - 1], next);
    if (more === null) break;
    parts.push(more);
  }
  return parts.join(" ");
}

// A word every form below has on its line: most lines of a message have none, and then no pattern need run.
const DIAGNOSTIC_WORD = /warning|error|fatal|objtool|modpost|ld(?:\.bfd)?: |referenced in section|undefined reference|Assertion|UNREACHABLE|panicked/i;

/** Tool diagnostics of lines[0..count); lines past `count` are only read as continuations. */
function toolLines(lines: string[], count: number, kind: string | null, add: (d: DiagnosticRef) => void): void {
  for (let i = 0; i < count; i++) {
    const raw = lines[i];
    if (raw.length > 1200 || !raw.includes(":") || !DIAGNOSTIC_WORD.test(raw)) continue;
    const line = strip(raw);
    let m: RegExpExecArray | null;
    if ((m = OBJTOOL.exec(line))) {
      const msg = objtoolMessage(m[4], raw, lines[i + 1], lines[i + 2]);
      if (msg === null) continue;
      const at = m[3] ? null : OBJTOOL_AT.exec(msg);
      const fn = at || m[3] ? null : OBJTOOL_FUNC.exec(msg);
      const parts = at ?? fn;
      const symbol = parts ? symbolOf(parts[1]) : null;
      const message = normMessage(parts ? parts[2] : msg);
      const title = fn && symbol ? `objtool: ${symbol}() ${message}` : `objtool: ${symbol ? `${symbol}: ` : ""}${message}`;
      add({ tool: "objtool", kind: m[2], symbol, signature: `objtool:${symbol ?? ""}:${message}`, title, text: raw.trim() });
      continue;
    }
    if ((m = MODPOST.exec(line))) {
      if (SUMMARY.test(m[2])) continue;
      const more = continuation(raw, lines[i + 1]);
      const msg = more ? `${m[2]} ${more}` : m[2];
      const mismatch = /[Ss]ection mismatch in reference(?: from the \w+ |: )([\w.$]{1,200})(?:\(\))?(?:\+0x[0-9a-f]+)?(?: \(section: [\w.$]+\))?(?: to the \w+ | -> )(?:[\w.$]{1,100}:)?([\w.$]{1,200})/.exec(msg);
      const message = mismatch ? `section mismatch ${mismatch[1]} -> ${mismatch[2]}` : normMessage(msg.replace(/^[\w./-]{1,300}\.o(?:\([^)]{0,200}\))?:\s?/, ""));
      // ERROR: modpost: "__mulsi3" [lib/zstd/zstd_decompress.ko] undefined!
      const undef = /^"([\w.$]{1,200})" \[[^\]]{1,300}\] undefined!/.exec(msg);
      add({ tool: "modpost", kind: mismatch ? "section-mismatch" : m[1].toLowerCase(), symbol: undef ? undef[1] : null, signature: `modpost:${message}`, title: `modpost: ${mismatch ? `Section mismatch in reference from ${mismatch[1]} to ${mismatch[2]}` : message}`, text: raw.trim() });
      continue;
    }
    if ((m = LINKER.exec(line)) && !/: (?:warning|error): objtool\b/.test(line)) {
      const message = m[3];
      if (SUMMARY.test(message)) continue;
      const undef = /^undefined (?:symbol|reference to):? [`'"]?([\w.$@]{1,300})/.exec(message);
      const symbol = undef ? undef[1] : null;
      const norm = normMessage(message.replace(/[`'"]/g, "'"));
      add({ tool: "linker", kind: m[2], symbol, signature: `linker:${norm}`, title: `${m[1]}: ${m[2]}: ${norm}`, text: raw.trim() });
      continue;
    }
    if ((m = GNU_LD_FILE.exec(line)) && !SUMMARY.test(m[1])) {
      const norm = normMessage(m[1]);
      add({ tool: "linker", kind: /warning/.test(m[1]) ? "warning" : "error", symbol: null, signature: `linker:${norm}`, title: `ld: ${norm}`, text: raw.trim() });
      continue;
    }
    if ((m = GNU_LD_DISCARDED.exec(line))) {
      const norm = `${m[1]} referenced in section ${m[2]}: defined in discarded section ${m[3]}`;
      add({ tool: "linker", kind: "error", symbol: null, signature: `linker:${norm}`, title: `ld: ${norm}`, text: raw.trim() });
      continue;
    }
    if ((m = GNU_LD_UNDEF.exec(line))) {
      add({ tool: "linker", kind: "error", symbol: m[1], signature: `linker:undefined symbol: ${m[1]}`, title: `undefined reference to ${m[1]}`, text: raw.trim() });
      continue;
    }
    if ((m = COMPILER.exec(line))) {
      if (MAKEFILE.test(m[1]) || KCONFIG_FILE.test(m[1])) continue;
      if (m[3] === undefined && KERNEL_DOC_FILE.test(m[1]) && KERNEL_DOC_MESSAGE.test(m[5] ?? lines[i + 1] ?? "")) continue;
      // genksyms: "<stdin>:4: warning: foo: modversion changed because of changes in enum constant E_MAX"
      if (m[5] !== undefined && /^[\w.$]{1,200}: modversion changed\b/.test(m[5])) continue;
      const severity = m[4].toLowerCase();
      // "file.c:12:3: warning:" with the message wrapped onto the next line(s) by the mail client
      const text = m[5] ?? wrappedMessage(lines, i);
      if (text === null) continue;
      const more = m[5] !== undefined && m[6] === undefined ? continuation(raw, lines[i + 1]) : null;
      const whole = more ? `${text} ${more}` : text;
      const message = normMessage(whole);
      if (SUMMARY.test(message)) continue;
      const flag = m[6] ?? null;
      const kindName = severity === "internal compiler error" ? "crash" : severity.replace("fatal ", "");
      // cppcheck prints the compiler's format with its check id last: "… deallocation: data [mismatchAllocDealloc]"
      const cppcheck = flag === null && /\[[a-z]{2,40}[A-Z][A-Za-z0-9]{1,60}\]$/.test(message);
      add({
        tool: cppcheck ? "cppcheck" : m[1] === "{standard input}" || /\.s$/i.test(m[1]) ? "assembler" : "compiler",
        kind: kindName,
        symbol: quotedName(whole),
        signature: `${cppcheck ? "cppcheck" : "compiler"}:${kindName}:${message}${flag ? ` [${flag}]` : ""}`,
        title: `${severity}: ${message}${flag ? ` [${flag}]` : ""}`,
        text: raw.trim(),
      });
      continue;
    }
    if ((m = GAS_NO_LINE.exec(line))) {
      const kindName = m[2].toLowerCase();
      const message = normMessage(m[3]);
      add({ tool: "assembler", kind: kindName, symbol: null, signature: `compiler:${kindName}:${message}`, title: `${kindName}: ${message}`, text: raw.trim() });
      continue;
    }
    if (kind === "build-log" && (m = RUSTC.exec(line)) && (m[2] || /^\s{0,12}--> /.test(lines[i + 1] ?? "") || /panicked/.test(m[3]))) {
      if (SUMMARY.test(m[3])) continue;
      const message = normMessage(m[3]);
      add({ tool: "rustc", kind: m[1], symbol: null, signature: `rustc:${m[1]}${m[2] ?? ""}:${message}`, title: `${m[1]}${m[2] ?? ""}: ${message}`, text: raw.trim() });
      continue;
    }
    if ((m = CRASH_CAUSE.exec(line))) {
      const cause = normMessage(m.slice(1).find((g) => g !== undefined) ?? line);
      add({ tool: "compiler", kind: "crash", symbol: null, signature: `compiler:crash:${cause}`, title: `compiler crash: ${cause}`, text: raw.trim() });
    }
  }
}

// Quoted words that name no symbol: C keywords and types ("in an 'if' statement", "passing 'int' to …").
const NOT_A_NAME = /^(?:if|else|for|while|do|switch|case|default|return|goto|break|continue|sizeof|typeof|__typeof__|int|char|short|long|signed|unsigned|float|double|void|bool|_Bool|const|volatile|static|extern|inline|struct|union|enum|typedef|register|auto|restrict)$/;

/** The first quoted identifier of a compiler message that names a symbol (not a keyword, type or attribute). */
function quotedName(msg: string): string | null {
  // gas: "first unrecognized character is `I'" quotes a character
  for (const m of msg.matchAll(/(?<!character is )['‘`]([A-Za-z_][\w$]{0,200})['’](?! attribute)/g)) {
    if (!NOT_A_NAME.test(m[1])) return m[1];
  }
  return null;
}

/**
 * The message of an objtool line: null for the backtrace lines objtool indents under a warning ("objtool:   foo()+0x0:
 * <=== (sym)"); a message wrapped right after "objtool:", or after a lone "func()", is taken from the next line.
 */
function objtoolMessage(msg: string | undefined, raw: string, next: string | undefined, after: string | undefined): string | null {
  if (msg === undefined) {
    if (next === undefined || /^\s/.test(next)) return null;
    const n = strip(next);
    if (!/^[\w.$]{1,200}(?:\(\))?(?:\+0x[0-9a-f]{1,16})?:? [a-z]/.test(n)) return null;
    const more = continuation(next, after);
    return more ? `${n} ${more}` : n;
  }
  if (/^\s/.test(msg)) return null;
  if (/^[\w.$]{1,300}\(\)$/.test(msg) && next !== undefined) {
    // "    rust/kernel.o: warning: objtool: _R…read_raw()\n    falls through to next function …" (indented with it)
    const n = strip(next);
    return /^falls through /.test(n) ? `${msg} ${n}` : msg;
  }
  const more = continuation(raw, next);
  return more ? `${msg} ${more}` : msg;
}

// ---- kernel reports ----

// Titles OOPS_TITLE shares with compiler crash dumps, which toolLines reports as compiler crashes.
const COMPILER_CRASH_TITLE = /^(?:PLEASE submit|Stack dump:|={10,}|UNREACHABLE|LLVM ERROR|fatal error: error in backend|Assertion|clang|\S{0,300} ?internal compiler error|==\d+==ERROR)/;

const SANITIZER_TITLE = /^BUG: (?:KASAN|KCSAN|KMSAN|KFENCE): [\w-]{1,60} (?:(?:Read|Write) )?in [\w.$]{1,200}/;
const FRAME = /^\s{0,8}(?:\[<[0-9a-f]{8,16}>\]\s{1,4})?(?:\? )?([A-Za-z_.$][\w.$]{0,200})\+0x[0-9a-f]{1,16}\/0x[0-9a-f]{1,16}/;
const RIP = /^(?:RIP: (?:[0-9a-f]{4}:)?|pc : |epc : |NIP \[[0-9a-f]{8,16}\] |PC is at |IP: \[<[0-9a-f]{8,16}>\] )\s?([A-Za-z_.$][\w.$]{0,200})\+(?:0x|\d)/;

// Lines OOPS_TITLE admits that open no kernel report: prose ("Oops: I missed that", "INFO: v2 is based on …"),
// a Sphinx kernel-doc failure ("WARNING: kernel-doc '…' processing failed") and Kconfig prompts ("… [N/y/?] (NEW)").
const NOT_A_REPORT =
  /^(?:INFO: (?!task \S{1,100} blocked|rcu\w{0,20} (?:self-)?detected|trying to register non-static key|possible |inconsistent |suspicious |NMI |hung task|.{0,200}\bstall)|Oops(?!\[#| - |: [0-9a-f]{4}\b|: .{0,200}\[#\d)|WARNING: kernel-doc\b|.{0,300}\[[NYMnym](?:\/[NYMnym?]){1,3}\](?: \(NEW\))?$)/;

/** The first report of an oops listing: its title (KASAN/KMSAN/UBSAN/KCSAN, BUG, WARNING, CFI, Oops, panic), RIP and trace. */
function kernelReport(lines: string[]): DiagnosticRef | null {
  let title: string | null = null;
  let titleLine = "";
  let rip: string | null = null;
  const frames: string[] = [];
  for (const raw of lines) {
    const line = strip(raw);
    if (!title && OOPS_TITLE.test(line) && !COMPILER_CRASH_TITLE.test(line) && !NOT_A_REPORT.test(line)) {
      const more = continuation(raw, lines[lines.indexOf(raw) + 1]);
      title = more ? `${line} ${more}` : line;
      titleLine = raw.trim();
      continue;
    }
    if (!title) continue;
    const r = RIP.exec(line);
    if (r && !rip) rip = r[1];
    const f = FRAME.exec(line);
    const fn = f ? f[1].replace(/\.(?:cold|constprop|isra|part|llvm)(?:\.\d{1,6})*$/, "") : "";
    if (f && frames.length < 16 && !/^(?:dump_stack|dump_stack_lvl|show_stack|dump_backtrace|print_address_description|print_report|kasan_report|__kasan_report|kmsan_report|__msan_warning|ubsan_epilogue|__ubsan_handle_\w+|report_bug|handle_bug|exc_invalid_op|asm_exc_invalid_op|__warn|warn_slowpath_fmt|panic|die|show_regs)$/.test(fn)) {
      frames.push(fn);
    }
  }
  if (!title) return null;
  const t = reportTitle(title);
  const symbol = t.symbol ?? rip ?? frames[0] ?? null;
  return { tool: "kernel", kind: t.kind, symbol, signature: `kernel:${t.key}${symbol && !t.key.includes(symbol) ? `:${symbol}` : ""}`, title: t.title, text: titleLine, frames };
}

function reportTitle(line: string): { kind: string; key: string; title: string; symbol: string | null } {
  let m: RegExpExecArray | null;
  // BUG: KASAN: slab-out-of-bounds in foo+0x12/0x40 lib/x.c:109
  // BUG: KCSAN: data-race in generic_permission / kernfs_refresh_inode (the two racing functions)
  if ((m = /^BUG: (KASAN|KMSAN|KCSAN|KFENCE): ([\w-]{1,60})(?: (?:Read|Write) )?(?: in ([\w.$]{1,200})(?: \/ ([\w.$]{1,200}))?)?/.exec(line))) {
    const symbol = m[3] ? symbolOf(m[3]) : null;
    const other = m[4] ? symbolOf(m[4]) : null;
    const where = symbol ? `${symbol}${other ? ` / ${other}` : ""}` : "";
    return { kind: m[1].toLowerCase(), key: `${m[1]}:${m[2]}${where ? `:${where}` : ""}`, title: `BUG: ${m[1]}: ${m[2]}${where ? ` in ${where}` : ""}`, symbol };
  }
  // UBSAN: array-index-out-of-bounds in lib/x.c:12:5 / UBSAN: Undefined behaviour in net/wireless/wext-core.c:525:14
  if ((m = /^UBSAN: (.{1,80}?) in (\S{1,300})/.exec(line))) {
    const where = m[2].replace(/:\d+(?::\d+)?$/, "");
    return { kind: "ubsan", key: `UBSAN:${m[1]}:${where}`, title: `UBSAN: ${m[1]} in ${where}`, symbol: null };
  }
  if ((m = /^CFI failure at ([\w.$]{1,200})/.exec(line))) {
    const symbol = symbolOf(m[1]);
    return { kind: "kcfi", key: `CFI failure:${symbol}`, title: `CFI failure at ${symbol}`, symbol };
  }
  if ((m = /^WARNING: CPU: \d{1,5} PID: \d{1,9} at (\S{1,300}) ([\w.$]{1,200})/.exec(line))) {
    const symbol = symbolOf(m[2]);
    const where = m[1].replace(/:\d+$/, "");
    return { kind: "warning", key: `WARNING:${where}:${symbol}`, title: `WARNING at ${where} ${symbol ?? ""}`.trim(), symbol };
  }
  if ((m = /^kernel BUG at ([^!\s]{1,300})!?/.exec(line))) {
    const where = m[1].replace(/:\d+$/, "");
    return { kind: "bug", key: `kernel BUG at ${where}`, title: `kernel BUG at ${where}`, symbol: null };
  }
  const norm = normMessage(line.replace(/\b(?:CPU|PID|pid|cpu)[:=]? ?\d+/g, "").replace(/\baddress [0-9a-fx]+/g, "address"));
  const kind = /^WARNING/.test(line) ? "warning" : /^Kernel panic/.test(line) ? "panic" : /^Oops|Unable to handle|general protection|unable to handle/.test(line) ? "oops" : "bug";
  return { kind, key: norm, title: norm, symbol: null };
}

/**
 * A tool line that is the whole subject ("Re: [kbuild:kbuild 5/19] drivers/atm/eni.o: warning: objtool: …"): the
 * subject is own text, also in a reply whose body only quotes the report. Robots cut long subjects, so one whose
 * message begins a diagnostic of the body is that diagnostic.
 */
function subjectDiagnostics(subject: string, out: Map<string, DiagnosticRef>, add: (d: DiagnosticRef) => void): void {
  const line = subject.replace(/^(?:(?:Re|RE|Fwd|FW|Aw|AW)\s?:\s?|\[[^\]]{0,100}\]\s?)*/, "");
  if (line === subject && !/^[\w./+-]{1,300}(?::\d|\.o: )/.test(line)) return;
  const found: DiagnosticRef[] = [];
  toolLines([line], 1, null, (d) => found.push(d));
  for (const d of found) {
    if (![...out.values()].some((b) => b.tool === d.tool && b.signature.startsWith(d.signature))) add({ ...d, text: subject });
  }
}

// "[syzbot] KASAN: use-after-free Read in corrupted (4)", "Re: KCSAN: data-race in f / g": the report a subject names.
function syzbotSubject(subject: string): DiagnosticRef | null {
  const m =
    /\[syzbot\]\s*(?:\[[^\]]{1,60}\]\s*)*((?:KASAN|KMSAN|KCSAN|UBSAN|BUG|WARNING|INFO|general protection fault|possible deadlock|kernel BUG)[^\n]{0,200}?)(?:\s\(\d+\))?$/.exec(subject) ??
    /^(?:(?:Re|RE|Fwd|FW):\s?)*((?:KASAN|KCSAN|KMSAN): [\w-]{1,60} (?:(?:Read|Write) )?in [\w.$]{1,200}(?: \/ [\w.$]{1,200})?)(?:\s\(\d+\))?$/.exec(subject);
  if (!m) return null;
  const title = m[1].trim();
  const s = /^(KASAN|KMSAN|KCSAN): ([\w-]{1,60})(?: (?:Read|Write))? in ([\w.$]{1,200})/.exec(title);
  if (s) return { tool: "kernel", kind: s[1].toLowerCase(), symbol: s[3], signature: `kernel:${s[1]}:${s[2]}:${s[3]}`, title, text: subject };
  return { tool: "kernel", kind: "bug", symbol: null, signature: `kernel:${normMessage(title)}`, title, text: subject };
}
