-- The FTS5 index again, without prefix indexes. On the whole linux-kbuild archive (31,677 messages) the
-- prefix = '2 3 4' indexes made a bulk build 2.7x as expensive (10.3 s vs 3.8 s) and were a third of the
-- ingest's CPU, while prefix queries stay fast without them: kmalloc_* 0.1 ms, km* 0.4 ms, obj* 2.4 ms,
-- CONFIG_DEBUG_INFO_* 0.2 ms (a one-letter prefix such as s* is slow either way: 60 vs 130 ms).
DROP TABLE "message_fts";

CREATE VIRTUAL TABLE "message_fts" USING fts5(
  subject, from_text, to_text, cc_text, body, dfn, dfa, dfb, dfhh,
  content='message', content_rowid='id',
  tokenize = "unicode61 remove_diacritics 2 tokenchars '_'"
);

-- Ghost rows (placeholders for messages not in the archive) have no text and are never indexed.
INSERT INTO "message_fts"(rowid, subject, from_text, to_text, cc_text, body, dfn, dfa, dfb, dfhh)
  SELECT id, subject, from_text, to_text, cc_text, body, dfn, dfa, dfb, dfhh FROM "message" WHERE ghost = 0;
