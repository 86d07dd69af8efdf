// Builds a temporary crosslore database from real corpus mboxes for the search tests, independently of the
// ingester: mailparser for the messages, plain regexes for the patch columns and a few entity kinds.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Statement } from "better-sqlite3";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { openDatabase, type Sqlite } from "../db/sqlite";
import { ftsIndexRows } from "./fts5-index";

const PARSE_SLICE = 500;

export interface FixtureSource {
  file: string; // an mboxrd file with "From mboxrd@z" separators
  list: string;
}

export interface Fixture {
  db: Sqlite;
  file: string;
  realMessages: number;
  ghosts: number;
  close(): void;
}

function splitMboxrd(buf: Buffer): Buffer[] {
  const text = buf.toString("latin1"); // byte-preserving, so offsets map back to the Buffer
  const starts: number[] = [];
  const re = /^From mboxrd@z .*$/gm;
  for (let m; (m = re.exec(text)); ) starts.push(m.index);
  return starts.map((s, i) => {
    const headerEnd = text.indexOf("\n", s) + 1;
    const body = buf.subarray(headerEnd, i + 1 < starts.length ? starts[i + 1] : buf.length);
    return Buffer.from(body.toString("latin1").replace(/^>(>*From )/gm, "$1"), "latin1");
  });
}

const addrText = (a: AddressObject | AddressObject[] | undefined) =>
  a === undefined ? "" : (Array.isArray(a) ? a : [a]).map((x) => x.text).join(", ");

const cleanId = (s: string) => s.trim().replace(/^<|>$/g, "");

function diffColumns(body: string) {
  const dfn = new Set<string>();
  const dfa: string[] = [];
  const dfb: string[] = [];
  const dfhh: string[] = [];
  let inDiff = false;
  for (const line of body.split("\n")) {
    const git = /^diff --git a\/(\S+) b\/(\S+)/.exec(line);
    if (git) {
      inDiff = true;
      dfn.add(git[1]).add(git[2]);
      continue;
    }
    if (!inDiff || line.startsWith("+++") || line.startsWith("---")) continue;
    const hh = /^@@ [^@]* @@ ?(.*)$/.exec(line);
    if (hh) dfhh.push(hh[1]);
    else if (line.startsWith("+")) dfa.push(line.slice(1));
    else if (line.startsWith("-")) dfb.push(line.slice(1));
  }
  return { dfn: [...dfn].join("\n"), dfa: dfa.join("\n"), dfb: dfb.join("\n"), dfhh: dfhh.join("\n") };
}

/** Own (unquoted) lines of a body: entities belong to the message that writes them, not to replies quoting it. */
const ownText = (body: string) => body.split("\n").filter((l) => !/^\s*>/.test(l)).join("\n");

export async function buildFixture(sources: FixtureSource[]): Promise<Fixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosslore-search-"));
  const file = path.join(dir, "search.db");
  const db = openDatabase({ file });
  const q = {
    list: db.prepare(`INSERT INTO list (name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id`),
    msg: db.prepare(
      `INSERT OR IGNORE INTO message (message_id, subject, from_name, from_addr, from_text, to_text, cc_text, date,
         in_reply_to, refs, body, dfn, dfa, dfb, dfhh)
       VALUES (@messageId, @subject, @fromName, @fromAddr, @fromText, @toText, @ccText, @date, @inReplyTo, @refs, @body,
         @dfn, @dfa, @dfb, @dfhh) RETURNING id`,
    ),
    ghost: db.prepare(`INSERT OR IGNORE INTO message (message_id, ghost) VALUES (?, 1)`),
    msgList: db.prepare(`INSERT OR IGNORE INTO message_list (message_row_id, list_id) VALUES (?, ?)`),
    thread: db.prepare(`INSERT INTO thread (root_message_id) VALUES (?) RETURNING id`),
    setThread: db.prepare(`UPDATE message SET thread_id = ? WHERE message_id = ?`),
    commit: db.prepare(
      `INSERT INTO "commit" (repo, sha) VALUES ('linux', ?) ON CONFLICT(repo, sha) DO UPDATE SET sha = excluded.sha RETURNING id`,
    ),
    commitMention: db.prepare(
      `INSERT OR IGNORE INTO commit_mention (commit_id, message_row_id, role, sha_text) VALUES (?, ?, ?, ?)`,
    ),
    toolchain: db.prepare(
      `INSERT INTO toolchain (name, version) VALUES (?, ?) ON CONFLICT(name, version) DO UPDATE SET name = excluded.name RETURNING id`,
    ),
    toolchainMention: db.prepare(
      `INSERT OR IGNORE INTO toolchain_mention (toolchain_id, message_row_id, text) VALUES (?, ?, ?)`,
    ),
    config: db.prepare(`INSERT OR IGNORE INTO config_mention (message_row_id, name) VALUES (?, ?)`),
    diag: db.prepare(
      `INSERT INTO diagnostic (signature, tool, kind, title) VALUES (?, ?, 'warning', ?)
       ON CONFLICT(signature) DO UPDATE SET tool = excluded.tool RETURNING id`,
    ),
    diagMention: db.prepare(`INSERT OR IGNORE INTO diagnostic_mention (diagnostic_id, message_row_id, text) VALUES (?, ?, ?)`),
    tag: db.prepare(`INSERT OR IGNORE INTO message_tag (message_row_id, tag) VALUES (?, ?)`),
  };

  const roots = new Map<string, string>(); // message id → thread root id
  const ids: number[] = [];
  for (const src of sources) {
    const listId = (q.list.get(src.list) as { id: number }).id;
    const raws = splitMboxrd(fs.readFileSync(src.file));
    // In slices, so a whole archive (31,699 messages) never sits parsed in memory at once.
    for (let i = 0; i < raws.length; i += PARSE_SLICE) {
      const parsed = await Promise.all(raws.slice(i, i + PARSE_SLICE).map((raw) => simpleParser(raw)));
      storeParsed(parsed, listId);
    }
  }
  function storeParsed(parsed: ParsedMail[], listId: number) {
    db.transaction(() => {
      for (const p of parsed) {
        const messageId = cleanId(p.messageId ?? "");
        if (!messageId) continue;
        const refs = (Array.isArray(p.references) ? p.references : p.references ? [p.references] : []).map(cleanId);
        const inReplyTo = p.inReplyTo ? cleanId(p.inReplyTo.split(/\s+/)[0]) : null;
        const from = p.from?.value[0];
        const body = (p.text ?? "").replace(/\r\n/g, "\n");
        const row = q.msg.get({
          messageId,
          subject: p.subject ?? "",
          fromName: from?.name ?? "",
          fromAddr: from?.address ?? "",
          fromText: p.from?.text ?? "",
          toText: addrText(p.to),
          ccText: addrText(p.cc),
          date: p.date && !Number.isNaN(p.date.getTime()) ? p.date.getTime() : null,
          inReplyTo,
          refs: JSON.stringify(refs),
          body,
          ...diffColumns(body),
        }) as { id: number } | undefined;
        if (!row) continue; // a cross-posted copy already stored
        ids.push(row.id);
        q.msgList.run(row.id, listId);
        const root = refs[0] ?? inReplyTo ?? messageId;
        roots.set(messageId, root);
        if (root !== messageId) roots.set(root, root);
        extractEntities(q, row.id, p.subject ?? "", ownText(body));
      }
    })();
  }
  db.transaction(() => {
    // Roots that never arrived are ghosts, as the ingester stores them.
    for (const root of new Set(roots.values())) q.ghost.run(root);
    const threadOf = new Map<string, number>();
    for (const [id, root] of roots) {
      if (!threadOf.has(root)) threadOf.set(root, (q.thread.get(root) as { id: number }).id);
      q.setThread.run(threadOf.get(root), id);
    }
    ftsIndexRows(db, ids);
  })();
  const count = (ghost: number) => (db.prepare(`SELECT count(*) AS n FROM message WHERE ghost = ?`).get(ghost) as { n: number }).n;
  return {
    db,
    file,
    realMessages: count(0),
    ghosts: count(1),
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Statements = Record<string, Statement<unknown[]>>;

function extractEntities(q: Statements, rowId: number, subject: string, text: string): void {
  for (const m of text.matchAll(/^Fixes: ([0-9a-f]{8,40}) \(/gm)) {
    const c = q.commit.get(m[1]) as { id: number };
    q.commitMention.run(c.id, rowId, "fixes", m[1]);
  }
  for (const m of text.matchAll(/\bclang version (\d+\.\d+\.\d+\w*)/g)) {
    const t = q.toolchain.get("clang", m[1]) as { id: number };
    q.toolchainMention.run(t.id, rowId, m[0]);
  }
  for (const m of text.matchAll(/\bgcc(?: \(GCC\))? version (\d+\.\d+\.\d+)/g)) {
    const t = q.toolchain.get("gcc", m[1]) as { id: number };
    q.toolchainMention.run(t.id, rowId, m[0]);
  }
  for (const m of text.matchAll(/\bCONFIG_[A-Z0-9_]+/g)) q.config.run(rowId, m[0]);
  for (const m of text.matchAll(/^.*objtool: ([\w.]+)\+0x[0-9a-f]+: (.+)$/gm)) {
    const d = q.diag.get(`objtool:${m[1]}:${m[2].trim()}`, "objtool", m[0]) as { id: number };
    q.diagMention.run(d.id, rowId, m[0]);
  }
  if (/^diff --git /m.test(text)) q.tag.run(rowId, "has:patch");
  if (/\[PATCH/.test(subject) && /arm64/i.test(subject)) q.tag.run(rowId, "arch:arm64");
}
