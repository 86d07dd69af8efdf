// The README's main job on the embedded default: migrate, ingest the bundled sample mail, build the site
// when it is missing or older than its sources, and serve it on $PORT (default 3000). Safe to run again: re-ingest adds nothing.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bin, root, runStepOrExit, sampleArchives } from "./steps.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = env.PORT || "3000";
const step = (label, cmd, args) => runStepOrExit("demo", label, cmd, args, env);
const samples = sampleArchives();

step(`ingest ${samples.length} sample archives`, bin("tsx"), ["ingest/cli.ts", ...samples]);
// Newest modification time under the site's source folders, to tell whether an existing build is stale.
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated") continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const buildId = path.join(root, ".next/BUILD_ID");
const stale = () => ["app", "components", "lib"].some((d) => newestSource(path.join(root, d)) > fs.statSync(buildId).mtimeMs);
if (!fs.existsSync(buildId) || process.argv.includes("--rebuild") || stale()) {
  step("build the site", bin("next"), ["build"]);
} else {
  console.log("\n== site already built and up to date (npm run demo -- --rebuild to build again)");
}
console.log(`\n== serving on http://localhost:${port}/  (Ctrl-C to stop)`);
const server = spawn(bin("next"), ["start", "-p", port], { cwd: root, stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
