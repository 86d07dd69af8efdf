// Test support: is a string well-formed XML? Uses a real parser (Python's expat) when python3 is installed,
// else a strict minimal check of tags, entities and characters.
import { spawnSync } from "node:child_process";

export interface XmlCheck {
  ok: boolean;
  parser: "expat" | "minimal";
  error: string | null;
}

const EXPAT = "import sys, xml.parsers.expat\np = xml.parsers.expat.ParserCreate()\np.Parse(sys.stdin.buffer.read(), True)";

function minimal(xml: string): string | null {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(xml)) return "character not allowed in XML 1.0";
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const stack: string[] = [];
  const token = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\/?([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);|&/g;
  let roots = 0;
  for (const m of body.matchAll(token)) {
    const t = m[0];
    if (t === "<") return `stray "<" at ${m.index}`;
    if (t === "&") return `stray "&" at ${m.index}`;
    if (t.startsWith("&") && !/^&(?:#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);$/.test(t)) return `undefined entity ${t}`;
    if (!m[1]) continue;
    if (t.startsWith("</")) {
      if (stack.pop() !== m[1]) return `mismatched </${m[1]}> at ${m.index}`;
    } else if (!m[3]) {
      if (stack.length === 0) roots++;
      stack.push(m[1]);
    } else if (stack.length === 0) roots++;
  }
  if (stack.length) return `unclosed <${stack[stack.length - 1]}>`;
  return roots === 1 ? null : `${roots} root elements`;
}

export function checkXml(xml: string): XmlCheck {
  const py = spawnSync("python3", ["-c", EXPAT], { input: Buffer.from(xml, "utf8"), encoding: "utf8" });
  if (!py.error && py.status !== null) {
    const last = py.stderr.trim().split("\n").pop() ?? "";
    return { ok: py.status === 0, parser: "expat", error: py.status === 0 ? null : last };
  }
  const error = minimal(xml);
  return { ok: error === null, parser: "minimal", error };
}
