// Splits a mail body into blocks (paragraphs, quotes, diffs, code listings, trailers, signature) by line rules.
// Everything here is line-anchored with bounded work per line, so hostile bodies cannot make it slow.
import type { Block, CodeKind } from "./blocks";

type Strong = Exclude<CodeKind, "code">;
type Hint = Strong | "weak" | "prose" | "blank";

/** Blocks of `body` (LF line ends). Block `start`s are 0-based line numbers in `body`. */
export function segmentBody(body: string): Block[] {
  return segmentLines(body.split("\n"), 0);
}

/**
 * The message's own new text: `body` with quoted lines and the signature blanked, so line numbers still
 * match the body. This is what extraction reads; quoted material belongs to the message it quotes.
 */
export function ownText(blocks: Block[]): string {
  return ownLines(blocks).join("\n");
}

/** ownText() as lines. */
export function ownLines(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === "quote" || b.type === "signature") continue;
    while (out.length < b.start) out.push("");
    out.push(...b.lines);
  }
  return out;
}

// ---- quotes, diffs, signature: the line-level structure ----

// "On Mon, 1 Jan 2024 at 10:00, A B <a@b> wrote:" and its folded and translated variants.
const ATTRIBUTION = /(?:wrote|writes|said|schrieb|a écrit|escribió|ha scritto)\s?:\s*$/i;
const DIFF_START = /^(?:diff --git |diff -[a-zA-Z]|Index: \S|@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@)/;
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const DIFF_META =
  /^(?:diff (?:--git |-[a-zA-Z])|index [0-9a-f]{4,64}\.\.[0-9a-f]{4,64}|(?:new|deleted) file mode |old mode |new mode |(?:dis)?similarity index |rename (?:from|to) |copy (?:from|to) |Binary files |GIT binary patch|Index: |={10,}$)/;

// Deeper quoting than this is shown as it is: it bounds the recursion on hostile ">>>>…" lines.
const MAX_QUOTE_DEPTH = 24;

function isQuoteLine(line: string): boolean {
  return line.charCodeAt(0) === 0x3e; // ">"
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0xa0) return false;
  }
  return true;
}

function startsIndented(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 0x09 || (c === 0x20 && line.charCodeAt(1) === 0x20);
}

function segmentLines(lines: string[], offset: number, depth = 0): Block[] {
  const blocks: Block[] = [];
  const region: string[] = []; // plain lines not yet classified, with their start
  let regionStart = 0;
  const flush = () => {
    if (region.length) blocks.push(...classifyRegion(region, offset + regionStart));
    region.length = 0;
  };
  const n = lines.length;
  let i = 0;
  while (i < n) {
    const line = lines[i];
    if (line === "-- " || line === "--") {
      flush();
      const sig = lines.slice(i);
      while (sig.length > 1 && isBlank(sig[sig.length - 1])) sig.pop();
      blocks.push({ type: "signature", start: offset + i, lines: sig });
      break;
    }
    if (isQuoteLine(line) && depth < MAX_QUOTE_DEPTH) {
      let end = i;
      while (end < n && isQuoteLine(lines[end])) end++;
      if (isRobotMarkerRun(lines, i, end)) {
        if (!region.length) regionStart = i;
        for (let k = i; k < end; k++) region.push(lines[k]);
        i = end;
        continue;
      }
      // Quote runs separated only by blank lines are one quote.
      for (;;) {
        let k = end;
        while (k < n && isBlank(lines[k])) k++;
        if (k === end || k >= n || !isQuoteLine(lines[k])) break;
        end = k;
        while (end < n && isQuoteLine(lines[end])) end++;
      }
      const attribution = takeAttribution(region, offset + i);
      flush();
      const inner = lines.slice(i, end).map(stripQuote);
      while (inner.length && isBlank(inner[inner.length - 1])) inner.pop();
      const quote: Block = { type: "quote", start: offset + i, depth: depth + 1, blocks: segmentLines(inner, offset + i, depth + 1) };
      if (attribution) {
        quote.attribution = attribution.text;
        quote.start = attribution.start;
      }
      blocks.push(quote);
      i = end;
      continue;
    }
    const c0 = line.charCodeAt(0);
    if (((c0 === 0x64 /* d */ || c0 === 0x49 /* I */ || c0 === 0x40) /* @ */ && DIFF_START.test(line)) || (line.startsWith("--- ") && lines[i + 1]?.startsWith("+++ ") && lines[i + 2]?.startsWith("@@ "))) {
      const end = diffEnd(lines, i);
      if (end > i) {
        flush();
        const diffLines = lines.slice(i, end);
        blocks.push({ type: "diff", start: offset + i, lines: diffLines, files: diffFiles(diffLines) });
        i = end;
        continue;
      }
    }
    if (line.startsWith("```")) {
      let end = i + 1;
      while (end < n && !lines[end].startsWith("```")) end++;
      flush();
      const content = lines.slice(i + 1, end);
      if (content.length) blocks.push(finishCode(codeBlock(content, offset + i + 1, dominantKind(content) ?? "code")));
      i = Math.min(end + 1, n);
      continue;
    }
    if (!region.length) regionStart = i;
    region.push(line);
    i++;
  }
  flush();
  return blocks;
}

function stripQuote(line: string): string {
  return line.charCodeAt(1) === 0x20 ? line.slice(2) : line.slice(1);
}

// KASAN marks the shadow row of the bad access with ">": ">ffff888017576680: 00 00 fc fc"
const KASAN_SHADOW_ROW = /^>[0-9a-f]{8,16}: [0-9a-f]{2} /;

// ld.lld continues a diagnostic with ">>> referenced by foo.c" lines.
const LLD_CONTINUATION = /^>>> (?:referenced by |defined at |referenced \d{1,9} more times|did you mean|\s{2,40}\S)/;

// Test robots mark new diagnostics with ">>" (and source lines with ">") inside indented output; such a run
// touches an indented, unquoted line, which a real quote almost never does.
function isRobotMarkerRun(lines: string[], start: number, end: number): boolean {
  const before = start > 0 ? lines[start - 1] : "";
  const after = end < lines.length ? lines[end] : "";
  let shadowRows = true;
  for (let k = start; k < end && shadowRows; k++) shadowRows = KASAN_SHADOW_ROW.test(lines[k]);
  if (shadowRows) return true;
  let lld = true;
  let lldAnchor = false;
  for (let k = start; k < end && lld; k++) {
    lld = LLD_CONTINUATION.test(lines[k]);
    lldAnchor ||= /^>>> (?:referenced by|defined at)/.test(lines[k]);
  }
  if (lld && lldAnchor) return true;
  if (!startsIndented(before) && !startsIndented(after)) return false;
  for (let k = start; k < end; k++) {
    if (!/^(?:>>|> ?\d+\s)/.test(lines[k])) return false;
  }
  return true;
}

/**
 * Removes and returns the "On …, X wrote:" line(s) ending the pending plain lines just before a quote
 * (one blank line between is allowed). `quoteStart` is the quote's first body line.
 */
function takeAttribution(region: string[], quoteStart: number): { text: string; start: number } | null {
  let gap = 0;
  if (region.length >= 2 && isBlank(region[region.length - 1])) gap = 1;
  const tailAt = region.length - 1 - gap;
  if (tailAt < 0) return null;
  const tail = region[tailAt];
  if (tail.length > 300 || !ATTRIBUTION.test(tail)) return null;
  // folded attribution: "On Tue, …, Some Name\n<addr> wrote:"
  const take = tailAt >= 1 && !/^\s*On\s/.test(tail) && /^\s*On\s/.test(region[tailAt - 1]) && region[tailAt - 1].length < 200 ? 2 : 1;
  const text = region.slice(tailAt - take + 1, tailAt + 1).join(" ").trim();
  region.length = tailAt - take + 1;
  return { text, start: quoteStart - gap - take };
}

/** The index just past the diff starting at `start`, or `start` when there is no diff there. */
function diffEnd(lines: string[], start: number): number {
  const n = lines.length;
  let j = start;
  let sawHunk = false;
  while (j < n) {
    const line = lines[j];
    if (DIFF_META.test(line)) {
      j++;
      continue;
    }
    if (line.startsWith("--- ") && j + 1 < n && lines[j + 1].startsWith("+++ ")) {
      j += 2;
      continue;
    }
    const h = HUNK.exec(line);
    if (h) {
      sawHunk = true;
      let oldLeft = h[2] === undefined ? 1 : Number(h[2]);
      let newLeft = h[4] === undefined ? 1 : Number(h[4]);
      j++;
      while (j < n && (oldLeft > 0 || newLeft > 0)) {
        const c = lines[j].charCodeAt(0);
        if (c === 0x20 || Number.isNaN(c)) {
          oldLeft--;
          newLeft--;
        } else if (c === 0x2d) oldLeft--;
        else if (c === 0x2b) newLeft--;
        else if (c !== 0x5c) break; // "\ No newline at end of file"
        j++;
      }
      while (j < n && lines[j].startsWith("\\ ")) j++;
      continue;
    }
    break;
  }
  return sawHunk || j - start >= 3 ? j : start;
}

function diffPath(p: string): string | null {
  const s = p.split("\t")[0].trim().replace(/^"|"$/g, "");
  if (s === "/dev/null" || !s) return null;
  return s.replace(/^[ab]\//, "");
}

/** Files a diff touches, new names first seen first. */
export function diffFiles(lines: string[]): string[] {
  const files = new Set<string>();
  for (let j = 0; j < lines.length; j++) {
    const line = lines[j];
    if (line.startsWith("diff --git ")) {
      const m = /^diff --git "?a\/(.+?)"? "?b\/(.+?)"?$/.exec(line);
      if (m) {
        if (m[1] !== m[2]) files.add(m[1]);
        files.add(m[2]);
      }
    } else if (line.startsWith("+++ ") && j > 0 && lines[j - 1].startsWith("--- ")) {
      const a = diffPath(lines[j - 1].slice(4));
      const b = diffPath(line.slice(4));
      if (a && a !== b && !files.has(a)) files.add(a);
      if (b) files.add(b);
    } else if (line.startsWith("rename from ") || line.startsWith("rename to ")) {
      files.add(line.slice(line.indexOf(" ", 7) + 1).trim());
    }
  }
  return [...files];
}

// ---- paragraphs, trailers and code listings inside a run of plain lines ----

const TRAILER =
  /^(?:[A-Z][a-z]+(?:-[a-z]+){0,4}-by|Cc|CC|Fixes|Link|Closes|BugLink|Bug|Change-Id|Message-I[dD]|References|Stable-dep-of|Upstream-Status|Patch-mainline|Git-commit)\s?:[ \t]*\S/;

function isTrailerish(line: string): boolean {
  return TRAILER.test(line) || /^\s*\[.{0,300}\]\s*$/.test(line) || (startsIndented(line) && line.length < 200);
}

function classifyRegion(lines: string[], start: number): Block[] {
  const out: Block[] = [];
  let k = 0;
  while (k < lines.length) {
    while (k < lines.length && isBlank(lines[k])) k++;
    let e = k + 1;
    // "---" ends a patch's commit message even without a blank line after the trailers.
    while (e < lines.length && !isBlank(lines[e]) && lines[e] !== "---") e++;
    if (e > k) classifyChunk(lines.slice(k, e), start + k, out);
    k = e;
  }
  return mergeCode(out, lines, start);
}

function classifyChunk(chunk: string[], start: number, out: Block[]): void {
  // Trailers close a chunk: the longest tail made of trailers that begins with one.
  let t = chunk.length;
  for (let k = chunk.length - 1; k >= 0 && isTrailerish(chunk[k]); k--) if (TRAILER.test(chunk[k])) t = k;
  const body = chunk.slice(0, t);
  if (body.length) classifyCode(body, start, out);
  if (t < chunk.length) out.push({ type: "trailers", start: start + t, lines: chunk.slice(t) });
}

function classifyCode(chunk: string[], start: number, out: Block[]): void {
  const hints = chunk.map(lineHint);
  let first = -1;
  let last = -1;
  for (let k = 0; k < hints.length; k++) {
    if (hints[k] !== "weak" && hints[k] !== "prose") {
      if (first < 0) first = k;
      last = k;
    }
  }
  if (first < 0) {
    if (chunk.every((l) => startsIndented(l)) || looksLikeSource(chunk)) out.push(codeBlock(chunk, start, "code"));
    else out.push({ type: "paragraph", start, lines: chunk });
    return;
  }
  while (first > 0 && hints[first - 1] === "weak") first--;
  while (last + 1 < chunk.length && hints[last + 1] === "weak") last++;
  let strong = 0;
  for (let k = first; k <= last; k++) if (hints[k] !== "weak" && hints[k] !== "prose") strong++;
  // Prose inside the range must be outweighed by listing lines; a lone strong line among prose is more likely
  // a quoted word than a listing, and one instruction-like line is not yet assembly.
  let prose = 0;
  for (let k = first; k <= last; k++) if (hints[k] === "prose") prose++;
  const diluted = prose > 0 && strong / (last - first + 1) < 0.4;
  const lone = strong === 1 && ((last === first && chunk.length > 3 && !isSelfContained(hints[first], chunk[first])) || hints[first] === "asm" || hints[first] === "llvm-ir" || hints[first] === "bisect-log");
  if (diluted || lone) {
    out.push({ type: "paragraph", start, lines: chunk });
    return;
  }
  if (first > 0) out.push({ type: "paragraph", start, lines: chunk.slice(0, first) });
  const code = chunk.slice(first, last + 1);
  out.push(codeBlock(code, start + first, dominantKind(code, hints.slice(first, last + 1)) ?? "code"));
  if (last + 1 < chunk.length) out.push({ type: "paragraph", start: start + last + 1, lines: chunk.slice(last + 1) });
}

// One diagnostic line is a listing of its own (a warning pasted into prose).
function isSelfContained(hint: Hint, line: string): boolean {
  return (hint === "build-log" || hint === "oops") && line.length > 20;
}

// C-like source: most lines end in ; { } or are preprocessor lines.
function looksLikeSource(chunk: string[]): boolean {
  if (chunk.length < 2) return false;
  let c = 0;
  for (const l of chunk) {
    const t = l.trimEnd();
    const last = t.charCodeAt(t.length - 1);
    if (last === 0x3b || last === 0x7b || last === 0x7d || t.endsWith("*/") || /^\s*#\s*(?:include|define|if|endif|else)\b/.test(t)) c++;
  }
  return c / chunk.length >= 0.6;
}

// Adjacent listings of the same kind separated only by blank lines are one listing.
function mergeCode(blocks: Block[], lines: string[], regionStart: number): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (b.type === "code" && prev?.type === "code" && prev.kind === b.kind && prev.kind !== "code") {
      const from = prev.start + prev.lines.length - regionStart;
      prev.lines.push(...lines.slice(from, b.start - regionStart), ...b.lines);
      continue;
    }
    out.push(b);
  }
  return out.map((b) => (b.type === "code" ? finishCode(b) : b));
}

function codeBlock(lines: string[], start: number, kind: CodeKind): Block & { type: "code" } {
  return { type: "code", start, lines, kind };
}

// Kind corrections and architecture once a listing is whole: a log without a report title or a trace is
// not an oops, and unknown code that is mostly instructions is assembly.
function finishCode(block: Block & { type: "code" }): Block {
  const { lines } = block;
  if (block.kind === "oops" && !lines.some((l) => OOPS_TITLE.test(stripLogPrefix(l)) || /[Cc]all [Tt]race:/.test(l)) && lines.filter((l) => FRAME.test(l)).length < 2) {
    block.kind = "code";
  }
  if (block.kind === "code" && lines.filter((l) => lineHint(l) === "asm").length * 2 >= lines.length) block.kind = "asm";
  // plain code and logs have no instruction set to name
  if (block.kind !== "bisect-log" && block.kind !== "build-log" && block.kind !== "code") {
    const arch = detectArch(lines.join("\n"));
    if (arch) block.arch = arch;
  }
  return block;
}

function dominantKind(lines: string[], hints: Hint[] = lines.map(lineHint)): CodeKind | null {
  const counts = new Map<Strong, number>();
  for (const h of hints) if (h !== "weak" && h !== "prose" && h !== "blank") counts.set(h, (counts.get(h) ?? 0) + 1);
  // A report is an oops even when most of its lines look like something else (Code: bytes, disassembly).
  if ((counts.get("oops") ?? 0) >= 2 && lines.some((l) => OOPS_TITLE.test(stripLogPrefix(l)))) return "oops";
  if (counts.get("bisect-log")) return "bisect-log";
  let best: Strong | null = null;
  let bestN = 0;
  for (const [k, c] of counts) if (c > bestN) [best, bestN] = [k, c];
  return best;
}

// ---- per-line hints ----

const LOG_PREFIX = /^(?:<\d>)?\[\s{0,12}\d{1,8}\.\d{1,9}\]\s?(?:\[\s{0,6}[CT]\d{1,6}\]\s?)?/;
function stripLogPrefix(line: string): string {
  return line.charCodeAt(0) === 0x5b || line.charCodeAt(0) === 0x3c ? line.replace(LOG_PREFIX, "") : line;
}

export const OOPS_TITLE =
  /^\s{0,4}(?:BUG: |WARNING: (?:CPU|at|possible|suspicious|inconsistent|bad|lock|HARDIRQ|SOFTIRQ|kernel|refcount|\S+ \S+ at )|Oops(?:\[#\d|: | - )|Kernel panic|kernel BUG at|Internal error:|Unable to handle kernel|general protection fault|KASAN: |UBSAN: |KMSAN: |KCSAN: |CFI failure at|BUG kmalloc|BUG \w+ \(|==\d+==ERROR: |PLEASE submit a bug report|Stack dump:|UNREACHABLE executed|LLVM ERROR: |fatal error: error in backend|(?:[\w./+-]{1,300}:(?:\d{1,7}:(?:\d{1,5}:)?)? ?)?internal compiler error|INFO: (?!lockdep is turned off)|Assertion `.{0,200}' failed|clang(?:-\d+)?: error: unable to execute command|unable to handle page fault|stack-protector: Kernel stack is corrupted)/;

const OOPS_LINE =
  /^\s{0,4}(?:Call Trace:|Call trace:|RIP: |RSP: |RAX: |RBX: |RDX: |RBP: |R\d{1,2}: |FS: |CS: |CR2: |DR\d: |Code: |Modules linked in:|CPU: \d|Hardware name:|pc : |lr : |sp : |x\d{1,2} ?: |Workqueue: |<\/?TASK>|<\/?IRQ>|---\[ end trace|invalid opcode|The buggy address|Memory state around|Allocated by task|Freed by task|Last potentially related|Read of size|Write of size|page:|flags: |raw: |page dumped|epc ?: |ra ?: |status: |badaddr: |cause: |Krnl PSW|NIP |LR |MSR: |Stack:|Instruction dump:|Uninit was|Local variable|Bytes \d+-\d+ of|={60,}$|#\d{1,3} 0x[0-9a-f]{6,16} |0x[0-9a-f]{6,16} (?:[\w:<>.$~]{1,300}|\?\?\?)(?:\(.{0,300}\))?$|Please submit a full bug report|Please include the complete backtrace|\d{1,2}\.\t(?:Program arguments|Running pass|Compilation|<eof>|\/|[A-Za-z])|Exception stack|ESR = |Mem abort info|Data abort info|irq event stamp|hardirqs last|softirqs last|lock\(|\*\*\* DEADLOCK|other info that|Showing all locks|INFO: |RCU: |rcu: |watchdog: |\? [\w.$]{1,200}\+0x|\[<[0-9a-f]{8,16}>\])/;

// "foo+0x12/0x30" frames, optionally "? " or " [module]"
const FRAME = /^(?:[\w-]{1,20} \[\d{1,8}\]:)?\s{0,8}(?:\[<[0-9a-f]{8,16}>\]\s{1,4})?(?:\? )?[\w.$]{1,200}\+0x[0-9a-f]{1,16}\/0x[0-9a-f]{1,16}(?: [\w./-]{1,300}:\d{1,7})?(?: \[\w{1,64}\])?\s*$/;

const BUILD_LINE =
  /^(?:>>? ?)?\s{0,8}(?:[\w./+-]{1,300}:\d{1,7}(?::\d{1,5})?: ?(?:fatal error|error|warning|note|Error|Warning|Fatal error|internal compiler error): |[\w./+-]{1,300}: ?In (?:function|member function|static function|instantiation) |(?:error|warning)\[E\d{4}\]: |\s{0,12}--> [\w./+-]{1,300}:\d{1,7}:\d{1,5}$|\s{0,12}\|\s{0,4}$|\s{0,12}= (?:note|help): |[\w./+-]{1,300}: (?:warning|error): objtool: |[\w./+-]{1,300}\.o: (?:warning|error): |(?:[\w./-]{0,200}\/)?(?:ld(?:\.lld|\.bfd|\.gold)?|[\w-]{1,60}-ld(?:\.bfd)?|ld64\.lld|lld-link|llvm-\w{1,30}|clang(?:-\d{1,3})?|gcc(?:-\d{1,3})?|[\w-]{1,60}-gcc(?:-\d{1,3})?|cc1(?:plus)?|objtool|modpost|pahole|rustc|as|collect2|depmod|sparse|dtc|resolve_btfids|sed|bash|sh|\/bin\/sh|objcopy|[\w-]{1,60}-objcopy|llvm-objcopy)(?:\[\d{1,6}\])?: (?:error|warning|fatal error|note|\*\*\*|Error|Warning)|make(?:\[\d{1,4}\])?: (?:\*\*\*|Leaving|Entering|Nothing|Target)|(?:ERROR|WARNING|FATAL): modpost: |In file included from |\s{2,20}from [\w./+-]{1,300}:\d{1,7}[,:]$|\d{1,5} (?:warnings?|errors?)(?: and \d{1,5} errors?)? generated\.$|\s{0,12}\d{1,7} \| |\s{1,40}\|\s{1,200}[~^]|[A-Z][A-Z0-9_]{1,11}(?: [A-Z]{1,3}| \[[MU]\])?\s{1,12}[\w./+-]{1,300}$|\{standard input\}: Assembler messages:|[\w./+-]{1,300}: Assembler messages:|Error: |undefined reference to |[`'][\w.$]{1,200}' referenced in section [`'][\w.$]{1,200}' of |>>? {0,3}[\w./+-]{1,300}:\d{1,7}(?::\d{1,5})?: )/;

// The only BUILD_LINE forms without a ":" or "|" (a cheap test that spares most lines the big one).
const BUILD_WITHOUT_COLON = /^(?:>>? ?)?\s{0,8}(?:In file|\d{1,5} (?:warn|err)|[A-Z][A-Z0-9_]{1,11}[ \t]|undefined reference|[`']|from )/;

const BISECT_LINE =
  /^\s{0,8}(?:\S{1,80}\$ )?(?:git bisect (?:start|good|bad|skip|reset|log|run|old|new|replay|terms)\b|# (?:good|bad|skip|old|new|first bad commit|possible first bad commit|only skipped commits left to test): \[[0-9a-f]{7,40}\]|[0-9a-f]{40} is the first bad commit|Bisecting: \d{1,9} revisions? left)/;

const DISASM_LINE =
  /^(?:\s{0,16}[0-9a-f]{1,16}:\s{1,8}(?:(?:[0-9a-f]{2} ){1,15}|[0-9a-f]{2}$|[0-9a-f]{4,8}(?: [0-9a-f]{4,8})?\s)|[0-9a-f]{8,16} <[^>\n]{1,300}>:$|[0-9a-f]{8,16} [\w.$@]{1,300}:$|\s{0,16}[0-9a-f]{1,16}: R_[A-Z0-9_]{2,40}\s|\S{1,300}:\s{1,8}file format \S|Disassembly of section )/;

const LLVM_IR_LINE =
  /^(?:\s{0,8}(?:define|declare)\s[^@\n]{0,200}@[\w.$"-]{1,300}\(|\s{0,8}%[\w.]{1,100} = (?:load|store|call|tail call|musttail call|alloca|getelementptr|icmp|fcmp|add|sub|mul|and|or|xor|shl|lshr|ashr|phi|select|bitcast|zext|sext|trunc|ptrtoint|inttoptr|extractvalue|insertvalue|extractelement|insertelement|shufflevector|fadd|fsub|fmul|fdiv|sdiv|udiv|srem|urem|atomicrmw|cmpxchg|freeze|invoke|landingpad|callbr)\b|\s{0,8}(?:store|call|tail call|br|ret|switch|unreachable|fence|resume|callbr) (?:[^\n]{0,200}[%@]|label|void$)|target (?:triple|datalayout) = "|; ModuleID = |![\w.]{1,100} = !|attributes #\d{1,4} = \{|@[\w.$]{1,200} = (?:\w{1,30} ){0,6}(?:global|constant)\b|[\w.$-]{1,200}:\s{1,40}; preds = )/;

const ASM_DIRECTIVE =
  /^\s{0,16}\.(?:section|globl|global|type|size|p2align|balign|align|text|data|bss|rodata|cfi_\w{1,30}|byte|short|word|hword|long|quad|octa|ascii|asciz|string|file|loc|ident|weak|hidden|local|comm|previous|pushsection|popsection|macro|endm|endr|rept|irp|ifdef|ifndef|if|else|endif|skip|zero|set|equ|option|machine|arch|intel_syntax|att_syntax|addrsig\w{0,10}|fill|org|code16|code32|code64|insn|reloc|uleb128|sleb128|space|inst|nops|seh_\w{1,20}|Lfunc_end\d{1,6}|L\w{1,100}:)\b/;
const ASM_LABEL = /^(?:\.L[\w$.]{1,200}|[\w$.]{1,200}):\s{0,40}(?:[#@;].{0,200}|\/\/.{0,200})?$/;
const ASM_COMMENT_BB = /^\s{0,16}#\s?%bb\.\d|^\s{0,16}(?:\/\/|#|;) %bb\.\d/;
const ASM_INSN = /^\s{1,32}(?:[a-z][a-z0-9]{0,3}\.)?[a-z][a-z0-9.]{1,11}(?:\s{1,16}(\S[^\n]{0,160}))?$/;
const ASM_OPERAND =
  /%[a-z]\w{0,6}|\$-?(?:0x)?[0-9a-f]|\$[a-z]\w{0,4}\b|\b0x[0-9a-f]{1,16}\b|\[[a-z0-9 ,#!+*-]{1,60}\]|\b[xwrvqdsb]\d{1,2}\b|\b(?:sp|lr|pc|fp|ra|zero|[ast]\d{1,2}|[er]?[abcd]x|[er]?[sd]i|[er]?[sb]p|r\d{1,2}[dwb]?|[re]?ip|xzr|wzr)\b|\d\(|\bptr\b|\{[a-z0-9, -]{2,60}\}/i;
const ASM_BARE = /^\s{1,32}(?:ret|retq|retl|nop|nopl|nopw|ud2|int3|leave|leaveq|hlt|cli|sti|cltq|cqto|cdq|cqo|eret|isb|dsb|dmb|wfi|wfe|sev|ecall|ebreak|mret|sret|fence|endbr64|endbr32|paciasp|autiasp|pushfq|popfq|lfence|mfence|sfence|syscall|sysret|iretq|blr|bctr|bctrl|sync|isync|lwsync|eieio|rfi|rfid|eret)\s{0,8}(?:[#;@].{0,200}|\/\/.{0,200})?$/;

// "commit …/Merge:/Author:/Date:" lines that git bisect prints with the culprit
const GIT_SHOW_HEADER = /^(?:commit [0-9a-f]{40}|Merge: [0-9a-f]{7,40} [0-9a-f]{7,40}|Author: .{1,200}<|Date: {2,4}\S)/;

// Lines that start with a letter and carry none of the punctuation listings are made of are prose, except these.
const LETTER_LINE_LISTING =
  /^(?:Unable to handle|unable to handle|PLEASE submit|Please submit|Please include|The buggy address|Read of size|Write of size|Uninit was|Local variable|UNREACHABLE|Assertion|kernel BUG|general protection|git bisect|In file included|Oops|Kernel panic|undefined reference|other info that|Exception stack|page dumped|Disassembly of section|Bisecting|Error|INFO|[0-9a-f]{40} is the first bad commit|ret |br |store |call |tail call |unreachable|switch |fence |resume )/;
const LISTING_PUNCTUATION = /[:@%#|=<`$\[{]|\+0x/;

function lineHint(raw: string): Hint {
  if (raw.length > 400) return "prose";
  const c = raw.charCodeAt(0);
  if (((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) && !LISTING_PUNCTUATION.test(raw) && !LETTER_LINE_LISTING.test(raw)) {
    return GIT_SHOW_HEADER.test(raw) ? "weak" : "prose";
  }
  if (isBlank(raw)) return "blank";
  // logs pasted with a "| " gutter
  const line = stripLogPrefix(raw.charCodeAt(0) === 0x7c && raw.charCodeAt(1) === 0x20 ? raw.slice(2) : raw);
  const logged = line !== raw;
  if (OOPS_TITLE.test(line) || OOPS_LINE.test(line) || FRAME.test(line)) return "oops";
  if (BISECT_LINE.test(line)) return "bisect-log";
  const colon = line.includes(":");
  if ((colon || line.includes("|") || BUILD_WITHOUT_COLON.test(line)) && BUILD_LINE.test(line)) return "build-log";
  if (line.charCodeAt(0) === 0x3e && LLD_CONTINUATION.test(line)) return "build-log";
  if (logged) return "oops";
  if (colon && DISASM_LINE.test(line)) return "disasm";
  if (LLVM_IR_LINE.test(line)) return "llvm-ir";
  if (ASM_DIRECTIVE.test(line) || ASM_COMMENT_BB.test(line) || ASM_BARE.test(line)) return "asm";
  if (/^\.L[\w$.]{1,200}:/.test(line)) return "asm";
  const insn = ASM_INSN.exec(line);
  if (insn && insn[1] !== undefined && isAsmOperands(insn[1])) return "asm";
  if (GIT_SHOW_HEADER.test(line) || /^(?:error|warning): /.test(line) || startsIndented(line) || ASM_LABEL.test(line) || /^\$ \S/.test(line) || /^\s{0,4}[\]})]/.test(line)) return "weak";
  return "prose";
}

function isAsmOperands(ops: string): boolean {
  // C statements and prose: assignments, calls, statement ends, several plain words
  if (/[=;{}]\s*$|[A-Za-z_]\(| = |\b(?:the|and|is|to|of|in|for|with)\b|\$\{|\|\s|"|\s-[a-z]{1,2}\b/.test(ops)) return false;
  return ASM_OPERAND.test(ops);
}

// ---- architecture ----

const ARCH_RULES: [string, RegExp][] = [
  ["x86", /<\/?TASK>|\bEFLAGS: [0-9a-f]|QEMU Standard PC|file format elf64-x86-64|file format elf32-i386|\bR_386_|%e(?:ax|bx|cx|dx|si|di|sp|bp)\b|target triple = "x86_64|RIP: 00\d\d:|%[re](?:ax|bx|cx|dx|si|di|sp|bp|ip)\b|\b(?:movq|movl|leaq|pushq|popq|callq|retq|jmpq|addq|subq|cmpq|testq|xorl|xorq|cltq)\b|\b(?:qword|dword|byte|word) ptr\b|\b(?:rax|rbx|rcx|rdx|rsi|rdi|rsp|rbp|rip)\b|\bx86_64\b|\bR_X86_64_/g],
  ["arm64", /Call trace:|\bdump_backtrace\b|__kvm_nvhe_|\bnVHE\b|\bpstate: [0-9a-f]|\bESR = 0x|elf64-littleaarch64|target triple = "aarch64|\baarch64\b|\barm64\b|\b[xw](?:[12]?\d|30)\b,\s|\bstp\s+x29, x30|\b(?:adrp|paciasp|autiasp|ldp|stp|cbz|cbnz|tbz|tbnz|b\.(?:eq|ne|lt|gt|le|ge|hi|lo|hs|ls|cs|cc))\b|\bpc : |\bR_AARCH64_/g],
  ["arm", /elf32-littlearm|elf32-bigarm|target triple = "(?:arm|thumb)|\bR_ARM_|\b(?:bx\s+lr|blx|push\s+\{r|pop\s+\{r|ldmia|stmdb|stmfd|ldmfd)\b|\br(?:1[0-2]|\d), \[/g],
  ["riscv", /elf(?:32|64)-littleriscv|target triple = "riscv|\bR_RISCV_|\b(?:auipc|jalr|addiw|slli|srli|c\.\w+|csrr|csrw|ecall|lui\s+a\d)\b|\b[as]\d, -?\d{1,4}\([as]p\)|\bepc : /g],
  ["s390", /elf64-s390|target triple = "s390|\bR_390_|Krnl PSW|\b(?:lgr|stmg|lmg|brasl|larl|aghi|lghi|stg|ltgr|jgnop|brcl)\b/g],
  ["powerpc", /elf(?:32|64)-powerpc|target triple = "powerpc|\bR_PPC(?:64)?_|\bNIP \[|\b(?:mflr|mtlr|mtctr|stdu|stwu|lis|addis|bctrl|blr|mfspr|mtspr|lwz)\b/g],
  ["loongarch", /elf64-loongarch|target triple = "loongarch|\bR_LARCH_|\b(?:addi\.[dw]|ld\.[dwbh]|st\.[dwbh]|jirl|pcaddu\d{1,2}i|pcalau12i|bstrpick\.[dw])\b/g],
  ["mips", /elf32-tradlittlemips|elf32-tradbigmips|elf64-trad\w*mips|target triple = "mips|\bR_MIPS_|\b(?:addiu|daddiu|jr\s+\$ra|lui\s+\$|jal|sw\s+\$|lw\s+\$|sd\s+\$|ld\s+\$)\b/g],
  ["hexagon", /target triple = "hexagon|\bR_HEX_|\bdealloc_return\b|\ballocframe\b/g],
  ["sparc", /elf64-sparc|target triple = "sparc|\bR_SPARC_|\b(?:sethi|restore\s+%g0)\b/g],
  ["m68k", /elf32-m68k|target triple = "m68k|\bR_68K_|\bFormat: [0-9a-f]{2}  Vector: /g],
];

/** The architecture of an assembly/disassembly/IR/oops listing, when the text says; x86 AT&T and Intel both count. */
export function detectArch(text: string): string | null {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  let best: string | null = null;
  let bestN = 0;
  for (const [arch, re] of ARCH_RULES) {
    re.lastIndex = 0;
    let c = 0;
    while (re.exec(sample) && c < 50) c++;
    if (c > bestN) [best, bestN] = [arch, c];
  }
  return best;
}
