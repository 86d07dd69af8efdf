// Feeds and exports, end to end on the ingested samples: list, thread and search feeds parse as Atom in the
// browser and link to pages that open; a search's mbox.gz holds exactly the search's hits.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { gunzipSync } from "node:zlib";

// A real linux-kbuild thread from the bundled January 2021 sample (the pahole version check).
const ROOT = "CA+icZUVuk5PVY4_HoCoY2ymd27UjuDi6kcAmFb_3=dqkvOA_Qw@mail.gmail.com";
const ATOM_NS = "http://www.w3.org/2005/Atom";

interface ParsedFeed {
  error: string | null;
  namespace: string | null;
  entries: { link: string; updated: string; id: string }[];
}

/** The feed parsed by the browser's own XML parser, as a feed reader would. */
async function parseAtom(page: Page, xml: string): Promise<ParsedFeed> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const error = doc.getElementsByTagName("parsererror")[0]?.textContent ?? null;
    const root = doc.documentElement;
    const entries = [...root.children]
      .filter((e) => e.localName === "entry")
      .map((e) => ({
        link: [...e.children].find((c) => c.localName === "link" && c.getAttribute("rel") === "alternate")?.getAttribute("href") ?? "",
        updated: [...e.children].find((c) => c.localName === "updated")?.textContent ?? "",
        id: [...e.children].find((c) => c.localName === "id")?.textContent ?? "",
      }));
    return { error, namespace: root.namespaceURI, entries };
  }, xml);
}

async function fetchFeed(page: Page, request: APIRequestContext, url: string): Promise<ParsedFeed> {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^application\/atom\+xml/);
  const feed = await parseAtom(page, await res.text());
  expect(feed.error).toBeNull();
  expect(feed.namespace).toBe(ATOM_NS);
  return feed;
}

const newestFirst = (dates: string[]) => [...dates].sort().reverse();

test("the list page links its Atom feed, whose entries open message pages", async ({ page, request }) => {
  await page.goto("/linux-kbuild/");
  const head = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(head).toHaveAttribute("href", /\/linux-kbuild\/new\.atom$/);
  await expect(page.locator('head link[rel="search"]')).toHaveAttribute("href", "/opensearch.xml");
  const visible = page.getByTestId("feed-links").getByRole("link", { name: "Atom feed" });
  const feed = await fetchFeed(page, request, (await visible.getAttribute("href"))!);
  expect(feed.entries.length).toBe(50);
  expect(feed.entries.map((e) => e.updated)).toEqual(newestFirst(feed.entries.map((e) => e.updated)));
  for (const entry of [feed.entries[0], feed.entries.at(-1)!]) {
    await page.goto(entry.link);
    await expect(page.getByTestId("message").first()).toBeVisible();
  }
});

test("a thread's t.atom has one entry per real message of the thread", async ({ page, request }) => {
  const thread = (await (await request.get(`/api/thread/${encodeURIComponent(ROOT)}`)).json()) as { messages: { ghost: boolean; messageId: string }[] };
  const real = thread.messages.filter((m) => !m.ghost).map((m) => m.messageId);
  expect(real.length).toBeGreaterThanOrEqual(10);
  await page.goto(`/r/${encodeURIComponent(ROOT)}/`);
  const canonical = new URL(page.url()).pathname;
  const feed = await fetchFeed(page, request, `${canonical}t.atom`);
  expect(feed.entries.length).toBe(real.length);
  expect(feed.entries.map((e) => e.updated)).toEqual(newestFirst(feed.entries.map((e) => e.updated)));
  await page.goto(feed.entries[0].link);
  await expect(page.getByTestId("message").first()).toBeVisible();
});

/** Every hit of a search through the JSON API, in its order. */
async function allHits(request: APIRequestContext, q: string, list?: string): Promise<{ total: number; ids: string[] }> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const params = new URLSearchParams({ q, page: String(page), ...(list ? { list } : {}) });
    const r = (await (await request.get(`/api/search?${params}`)).json()) as { total: number; hits: { messageId: string }[] };
    ids.push(...r.hits.map((h) => h.messageId));
    if (r.hits.length === 0 || ids.length >= r.total) return { total: r.total, ids };
  }
}

test("a search's x=A feed holds its newest hits", async ({ page, request }) => {
  const { total } = await allHits(request, "s:pahole");
  expect(total).toBeGreaterThan(2);
  await page.goto("/search?q=s%3Apahole");
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/search\?q=s%3Apahole&x=A$/);
  const feed = await fetchFeed(page, request, "/search?q=s%3Apahole&x=A");
  expect(feed.entries.length).toBe(Math.min(total, 50));
  expect(feed.entries.map((e) => e.updated)).toEqual(newestFirst(feed.entries.map((e) => e.updated)));
  await page.goto(feed.entries.at(-1)!.link);
  await expect(page.getByTestId("message").first()).toContainText(/pahole/i);

  const bad = await request.get("/search?q=" + encodeURIComponent('"unbalanced') + "&x=A");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toBeTruthy();
});

/** Message-IDs of a gzipped mboxrd, in file order. */
function mboxMessageIds(gz: Buffer): string[] {
  return gunzipSync(gz)
    .toString("latin1")
    .split(/^From mboxrd@z Thu Jan {2}1 00:00:00 1970\n/m)
    .filter((m) => m !== "")
    .map((m) => /^message-id:\s*<([^>]+)>/im.exec(m.slice(0, m.indexOf("\n\n")))?.[1] ?? "(none)");
}

test("a search's mbox.gz link downloads exactly its hits (GET), and b4's POST gets the same", async ({ page, request }) => {
  const hits = await allHits(request, "pahole", "linux-kbuild");
  expect(hits.total).toBeGreaterThan(5);
  await page.goto("/linux-kbuild/?q=pahole");
  const link = page.getByTestId("feed-links").getByRole("link", { name: "mbox.gz" });
  const href = (await link.getAttribute("href"))!;
  expect(href).toBe("/linux-kbuild/?q=pahole&x=m");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("results-pahole.mbox.gz");

  const res = await request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/gzip");
  expect(res.headers()["x-crosslore-hits"]).toBe(String(hits.total));
  const ids = mboxMessageIds(await res.body());
  expect(ids.length).toBe(hits.total);
  expect(ids).toEqual(hits.ids);

  const posted = await request.post(href);
  expect(posted.status()).toBe(200);
  expect(mboxMessageIds(await posted.body())).toEqual(hits.ids);
});

test("a search export stops at the cap and says so, on the page and in its headers", async ({ page, request }) => {
  const q = "d:19700101..";
  const { total } = (await (await request.get(`/api/search?${new URLSearchParams({ q })}`)).json()) as { total: number };
  expect(total).toBeGreaterThan(1000);
  await page.goto(`/search?${new URLSearchParams({ q })}`);
  await expect(page.getByTestId("feed-links")).toContainText(`(the first 1,000 of ${total.toLocaleString("en-US")} messages)`);
  const res = await request.get(`/search?${new URLSearchParams({ q, x: "m" })}`);
  expect(res.headers()["x-crosslore-limit"]).toBe("1000");
  expect(res.headers()["x-crosslore-hits"]).toBe(String(total));
  expect(res.headers()["x-crosslore-messages"]).toBe("1000");
  expect(mboxMessageIds(await res.body()).length).toBe(1000);
});

test("opensearch.xml is served with its media type", async ({ request }) => {
  const res = await request.get("/opensearch.xml");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^application\/opensearchdescription\+xml/);
  expect(await res.text()).toContain("{searchTerms}");
});
