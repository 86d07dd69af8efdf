// Prisma CLI configuration: where the schema and migrations live, which database to use,
// and which tables Prisma must leave alone (the FTS5 index and its shadow tables).
import { defineConfig } from "prisma/config";
import { databaseUrl } from "./lib/config";
import { EXTERNAL_TABLES } from "./lib/db/fts-schema";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: databaseUrl() },
  experimental: { externalTables: true },
  tables: { external: EXTERNAL_TABLES },
});
