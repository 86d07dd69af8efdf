// End-to-end run: ingest the bundled samples into a fresh database with the real CLI, build the site, serve it
// with `next start` on a free port, and drive Debian's chromium through Playwright against it.
// Arguments are passed to `playwright test`: `node e2e/run.mjs e2e/commit.spec.ts` runs one spec file.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { bin, root, runStep, sampleArchives } from "../scripts/steps.mjs";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "crosslore-e2e-"));
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: `file:${path.join(work, "e2e.db")}`,
};
delete env.MEILI_URL; // the end-to-end suite exercises the embedded default

const step = (label, cmd, args) => runStep("e2e", label, cmd, args, env);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitForServer(url, server, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not answer within ${timeoutMs / 1000} s`);
}

let server;
let status = 1;
try {
  step("ingest samples", bin("tsx"), ["ingest/cli.ts", ...sampleArchives()]);
  step("build", bin("next"), ["build"]);
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  server = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env, stdio: "inherit" });
  await waitForServer(baseURL + "/", server);
  const r = spawnSync(bin("playwright"), ["test", "-c", "e2e/playwright.config.ts", ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
    env: { ...env, E2E_BASE_URL: baseURL },
  });
  status = r.status ?? 1;
} catch (e) {
  console.error(`e2e: ${e.message}`);
} finally {
  server?.kill("SIGTERM");
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(status);
