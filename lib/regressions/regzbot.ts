// regzbot commands ("#regzbot introduced: v6.1..v6.2") in a message's own text, read the way regzbot reads
// them: at the start of a line or after "; ", running on to the next blank line, with regzbot's aliases.
import { ownLines, segmentBody } from "../mail/segment";

export type RegzbotVerb =
  | "introduced" // start tracking; culprit commit or version range
  | "report" // the report is elsewhere (a URL, or "^" for the parent mail)
  | "title"
  | "fix" // fixed (or to be fixed) by a commit or a patch subject
  | "dup" // another report (URL) is a duplicate of this regression
  | "dup-of" // this regression is a duplicate of the linked one
  | "link"
  | "unlink"
  | "monitor"
  | "unmonitor"
  | "backmonitor"
  | "resolve"
  | "inconclusive"
  | "backburner"
  | "unbackburn"
  | "poke"
  | "ignore-activity"
  | "note"
  | "from"
  | "unknown";

// regzbot accepts alternative spellings and renamed commands; these are the ones its command handler maps.
const ALIASES: Record<string, RegzbotVerb> = {
  introduced: "introduced",
  "^introduced": "introduced",
  "introduced^": "introduced",
  report: "report",
  use: "report",
  title: "title",
  subject: "title",
  summary: "title",
  fix: "fix",
  fixedby: "fix",
  "fixed-by": "fix",
  dup: "dup",
  "dup-of": "dup-of",
  dupof: "dup-of",
  "duplicate-of": "dup-of",
  duplicate: "dup-of",
  link: "link",
  unlink: "unlink",
  monitor: "monitor",
  related: "monitor",
  unmonitor: "unmonitor",
  unrelated: "unmonitor",
  backmonitor: "backmonitor",
  "^backmonitor": "backmonitor",
  resolve: "resolve",
  resolved: "resolve",
  invalid: "resolve",
  inconclusive: "inconclusive",
  backburner: "backburner",
  "back-burner": "backburner",
  backburn: "backburner",
  unbackburn: "unbackburn",
  unbackburner: "unbackburn",
  "unback-burner": "unbackburn",
  poke: "poke",
  note: "note",
  "ignore-activity": "ignore-activity",
  "activity-ignore": "ignore-activity",
  from: "from",
};

export type Introduced =
  | { kind: "commit"; sha: string } // lower-case hex as written
  | { kind: "range"; from: string; to: string } // "v6.1..v6.2", "v5.13..1f2e3d4c5d", "next-20211006..next-20211008"
  | { kind: "other"; text: string }; // anything else ("v6.5"), kept as written

export interface RegzbotCommand {
  verb: RegzbotVerb;
  /** The command as written, lower-cased: "^introduced", "invalid", "dup-of". */
  name: string;
  /** Parameters with line breaks folded to spaces; "" when none. */
  args: string;
  /** 0-based line of the body where the command starts. */
  line: number;
  /** For `introduced`: the culprit commit or range. */
  introduced: Introduced | null;
  /** The report is the parent mail ("^introduced", or a "^" parameter), not this one. */
  reportIsParent: boolean;
  /** The URL argument: of report, dup, dup-of, link, monitor, …, or an introduced/backmonitor pointer. */
  url: string | null;
  /** A commit named by `fix:` or `introduced:`. */
  commit: string | null;
  /** Free text: the title, a fix's patch subject, a reason, a link's description. */
  text: string | null;
}

// A command starts with "#regzbot" at the start of a line or after a "; " separating commands on one line.
const COMMAND_START = /(?:^|;\s+)#regzbot\s+/gi;
const NAME = /^([\^\w-]+?\^?)(?::|\s+|$)\s*/;
const SHA = /^[0-9a-f]{7,40}$/i;
const SHA_AND_TEXT = /^([0-9a-f]{7,40})(?:\s+(.*))?$/i;
const RANGE = /^(\S+?)\.\.\.?(\S+)$/;

/** The subject tag that marks a mail as meant for regzbot only (same effect as ignore-activity). */
export function subjectIgnoresActivity(subject: string): boolean {
  return /#forregzbot\b/i.test(subject);
}

function unquote(s: string): string {
  for (const [open, close] of [["(", ")"], ["'", "'"], ['"', '"']]) {
    if (s.length >= 2 && s.startsWith(open) && s.endsWith(close)) s = s.slice(1, -1);
  }
  return s.trim();
}

function isUrl(token: string): boolean {
  return /^https?:\/\//i.test(token);
}

function parseIntroduced(spec: string): Introduced {
  if (SHA.test(spec)) return { kind: "commit", sha: spec.toLowerCase() };
  const range = RANGE.exec(spec);
  if (range) return { kind: "range", from: range[1], to: range[2] };
  return { kind: "other", text: spec };
}

function command(nameWritten: string, args: string, line: number): RegzbotCommand {
  const name = nameWritten.toLowerCase();
  const verb = ALIASES[name] ?? "unknown";
  const cmd: RegzbotCommand = { verb, name, args, line, introduced: null, reportIsParent: name.includes("^"), url: null, commit: null, text: null };
  const tokens = args.split(/\s+/).filter(Boolean);
  const rest = (n: number) => tokens.slice(n).join(" ") || null;
  switch (verb) {
    case "introduced": {
      if (tokens[0]) cmd.introduced = parseIntroduced(tokens[0]);
      if (cmd.introduced?.kind === "commit") cmd.commit = cmd.introduced.sha;
      for (const t of tokens.slice(1)) {
        if (t === "^") cmd.reportIsParent = true;
        else if (isUrl(t) && !cmd.url) cmd.url = t;
      }
      break;
    }
    case "report":
    case "backmonitor":
      if (tokens[0] === "^") cmd.reportIsParent = true;
      else if (tokens[0]) cmd.url = tokens[0];
      break;
    case "fix": {
      const m = SHA_AND_TEXT.exec(args);
      if (m) {
        cmd.commit = m[1].toLowerCase();
        cmd.text = m[2] ? unquote(m[2]) : null;
      } else cmd.text = unquote(args) || null;
      break;
    }
    case "dup":
    case "dup-of":
    case "link":
    case "unlink":
    case "monitor":
    case "unmonitor":
      cmd.url = tokens[0] ?? null;
      cmd.text = rest(1);
      break;
    case "title":
    case "resolve":
    case "inconclusive":
    case "backburner":
    case "unbackburn":
    case "note":
    case "from":
      cmd.text = args || null;
      break;
  }
  return cmd;
}

/**
 * The regzbot commands in `body`'s own text (quoted lines and the signature do not count: a reply quoting a
 * command does not repeat it). Commands run on over following lines until a blank line or the next command,
 * as regzbot reads them, so a title wrapped by the mailer stays whole.
 */
export function parseRegzbotCommands(body: string): RegzbotCommand[] {
  if (!/#regzbot/i.test(body)) return [];
  const lines = ownLines(segmentBody(body));
  const commands: RegzbotCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/#regzbot/i.test(lines[i])) continue;
    // Gather the section: this line and its continuation lines.
    let end = i + 1;
    while (end < lines.length && lines[end].trim() !== "" && !/^\s*#regzbot\s/i.test(lines[end])) end++;
    // "activity-\nignore": a hyphen at a line break is the mailer's wrap inside a word.
    const section = lines.slice(i, end).map((l) => l.trim()).join("\n").replace(/-\n/g, "-").replace(/\n/g, " ");
    const starts = [...section.matchAll(COMMAND_START)];
    starts.forEach((m, k) => {
      const from = m.index + m[0].length;
      const to = k + 1 < starts.length ? starts[k + 1].index : section.length;
      const text = section.slice(from, to).trim().replace(/;$/, "").trim();
      const name = NAME.exec(text);
      if (name) commands.push(command(name[1], text.slice(name[0].length).trim(), i));
    });
    i = end - 1;
  }
  return commands;
}

/** A command as a regzbot_command row: the canonical verb, and the parameters (see regzbotFromRow). */
export function regzbotRow(c: RegzbotCommand): { command: RegzbotVerb; argument: string } {
  // "^introduced: X" and "introduced: X ^" mean the same to regzbot; the second form survives the verb column.
  const parentMark = c.verb === "introduced" && c.reportIsParent && !c.args.split(/\s+/).includes("^");
  return { command: c.verb, argument: parentMark ? `${c.args} ^`.trim() : c.args };
}

/** The parsed command back from a regzbot_command row (its body line is unknown there: -1). */
export function regzbotFromRow(row: { command: string; argument: string }): RegzbotCommand {
  return command(row.command, row.argument, -1);
}
