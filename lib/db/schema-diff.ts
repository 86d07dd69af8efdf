// The SQL that brings prisma/migrations up to prisma/schema.prisma, computed by Prisma's WebAssembly schema
// engine over the better-sqlite3 adapter (the native engine cannot be downloaded everywhere).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { EXTERNAL_TABLES, FTS_SHADOW_INIT_SQL } from "./fts-schema";

const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma/migrations");
const schemaPath = path.join(root, "prisma/schema.prisma");

// The package is built for bundlers (it imports the .wasm as a module); instantiate it by hand for Node.
async function loadSchemaEngine() {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bg = await import(path.join(dir, "schema_engine_bg.js"));
  const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg.SchemaEngine as typeof import("@prisma/schema-engine-wasm").SchemaEngine;
}

/** SQL still missing from the migrations; "" when they produce exactly the schema. */
export async function pendingSchemaSql(): Promise<string> {
  const SchemaEngine = await loadSchemaEngine();
  const factory = scriptAwareFactory(new PrismaBetterSqlite3({ url: ":memory:" }, { shadowDatabaseUrl: ":memory:" }));
  // The engine expects the error-capturing wrapper the Prisma CLI puts around adapters.
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, fs.readFileSync(schemaPath, "utf8")]] },
    () => {},
    adapter,
  );
  const dirs = fs.existsSync(migrationsDir)
    ? fs.readdirSync(migrationsDir).filter((d) => fs.existsSync(path.join(migrationsDir, d, "migration.sql"))).sort()
    : [];
  const result = await engine.diff({
    from: {
      tag: "migrations",
      baseDir: migrationsDir,
      lockfile: { path: "migration_lock.toml", content: readIfExists(path.join(migrationsDir, "migration_lock.toml")) },
      shadowDbInitScript: FTS_SHADOW_INIT_SQL,
      migrationDirectories: dirs.map((d) => ({
        path: d,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok", value: fs.readFileSync(path.join(migrationsDir, d, "migration.sql"), "utf8") },
        },
      })),
    },
    to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }] },
    script: true,
    exitCode: true,
    filters: { externalTables: EXTERNAL_TABLES, externalEnums: [] },
  });
  const sql = (result.stdout ?? "").trim();
  return sql === "" || /^-- This is an empty migration\.?$/m.test(sql) ? "" : sql;
}


// The wasm engine applies each migration file to the shadow database with one executeRaw call, which
// better-sqlite3 rejects for more than one statement; route argument-less raw SQL through executeScript.
type Factory = PrismaBetterSqlite3;
type Connection = Awaited<ReturnType<Factory["connect"]>>;

function scriptAware(conn: Connection): Connection {
  return new Proxy(conn, {
    get(target, prop, receiver) {
      if (prop === "executeRaw") {
        return async (query: { sql: string; args: unknown[] }) => {
          if (query.args.length === 0) {
            await target.executeScript(query.sql);
            return 0;
          }
          return target.executeRaw(query as never);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function scriptAwareFactory(factory: Factory): Factory {
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect") return async () => scriptAware(await target.connect());
      if (prop === "connectToShadowDb") return async () => scriptAware(await target.connectToShadowDb());
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function readIfExists(file: string): string | null {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
}
