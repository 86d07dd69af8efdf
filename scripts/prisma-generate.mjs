// Runs `prisma generate` after npm install. Generation never uses Prisma's native schema engine, but the CLI
// checks that PRISMA_SCHEMA_ENGINE_BINARY names an existing file before it starts; the engine cannot be
// downloaded on machines without internet, so point it at a file that certainly exists (node itself).
import { execFileSync } from "node:child_process";
import path from "node:path";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ||= process.execPath;
const cli = path.resolve(import.meta.dirname, "../node_modules/prisma/build/index.js");
execFileSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
