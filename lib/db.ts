// The Prisma client the site uses: one per process, over the better-sqlite3 adapter, with migrations applied.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { databasePath } from "./config";
import { openDatabase } from "./db/sqlite";

const globalForPrisma = globalThis as unknown as { crossloreprisma?: PrismaClient };

function createClient(): PrismaClient {
  const file = databasePath();
  // Apply pending migrations once, before the first query, so `npm start` on a fresh file just works.
  openDatabase({ file }).close();
  const adapter = new PrismaBetterSqlite3({ url: file }, { timestampFormat: "unixepoch-ms" });
  return new PrismaClient({ adapter });
}

export function prisma(): PrismaClient {
  globalForPrisma.crossloreprisma ??= createClient();
  return globalForPrisma.crossloreprisma;
}
