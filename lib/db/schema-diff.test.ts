import assert from "node:assert/strict";
import { test } from "node:test";
import { pendingSchemaSql } from "./schema-diff";

test("prisma/migrations produce exactly prisma/schema.prisma", async () => {
  assert.equal(await pendingSchemaSql(), "", "write a migration for the schema change (tsx scripts/migration-diff.ts prints it)");
});
