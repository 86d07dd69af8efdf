// The records that flow between ingest stages: read → split → parse → normalize → extract → thread → store → index.

/** Where a message came from, for error reports: "kbuild.mbox: message 1,204 at byte 8,301,772". */
export interface SourcePosition {
  path: string; // the file (for maildir, the message file; for git, "repo.git#<commit>")
  index: number; // 1-based message number within the source
  byteOffset: number; // offset of the message (its From_ line for mbox) in the uncompressed source
}

/** One message's bytes as a reader produced them: mbox quoting undone, line ends as in the original. */
export interface RawMessage {
  raw: Buffer;
  source: SourcePosition;
  /** Commit id when the message came from a public-inbox git epoch. */
  gitCommit?: string;
  /** For a public-inbox git epoch: how far reading it has got once this message is stored (read/public-inbox.ts). */
  epoch?: EpochPosition;
}

/** A public-inbox epoch's reading position, as the inbox_epoch table keeps it. */
export interface EpochPosition {
  rootCommit: string; // the epoch's first commit: the same wherever it is cloned
  path: string; // the repository it was read from
  lastCommit: string; // the last commit read: the message's own, or a later one that carried no message
  messageCount: number; // messages read from the epoch up to and including this one, over all runs
}

export interface Address {
  name: string;
  address: string;
}

export interface AttachmentInfo {
  filename: string | null;
  contentType: string;
  size: number; // decoded bytes
}

/** A parsed and normalized message, ready for extraction, threading and storage. */
export interface ParsedMessage {
  messageId: string; // without angle brackets, trimmed
  synthetic: boolean; // true when there was no usable Message-ID and it was derived from the content
  subject: string; // decoded, whitespace folded
  from: Address; // the real author (Google-Groups/DMARC munging undone)
  to: Address[];
  cc: Address[];
  date: Date | null; // null when absent or unparseable
  inReplyTo: string | null; // cleaned Message-ID
  references: string[]; // cleaned Message-IDs, oldest first, duplicates and self removed
  lists: string[]; // lore-style list names from List-Id / X-Mailing-List ("linux-kbuild")
  body: string; // decoded text body (HTML-only mail converted to text), LF line ends
  attachments: AttachmentInfo[];
  raw: Buffer;
  source: SourcePosition;
}

/** The patch facts lore indexes for dfn:/dfa:/dfb:/dfhh:. */
export interface DiffIndex {
  dfn: string[]; // files touched
  dfa: string[]; // added lines (without the leading "+")
  dfb: string[]; // removed lines (without the leading "-")
  dfhh: string[]; // hunk header context ("@@ -1,3 +1,4 @@ static int foo(void)" → "static int foo(void)")
}

/** A message that could not be used, with the reason; it is kept whole in ingest_failure. */
export interface IngestFailure {
  source: SourcePosition;
  reason: string;
  raw: Buffer | null;
}
