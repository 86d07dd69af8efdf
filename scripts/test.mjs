// The test command: type check, unit and integration tests (node:test), the extraction eval, then the
// end-to-end tests (Playwright against `next start`). `--unit` or `--e2e` runs one part.
import fs from "node:fs";
import path from "node:path";
import { bin, root, runStepOrExit } from "./steps.mjs";

const args = new Set(process.argv.slice(2));
const only = args.has("--unit") ? "unit" : args.has("--e2e") ? "e2e" : null;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const run = (label, cmd, argv) => runStepOrExit("test", label, cmd, argv, env);

function findTests(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (["node_modules", ".next", ".git", "e2e", "data", "generated"].includes(entry.name)) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) findTests(p, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(path.relative(root, p));
  }
  return out.sort();
}

if (only !== "e2e") {
  run("typecheck", bin("tsc"), ["--noEmit", "-p", "."]);
  const files = findTests(root);
  run("unit and integration tests", process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files]);
  if (fs.existsSync(path.join(root, "ingest/extract/eval/run.ts"))) run("extraction eval", bin("tsx"), ["ingest/extract/eval/run.ts"]);
}
if (only !== "unit" && fs.existsSync(path.join(root, "e2e/run.mjs"))) {
  run("end-to-end tests", process.execPath, ["e2e/run.mjs"]);
}
