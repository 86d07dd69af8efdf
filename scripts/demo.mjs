// The README's main job on the embedded default: migrate, ingest the bundled sample mail, build the site
// if it has not been built, and serve it on $PORT (default 3000). Safe to run again: re-ingest adds nothing.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = env.PORT || "3000";
const bin = (name) => path.join(root, "node_modules/.bin", name);

function step(label, cmd, args) {
  console.log(`\n== ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`demo: ${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

const samples = fs
  .readdirSync(path.join(root, "samples"))
  .filter((f) => /\.mbox(\.gz)?$/.test(f))
  .map((f) => path.join("samples", f));

step(`ingest ${samples.length} sample archives`, bin("tsx"), ["ingest/cli.ts", ...samples]);
if (!fs.existsSync(path.join(root, ".next/BUILD_ID")) || process.argv.includes("--rebuild")) {
  step("build the site", bin("next"), ["build"]);
} else {
  console.log("\n== site already built (npm run demo -- --rebuild to build again)");
}
console.log(`\n== serving on http://localhost:${port}/  (Ctrl-C to stop)`);
const server = spawn(bin("next"), ["start", "-p", port], { cwd: root, stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
