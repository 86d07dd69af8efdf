// Kconfig options named in a message's own text: CONFIG_X[=value], "# CONFIG_X is not set", scripts/config flags.
import type { ExtractContext } from "./context";
import { matches } from "./matches";

export interface ConfigRef {
  name: string;
  value: string | null;
}

// Kbuild make variables that look like options but are not Kconfig symbols.
const NOT_KCONFIG = new Set(["CONFIG_SHELL"]);

// Read at a "CONFIG_" that does not continue a word ("-DCONFIG_X" counts: a define of the option).
const OPTION = /(CONFIG_[A-Z0-9][A-Za-z0-9_]{0,100})(?![\w*])(?:=("[^"\n]{0,200}"|[ymn]\b|-?\d{1,20}\b|0x[0-9a-fA-F]{1,16}\b))?/y;

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}
const NOT_SET = /^[ \t+-]{0,4}# (CONFIG_[A-Z0-9][A-Za-z0-9_]{0,100}) is not set/gm;
const SCRIPTS_CONFIG = /\bscripts\/config\b([^\n;|&]{1,500})/g;
const SCRIPTS_CONFIG_FLAG = /(?:^|\s)(-e|-d|-m|--enable|--disable|--module|--undefine|-u)\s+([A-Za-z0-9_]{1,100})/g;
const SCRIPTS_CONFIG_SET = /(?:^|\s)--set-(?:val|str)\s+([A-Za-z0-9_]{1,100})\s+("[^"]{0,200}"|\S{1,200})/g;

const FLAG_VALUE: Record<string, string | null> = { "-e": "y", "--enable": "y", "-d": "n", "--disable": "n", "-m": "m", "--module": "m", "-u": null, "--undefine": null };

function withPrefix(name: string): string {
  return name.startsWith("CONFIG_") ? name : `CONFIG_${name}`;
}

export function extractConfigs(ctx: ExtractContext): ConfigRef[] {
  const found = new Map<string, string | null>();
  const put = (name: string, value: string | null) => {
    if (NOT_KCONFIG.has(name) || name.endsWith("_")) return;
    if (!found.has(name) || (found.get(name) === null && value !== null)) found.set(name, value);
  };
  for (const text of [ctx.subject, ...ctx.own.map((o) => o.text)]) {
    if (!text.includes("CONFIG_") && !text.includes("scripts/config")) continue;
    if (text.includes(" is not set")) for (const m of matches(NOT_SET, text)) put(m[1], "n");
    // indexOf finds the candidates; the sticky regex reads each in place
    for (let at = text.indexOf("CONFIG_"); at !== -1; at = text.indexOf("CONFIG_", at + 7)) {
      const before = text.charCodeAt(at - 1);
      if (at > 0 && (isWordChar(before) || before === 0x24) && !(before === 0x44 && text.charCodeAt(at - 2) === 0x2d)) continue;
      OPTION.lastIndex = at;
      const m = OPTION.exec(text);
      if (m) put(m[1], m[2] ?? null);
    }
    if (text.includes("scripts/config")) for (const m of matches(SCRIPTS_CONFIG, text)) {
      for (const f of matches(SCRIPTS_CONFIG_FLAG, m[1])) put(withPrefix(f[2]), FLAG_VALUE[f[1]]);
      for (const f of matches(SCRIPTS_CONFIG_SET, m[1])) put(withPrefix(f[1]), f[2]);
    }
  }
  return [...found].map(([name, value]) => ({ name, value }));
}
