// Kconfig options named in a message's own text: CONFIG_X[=value], "# CONFIG_X is not set", scripts/config flags.
import type { ExtractContext } from "./context";

export interface ConfigRef {
  name: string;
  value: string | null;
}

// Kbuild make variables that look like options but are not Kconfig symbols.
const NOT_KCONFIG = new Set(["CONFIG_SHELL"]);

const OPTION = /(?:(?<![\w$])|(?<=-D))(CONFIG_[A-Z0-9][A-Za-z0-9_]{0,100})(?![\w*])(?:=("[^"\n]{0,200}"|[ymn]\b|-?\d{1,20}\b|0x[0-9a-fA-F]{1,16}\b))?/g;
const NOT_SET = /^[ \t+-]{0,4}# (CONFIG_[A-Z0-9][A-Za-z0-9_]{0,100}) is not set/gm;
const SCRIPTS_CONFIG = /\bscripts\/config\b([^\n;|&]{1,500})/g;
const SCRIPTS_CONFIG_FLAG = /(?:^|\s)(-e|-d|-m|--enable|--disable|--module|--set-val|--set-str|--undefine|-u)\s+([A-Za-z0-9_]{1,100})(?:\s+("[^"]{0,200}"|\S{1,200}))?/g;

const FLAG_VALUE: Record<string, string | null> = { "-e": "y", "--enable": "y", "-d": "n", "--disable": "n", "-m": "m", "--module": "m", "-u": null, "--undefine": null };

export function extractConfigs(ctx: ExtractContext): ConfigRef[] {
  const found = new Map<string, string | null>();
  const put = (name: string, value: string | null) => {
    if (NOT_KCONFIG.has(name) || name.endsWith("_")) return;
    if (!found.has(name) || (found.get(name) === null && value !== null)) found.set(name, value);
  };
  for (const text of [ctx.subject, ...ctx.own.map((o) => o.text)]) {
    if (!text.includes("CONFIG_") && !text.includes("scripts/config")) continue;
    for (const m of text.matchAll(NOT_SET)) put(m[1], "n");
    for (const m of text.matchAll(OPTION)) put(m[1], m[2] ?? null);
    for (const m of text.matchAll(SCRIPTS_CONFIG)) {
      for (const f of m[1].matchAll(SCRIPTS_CONFIG_FLAG)) {
        const name = f[2].startsWith("CONFIG_") ? f[2] : `CONFIG_${f[2]}`;
        const value = f[1] === "--set-val" || f[1] === "--set-str" ? (f[3] ?? null) : FLAG_VALUE[f[1]];
        put(name, value);
      }
    }
  }
  return [...found].map(([name, value]) => ({ name, value }));
}
