// A small database of real corpus messages for the query and route tests, written with plain SQL so that
// those tests do not depend on the ingester's storage code. Parent = last id of References/In-Reply-To,
// ghosts for ids never seen, one thread per connected chain.
import fs from "node:fs";
import { deflateSync } from "node:zlib";
import { parseMessage } from "../../ingest/parse";
import { splitMbox } from "../../ingest/read/mbox";
import type { ParsedMessage } from "../../ingest/types";
import { openDatabase } from "../db/sqlite";

async function firstMessages(file: string, count: number): Promise<ParsedMessage[]> {
  async function* once() {
    yield fs.readFileSync(file);
  }
  const out: ParsedMessage[] = [];
  for await (const raw of splitMbox(once(), file)) {
    out.push(await parseMessage(raw));
    if (out.length === count) break;
  }
  return out;
}

/** Writes the first `count` messages of an mbox into the (migrated) SQLite file `dbFile`. */
export async function fillFixtureDatabase(dbFile: string, mbox: string, count: number): Promise<ParsedMessage[]> {
  const messages = await firstMessages(mbox, count);
  const db = openDatabase({ file: dbFile });
  try {
    const parent = new Map<string, string | null>();
    for (const m of messages) {
      const chain = [...m.references, ...(m.inReplyTo && !m.references.includes(m.inReplyTo) ? [m.inReplyTo] : [])];
      chain.forEach((id, i) => {
        if (!parent.has(id)) parent.set(id, i > 0 ? chain[i - 1] : null);
      });
      parent.set(m.messageId, chain.at(-1) ?? null);
    }
    const rootOf = (id: string) => {
      const seen = new Set<string>();
      let x = id;
      while (parent.get(x) && !seen.has(x)) {
        seen.add(x);
        x = parent.get(x)!;
      }
      return x;
    };
    const real = new Map(messages.map((m) => [m.messageId, m]));
    const insertList = db.prepare("INSERT OR IGNORE INTO list (name) VALUES (?)");
    const insertThread = db.prepare(
      "INSERT INTO thread (root_message_id, subject, first_date, last_date, message_count) VALUES (?, ?, ?, ?, ?)",
    );
    const insertMessage = db.prepare(`INSERT INTO message (message_id, ghost, subject, from_name, from_addr, from_text,
      to_text, cc_text, date, in_reply_to, refs, parent_id, thread_id, body, raw, raw_size)
      VALUES (@messageId, @ghost, @subject, @fromName, @fromAddr, @fromText, @toText, @ccText, @date, @inReplyTo,
      @refs, @parentId, @threadId, @body, @raw, @rawSize)`);
    const insertMember = db.prepare("INSERT INTO message_list (message_row_id, list_id) SELECT ?, id FROM list WHERE name = ?");
    const insertAttachment = db.prepare("INSERT INTO attachment (message_row_id, filename, content_type, size) VALUES (?, ?, ?, ?)");
    const threads = new Map<string, string[]>();
    for (const id of parent.keys()) {
      const root = rootOf(id);
      threads.set(root, [...(threads.get(root) ?? []), id]);
    }
    db.transaction(() => {
      for (const [root, ids] of threads) {
        const members = ids.flatMap((id) => (real.has(id) ? [real.get(id)!] : []));
        const times = members.flatMap((m) => (m.date ? [m.date.getTime()] : []));
        const threadId = insertThread.run(
          root,
          (real.get(root) ?? members[0]).subject,
          times.length ? Math.min(...times) : null,
          times.length ? Math.max(...times) : null,
          members.length,
        ).lastInsertRowid;
        for (const id of ids) {
          const m = real.get(id);
          const row = {
            messageId: id,
            ghost: m ? 0 : 1,
            subject: m?.subject ?? "",
            fromName: m?.from.name ?? "",
            fromAddr: m?.from.address ?? "",
            fromText: m ? `${m.from.name} <${m.from.address}>` : "",
            toText: m?.to.map((a) => `${a.name} <${a.address}>`).join(", ") ?? "",
            ccText: m?.cc.map((a) => `${a.name} <${a.address}>`).join(", ") ?? "",
            date: m?.date?.getTime() ?? null,
            inReplyTo: m?.inReplyTo ?? null,
            refs: JSON.stringify(m?.references ?? []),
            parentId: parent.get(id) ?? null,
            threadId,
            body: m?.body ?? "",
            raw: m ? deflateSync(m.raw) : null,
            rawSize: m?.raw.length ?? 0,
          };
          const rowId = insertMessage.run(row).lastInsertRowid;
          for (const list of m?.lists ?? []) {
            insertList.run(list);
            insertMember.run(rowId, list);
          }
          for (const a of m?.attachments ?? []) insertAttachment.run(rowId, a.filename, a.contentType, a.size);
        }
      }
    })();
  } finally {
    db.close();
  }
  return messages;
}
