// Prints the SQL that brings prisma/migrations up to prisma/schema.prisma (nothing when they match).
// Usage: tsx scripts/migration-diff.ts [--check]   (--check: exit 1 when they differ)
import { pendingSchemaSql } from "../lib/db/schema-diff";

const sql = await pendingSchemaSql();
if (process.argv.includes("--check")) {
  if (sql) {
    console.error("prisma/migrations do not match prisma/schema.prisma; missing SQL:\n" + sql);
    process.exit(1);
  }
  console.log("migrations match the schema");
} else if (sql) {
  process.stdout.write(sql + "\n");
}
