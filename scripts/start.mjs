// `npm start`: serves the built site with `next start` on $PORT (default 3000), telemetry off.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.PORT || "3000";
if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
  console.error(`start: PORT must be a port number (1-65535), got "${port}"`);
  process.exit(2);
}
if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("start: no build found in .next/; run `npm run build` first");
  process.exit(2);
}
const next = path.join(root, "node_modules", ".bin", "next");
const args = ["start", "-p", port];
if (process.env.HOSTNAME) args.push("-H", process.env.HOSTNAME);
const child = spawn(next, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
