// The FTS5 full-text index over messages lives outside Prisma's schema: an external-content table on
// `message`, created by its own migration and listed under tables.external in prisma.config.ts.

export const FTS_TABLE = "message_fts";

export const EXTERNAL_TABLES = [
  FTS_TABLE,
  `${FTS_TABLE}_data`,
  `${FTS_TABLE}_idx`,
  `${FTS_TABLE}_docsize`,
  `${FTS_TABLE}_config`,
];

// Columns of message_fts, in order; each is also a column of `message` (external content).
export const FTS_COLUMNS = ["subject", "from_text", "to_text", "cc_text", "body", "dfn", "dfa", "dfb", "dfhh"] as const;

// Prisma's shadow database gets the FTS table from the migrations themselves, so nothing to pre-create.
export const FTS_SHADOW_INIT_SQL = "";
