import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { openDatabase } from "./lib/db/sqlite";
import { ingest } from "./ingest/pipeline";
import { CHOICES_HEADER } from "./lib/links/redirector";

// What proxy.ts hands Next.js, over samples/clang-built-linux-2019-08.mbox.gz (see lib/links/redirector.test.ts).
const SAMPLE = path.join(import.meta.dirname, "samples/clang-built-linux-2019-08.mbox.gz");
const PATCH_2 = "20190828225535.49592-2-ndesaulniers@google.com";

describe("proxy", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosslore-proxy-"));
  const saved = process.env.DATABASE_URL;
  let proxy: typeof import("./proxy").proxy;
  const call = (pathAndQuery: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`http://localhost:3000${pathAndQuery}`, { headers }));
  // NextResponse.next({ request: { headers } }) lists overridden request headers under this name.
  const overridden = (res: Response) => res.headers.get("x-middleware-override-headers")?.split(",") ?? [];

  before(async () => {
    const file = path.join(dir, "p.db");
    const db = openDatabase({ file });
    await ingest(db, [SAMPLE], { warn: () => {} });
    db.close();
    process.env.DATABASE_URL = `file:${file}`;
    ({ proxy } = await import("./proxy"));
  });
  after(() => {
    process.env.DATABASE_URL = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("redirects with 302, keeps /T/ and the anchor", () => {
    const res = call(`/go?url=${encodeURIComponent(`https://lore.kernel.org/lkml/${PATCH_2}/T/#mabc`)}`);
    assert.equal(res.status, 302);
    assert.equal(res.headers.get("location"), `http://localhost:3000/clang-built-linux/${PATCH_2}/T/#mabc`);
  });

  test("a shared prefix: 300, and the choice header for next.config.ts's rewrite", () => {
    const res = call("/clang-built-linux/20190828225535.49592-1/");
    assert.equal(res.status, 300);
    assert.equal(res.headers.get("x-middleware-next"), "1");
    assert.ok(overridden(res).includes(CHOICES_HEADER));
    assert.equal(res.headers.get(`x-middleware-request-${CHOICES_HEADER}`), "mid=20190828225535.49592-1&view=message");
  });

  test("/go statuses: 404 and 400 on the page itself", () => {
    assert.equal(call(`/go?url=${encodeURIComponent("https://example.com/")}`).status, 404);
    assert.equal(call("/go?url=nothing").status, 400);
    assert.equal(call("/go").status, 200);
  });

  test("a client's own choice header is dropped; ordinary requests pass untouched", () => {
    const spoofed = call("/", { [CHOICES_HEADER]: "mid=20190828225535.49592-1&view=message" });
    assert.equal(spoofed.status, 200);
    assert.ok(overridden(spoofed).length > 0);
    assert.ok(!overridden(spoofed).includes(CHOICES_HEADER));
    const plain = call(`/clang-built-linux/${PATCH_2}/`);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers.get("x-middleware-next"), "1");
    assert.deepEqual(overridden(plain), []);
  });

  test("a path that is not valid percent-encoding is a plain 400", async () => {
    const res = call("/clang-built-linux/a%zz/");
    assert.equal(res.status, 400);
    assert.match(await res.text(), /not valid percent-encoding/);
  });
});
