// Test support: the parsed messages of a corpus file, read through the real ingest reader and parser.
import { readSources } from "../../ingest/read/index";
import { parseMessage } from "../../ingest/parse";
import type { ParsedMessage } from "../../ingest/types";
import { corpusFile } from "../testing/corpus";

/**
 * Messages of corpus file `rel` (e.g. "linux-kbuild/linux-kbuild-2021-01.mbox"), in file order. `keep` looks at
 * the raw bytes first so a scan of a large archive parses only the messages a test needs.
 */
export async function corpusMessages(rel: string, keep: (raw: Buffer) => boolean = () => true): Promise<ParsedMessage[]> {
  const out: ParsedMessage[] = [];
  for await (const raw of readSources([corpusFile(rel)], { warn: () => {} })) {
    if (keep(raw.raw)) out.push(await parseMessage(raw));
  }
  return out;
}

/** The one message with this Message-ID in `messages`; throws naming the ID when absent. */
export function byId(messages: ParsedMessage[], id: string): ParsedMessage {
  const m = messages.find((x) => x.messageId === id);
  if (!m) throw new Error(`message <${id}> not in the corpus messages read by the test`);
  return m;
}
