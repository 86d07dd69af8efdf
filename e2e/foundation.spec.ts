// The foundation, end to end on the ingested samples: search, read a message and its thread, permalinks, downloads.
import { expect, test } from "@playwright/test";
import { gunzipSync } from "node:zlib";

// A real linux-kbuild thread from the bundled January 2021 sample.
const ROOT = "CA+icZUVuk5PVY4_HoCoY2ymd27UjuDi6kcAmFb_3=dqkvOA_Qw@mail.gmail.com";

test("search from the front page and open a result", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("main").getByRole("searchbox", { name: "Search messages" });
  await box.fill("s:pahole");
  await box.press("Enter");
  const hits = page.getByTestId("search-hit");
  await expect(hits.first()).toBeVisible();
  expect(await hits.count()).toBeGreaterThan(1);
  await hits.first().locator("a").first().click();
  await expect(page.getByTestId("message").first()).toBeVisible();
  await expect(page.getByTestId("message-body").first()).toContainText(/\S/);
});

test("a malformed query gets a message, not a server error", async ({ page }) => {
  const res = await page.goto("/search?q=" + encodeURIComponent('"unbalanced'));
  expect(res?.status()).toBeLessThan(500);
  await expect(page.getByTestId("query-error")).toBeVisible();
});

test("/r/ permalink redirects to the canonical message page", async ({ page }) => {
  await page.goto(`/r/${encodeURIComponent(ROOT)}/`);
  await expect(page).toHaveURL(/\/linux-kbuild\/.+\/$/);
  await expect(page.getByTestId("message").first()).toContainText("pahole");
});

test("the thread page shows every message of the thread", async ({ page, request }) => {
  const api = await request.get(`/api/thread/${encodeURIComponent(ROOT)}`);
  expect(api.ok()).toBeTruthy();
  const { messages } = (await api.json()) as { messages: { ghost: boolean; messageId: string }[] };
  const real = messages.filter((m) => !m.ghost);
  expect(real.length).toBeGreaterThanOrEqual(10);
  await page.goto(`/r/${encodeURIComponent(ROOT)}/`);
  await page.goto(page.url() + "T/");
  await expect(page.getByTestId("thread-view")).toBeVisible();
  await expect(page.getByTestId("message")).toHaveCount(real.length);
  await expect(page.getByTestId("tree-row")).toHaveCount(messages.length);
});

test("raw message and t.mbox.gz download", async ({ page, request }) => {
  await page.goto(`/r/${encodeURIComponent(ROOT)}/`);
  const canonical = new URL(page.url()).pathname;
  const raw = await request.get(canonical + "raw");
  expect(raw.ok()).toBeTruthy();
  expect(raw.headers()["content-type"]).toMatch(/^text\/plain/);
  expect(await raw.text()).toContain(ROOT);

  const mbox = await request.get(canonical + "t.mbox.gz");
  expect(mbox.ok()).toBeTruthy();
  const text = gunzipSync(await mbox.body()).toString("latin1");
  const separators = text.match(/^From mboxrd@z Thu Jan  1 00:00:00 1970$/gm) ?? [];
  const thread = (await (await request.get(`/api/thread/${encodeURIComponent(ROOT)}`)).json()) as { messages: { ghost: boolean }[] };
  expect(separators.length).toBe(thread.messages.filter((m) => !m.ghost).length);
});

test("an unknown Message-ID gets a helpful 404 offering a search", async ({ page }) => {
  const res = await page.goto("/linux-kbuild/no-such-message@example.invalid/");
  expect(res?.status()).toBe(404);
  await expect(page.locator("a[href*='search']").first()).toBeVisible();
});
