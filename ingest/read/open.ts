// Opens a source file as a stream of uncompressed bytes (plain, gzip, or xz through the xz program),
// reporting the bytes read from disk so progress reflects the compressed size.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import zlib from "node:zlib";

export type Compression = "gzip" | "xz" | null;

// Large reads keep the per-chunk overhead of the splitter and of gunzip low.
const READ_CHUNK = 1 << 20;

let xzFound: boolean | undefined;

/** Whether the xz program can be run; .xz sources need it. */
export function xzAvailable(): boolean {
  if (xzFound === undefined) xzFound = !spawnSync("xz", ["--version"], { stdio: "ignore" }).error;
  return xzFound;
}

export const XZ_MISSING = "the xz program is needed to read .xz files and was not found (install xz-utils)";

function readFile(path: string, onRead: (bytes: number) => void): fs.ReadStream {
  const file = fs.createReadStream(path, { highWaterMark: READ_CHUNK });
  file.on("data", (chunk) => onRead(chunk.length));
  return file;
}

async function* gunzip(path: string, onRead: (bytes: number) => void): AsyncGenerator<Buffer> {
  const file = readFile(path, onRead);
  const gz = zlib.createGunzip({ chunkSize: READ_CHUNK });
  file.on("error", (err) => gz.destroy(err));
  file.pipe(gz);
  try {
    for await (const chunk of gz) yield chunk as Buffer;
  } catch (err) {
    throw new Error(`${path}: cannot gunzip: ${(err as Error).message}`);
  } finally {
    file.destroy();
    gz.destroy();
  }
}

async function* unxz(path: string, onRead: (bytes: number) => void): AsyncGenerator<Buffer> {
  if (!xzAvailable()) throw new Error(`${path}: ${XZ_MISSING}`);
  const child = spawn("xz", ["-dc"], { stdio: ["pipe", "pipe", "pipe"] });
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (s: string) => (stderr += s));
  const file = readFile(path, onRead);
  // A consumer that stops early closes xz's stdin under the file stream: that is not an error to report.
  child.stdin.on("error", () => {});
  file.on("error", (err) => child.stdout.destroy(err));
  file.pipe(child.stdin);
  let finished = false;
  try {
    for await (const chunk of child.stdout) yield chunk as Buffer;
    const code = await exited;
    finished = true;
    if (code !== 0) throw new Error(`${path}: xz failed (exit ${code}): ${stderr.trim() || "no message"}`);
  } finally {
    file.destroy();
    if (!finished) child.kill();
  }
}

/** The uncompressed bytes of `path`; `onRead` receives the number of bytes read from the file itself. */
export function openBytes(path: string, compression: Compression, onRead: (bytes: number) => void): AsyncIterable<Buffer> {
  if (compression === "gzip") return gunzip(path, onRead);
  if (compression === "xz") return unxz(path, onRead);
  return readFile(path, onRead);
}
