// Small helpers the runner scripts share (demo, test, e2e): where the repo and its binaries are, which sample
// archives ship with it, and running one step as a child process with a labelled, fail-fast result.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");

/** A binary installed by npm under node_modules/.bin. */
export const bin = (name) => path.join(root, "node_modules/.bin", name);

/** The bundled sample archives (samples/*.mbox.gz), as paths relative to the repo. */
export function sampleArchives() {
  return fs
    .readdirSync(path.join(root, "samples"))
    .filter((f) => /\.mbox(\.gz)?$/.test(f))
    .sort()
    .map((f) => path.join("samples", f));
}

/**
 * Runs `cmd args` in the repo with inherited output, announcing it as `== prefix: label`. On failure it throws an
 * Error naming the step and its exit status (callers decide whether that ends the process).
 */
export function runStep(prefix, label, cmd, args, env = process.env) {
  console.log(`\n== ${prefix}: ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) {
    const err = new Error(`${label} failed (exit ${r.status ?? r.signal})`);
    err.exitCode = r.status || 1;
    throw err;
  }
}

/** Like runStep, but a failure prints the reason and exits with the step's status. */
export function runStepOrExit(prefix, label, cmd, args, env = process.env) {
  try {
    runStep(prefix, label, cmd, args, env);
  } catch (e) {
    console.error(`\n${prefix}: ${e.message}`);
    process.exit(e.exitCode ?? 1);
  }
}
