import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { workerScript } from "./worker-script";

test("workers run worker.ts bundled without keepNames, rebuilt when a source it bundles changes", () => {
  const first = workerScript();
  assert.equal(first.eval, false, "esbuild is installed: the bundle, not the tsx fallback");
  const bundle = fileURLToPath(first.script as URL);
  const code = fs.readFileSync(bundle, "utf8");
  assert.match(code, /function extractBatch\(/);
  assert.doesNotMatch(code, /__name\(/);
  assert.match(code, /from "mailparser"/, "node_modules stay imports");

  const inputs = JSON.parse(fs.readFileSync(`${bundle}.inputs.json`, "utf8")) as Record<string, [number, number]>;
  assert.ok("ingest/extract/commits.ts" in inputs && "lib/mail/segment.ts" in inputs, Object.keys(inputs).join(" "));
  const builtAt = fs.statSync(bundle).mtimeMs;
  workerScript();
  assert.equal(fs.statSync(bundle).mtimeMs, builtAt, "unchanged sources: the cached bundle is used");
  // a source that looks changed (its recorded size differs) makes the next call rebuild
  inputs["ingest/extract/commits.ts"][0] += 1;
  fs.writeFileSync(`${bundle}.inputs.json`, JSON.stringify(inputs));
  workerScript();
  assert.ok(fs.statSync(bundle).mtimeMs > builtAt || fs.readFileSync(`${bundle}.inputs.json`, "utf8") !== JSON.stringify(inputs), "rebuilt");
});
