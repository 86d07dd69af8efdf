// Links from bug trackers, end to end on the ingested samples: /go?url= for archive links, partial Message-IDs
// (one match redirects, several answer 300 with a choice page) and /links backlinks for a tracker URL.
import { expect, test } from "@playwright/test";

// Nick Desaulniers' series "[PATCH v3 00/14] treewide: prefer __section …" in clang-built-linux-2019-08:
// 20190828225535.49592-1-… and -10-… to -15-… share the fragment "20190828225535.49592-1".
const PATCH_2 = "20190828225535.49592-2-ndesaulniers@google.com";
const PATCH_2_ANCHOR = "m500844f111085c63640f5c002dc88558a7be50b1"; // lore's "m" + id_compress(PATCH_2)
const go = (url: string) => `/go?url=${encodeURIComponent(url)}`;

test("a lore thread link with an anchor lands on the same thread view and message here", async ({ page }) => {
  await page.goto(go(`https://lore.kernel.org/lkml/${PATCH_2}/T/#${PATCH_2_ANCHOR}`));
  await expect(page).toHaveURL(new RegExp(`/clang-built-linux/${PATCH_2.replace(/[.]/g, "\\.")}/T/#${PATCH_2_ANCHOR}$`));
  await expect(page.getByTestId("thread-view")).toBeVisible();
  await expect(page.locator(`[id="${PATCH_2_ANCHOR}"]`)).toContainText("s390/boot: fix section name escaping");
});

test("lkml.kernel.org/r and msgid.link links land on the message page", async ({ page, request }) => {
  for (const link of [`https://lkml.kernel.org/r/${PATCH_2}`, `https://msgid.link/${PATCH_2}`]) {
    const res = await request.get(go(link), { maxRedirects: 0 });
    expect(res.status(), link).toBe(302);
    expect(new URL(res.headers()["location"], "http://x").pathname).toBe(`/clang-built-linux/${PATCH_2}/`);
  }
  await page.goto(go(`https://msgid.link/${PATCH_2}`));
  await expect(page.getByTestId("message").first()).toContainText("__section");
});

test("a Message-ID this archive lacks: 404 page that names the reason and links the original", async ({ page }) => {
  const original = "https://lore.kernel.org/lkml/20990101000000.12345-1-nobody@example.org/";
  const res = await page.goto(go(original));
  expect(res?.status()).toBe(404);
  const box = page.getByTestId("not-in-archive");
  await expect(box).toHaveAttribute("data-cause", "not-ingested");
  await expect(page.getByTestId("original-link")).toHaveAttribute("href", original);

  const other = await page.goto(go("https://example.com/tracker/1"));
  expect(other?.status()).toBe(404);
  await expect(page.getByTestId("not-in-archive")).toHaveAttribute("data-cause", "unknown-host");
});

test("/go: the form, and 400 for text that is not a link", async ({ page }) => {
  const form = await page.goto("/go");
  expect(form?.status()).toBe(200);
  await page.getByTestId("link-form").locator("input").fill(`https://lore.kernel.org/all/${PATCH_2}/`);
  await page.getByTestId("link-form").locator("button").click();
  await expect(page).toHaveURL(new RegExp(`/clang-built-linux/${PATCH_2.replace(/[.]/g, "\\.")}/$`));
  const bad = await page.goto("/go?url=see+the+thread");
  expect(bad?.status()).toBe(400);
  await expect(page.getByTestId("go-bad-request")).toBeVisible();
});

test("a Message-ID cut short: one match redirects, a shared prefix answers 300 with the candidates", async ({ page, request }) => {
  const one = await request.get("/clang-built-linux/20190828225535.49592-2-ndesaulniers@goo/", { maxRedirects: 0 });
  expect(one.status()).toBe(302);
  expect(new URL(one.headers()["location"], "http://x").pathname).toBe(`/clang-built-linux/${PATCH_2}/`);

  const res = await page.goto("/clang-built-linux/20190828225535.49592-1/");
  expect(res?.status()).toBe(300);
  expect(new URL(page.url()).pathname).toBe("/clang-built-linux/20190828225535.49592-1/");
  const choices = page.getByTestId("message-choices").locator("li");
  await expect(choices).toHaveCount(7);
  await expect(page.getByTestId("message-choices")).toContainText("[PATCH v3 00/14] treewide: prefer __section");
  await choices.first().locator("a").click();
  await expect(page.getByTestId("message").first()).toBeVisible();
});

test("/links: threads that mention a ClangBuiltLinux issue, however the link is written", async ({ page, request }) => {
  const res = await page.goto("/links?url=" + encodeURIComponent("ClangBuiltLinux/linux#619"));
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId("links-target")).toHaveText("https://github.com/clangbuiltlinux/linux/issues/619");
  const threads = page.getByTestId("backlink-thread");
  await expect(threads.first()).toBeVisible();
  const shown = await threads.count();

  const api = await request.get("/api/links?url=" + encodeURIComponent("http://www.github.com/ClangBuiltLinux/linux/issues/619#issuecomment-1"));
  expect(api.ok()).toBeTruthy();
  const body = (await api.json()) as { normUrl: string; threadCount: number; threads: { url: string }[] };
  expect(body.normUrl).toBe("https://github.com/clangbuiltlinux/linux/issues/619");
  expect(body.threadCount).toBe(shown);

  await threads.first().locator("a.subject").click();
  await expect(page.getByTestId("thread-view")).toContainText(/github\.com\/ClangBuiltLinux\/linux\/issues\/619/i);

  const bad = await request.get("/api/links?kind=issues");
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: string }).error).toMatch(/kind=issues/);
});

test("/links without a url: the most-linked trackers, filterable by kind", async ({ page }) => {
  await page.goto("/links?kind=bug");
  const rows = page.getByTestId("linked-urls").locator("li");
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().locator(".pill")).toHaveText("bug");
  await rows.first().locator("a").click();
  await expect(page.getByTestId("backlink-thread").first()).toBeVisible();
});
