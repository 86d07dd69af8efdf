// What an ingest worker thread runs: ingest/worker.ts bundled by esbuild into plain JavaScript, cached under
// node_modules/.cache/crosslore and rebuilt when one of its sources changes.
//
// Why not tsx, as the main thread runs: tsx compiles with esbuild's keepNames, which wraps every named closure
// in a call that redefines the function's name each time the closure is made. The extractors make dozens per
// message; on the kbuild archive that was a fifth of what extraction allocated and about 8% of its time, in
// the threads that do nearly all of ingest's CPU work. The bundle holds this project's modules only
// (node_modules stay imports, resolved from the cache directory up), so it is built in ~0.2 s.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

type Esbuild = typeof import("esbuild");

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ENTRY = path.join(ROOT, "ingest", "worker.ts");
const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "crosslore");
const BUNDLE = path.join(CACHE_DIR, "ingest-worker.mjs");
const MANIFEST = `${BUNDLE}.inputs.json`;

/** Source files (relative to the root) with the size and mtime they had when the bundle was built. */
type Manifest = Record<string, [number, number]>;

function stamp(rel: string): [number, number] | null {
  try {
    const st = fs.statSync(path.join(ROOT, rel));
    return [st.size, st.mtimeMs];
  } catch {
    return null;
  }
}

function upToDate(): boolean {
  try {
    if (!fs.existsSync(BUNDLE)) return false;
    const manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8")) as Manifest;
    const inputs = Object.entries(manifest);
    return inputs.length > 0 && inputs.every(([rel, was]) => {
      const now = stamp(rel);
      return now !== null && now[0] === was[0] && now[1] === was[1];
    });
  } catch {
    return false;
  }
}

/** Writes `text` to `file` through a temporary file and a rename, so that a concurrent reader sees all or nothing. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

function build(esbuild: Esbuild): void {
  const result = esbuild.buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    packages: "external",
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    metafile: true,
    absWorkingDir: ROOT, // metafile paths are relative to it
    logLevel: "silent",
  });
  const manifest: Manifest = {};
  for (const rel of Object.keys(result.metafile.inputs)) {
    const s = stamp(rel);
    if (s) manifest[rel] = s;
  }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  writeAtomically(BUNDLE, result.outputFiles[0].text);
  writeAtomically(MANIFEST, JSON.stringify(manifest));
}

/**
 * The worker to start: the bundle's file URL, or, when it cannot be built (no esbuild, a read-only tree), a
 * bootstrap that registers tsx and imports worker.ts itself. On Node 20 a worker ignores
 * `execArgv: ["--import", "tsx"]`, hence the bootstrap.
 */
export function workerScript(): { script: string | URL; eval: boolean } {
  try {
    if (!upToDate()) build(createRequire(import.meta.url)("esbuild") as Esbuild);
    return { script: pathToFileURL(BUNDLE), eval: false };
  } catch {
    const source = pathToFileURL(ENTRY).href;
    return { script: `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`, eval: true };
  }
}
