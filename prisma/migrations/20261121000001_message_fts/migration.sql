-- Full-text index over messages (SQLite FTS5, external content on "message").
-- unicode61 with '_' as a token character keeps identifiers such as register_netdevice_notifier,
-- CONFIG_KMSAN and __msan_foo whole; the prefix indexes make `kmalloc_*` queries cheap.
CREATE VIRTUAL TABLE "message_fts" USING fts5(
  subject, from_text, to_text, cc_text, body, dfn, dfa, dfb, dfhh,
  content='message', content_rowid='id',
  tokenize = "unicode61 remove_diacritics 2 tokenchars '_'",
  prefix = '2 3 4'
);
