// What the mail says, end to end on the ingested samples: the facts panel and its links, snippets marked in the
// body, the cite menu, link-preview meta tags and the entities in the JSON API.
import { expect, test } from "@playwright/test";

// The kbuild test robot's powerpc report (clang-built-linux, August 2019): bisected to ed4289e8b488, built with
// clang 10.0.0 at 45a3fd206fb0, one powerpc build log, compiler errors "unknown register name 'r2' in asm".
const ROBOT = "201908031145.UTyrr2mj%lkp@intel.com";
const ROBOT_SUBJECT = "[linuxppc:fixes-test 7/8] arch/powerpc/include/asm/current.h:32:43: error: unknown register name 'r2' in asm";
// Nick Desaulniers's x86/purgatory v5 series: patches 1 and 2 both say "Fixes: 8fc5b4d4121c".
const PURGATORY = "20190807221539.94583-1-ndesaulniers@google.com";
// A reply in which extraction finds nothing at all.
const PLAIN_REPLY = "CAMn1gO51aDnLLMNkr36T3UFVEN48QczOa46YriznYrSqaJF=wA@mail.gmail.com";

const r = (mid: string) => `/r/${encodeURIComponent(mid)}/`;

test("the robot's report: facts panel links to the entity pages, its listing link lands on the marked build log", async ({ page }) => {
  await page.goto(r(ROBOT));
  await expect(page).toHaveURL(/\/clang-built-linux\/.+\/$/);
  const panel = page.getByTestId("facts-panel");
  await expect(panel).toBeVisible();

  const bisected = panel.getByTestId("facts-commits").locator("li[data-role='bisected-to']");
  await expect(bisected).toContainText("bisected to");
  await expect(bisected.getByRole("link", { name: "ed4289e8b488" })).toHaveAttribute("href", "/commit/ed4289e8b48845888ee46377bd2b55884a55e60b");
  await expect(panel.getByTestId("facts-toolchains").getByRole("link", { name: "clang 10.0.0" })).toHaveAttribute("href", "/toolchain/clang/10.0.0");
  await expect(panel.getByTestId("facts-toolchains")).toContainText("45a3fd206fb0");
  await expect(panel.getByTestId("facts-configs").getByRole("link", { name: "CONFIG_CPU_BIG_ENDIAN" })).toHaveAttribute("href", "/config/CONFIG_CPU_BIG_ENDIAN");
  await expect(panel.getByTestId("facts-diagnostics").getByRole("link", { name: "error: unknown register name 'r2' in asm" })).toHaveAttribute(
    "href",
    "/diag/compiler%3Aerror%3Aunknown%20register%20name%20'r2'%20in%20asm",
  );
  await expect(panel.getByTestId("facts-trailers")).toContainText("Reported-by");

  const listing = panel.getByTestId("facts-snippets").getByRole("link", { name: "build log · powerpc" });
  const href = await listing.getAttribute("href");
  expect(href).toMatch(/^#snippet-\d+$/);
  const marked = page.getByTestId("message-body").locator(href!);
  await expect(marked).toHaveAttribute("data-snippet-kind", "build-log");
  await expect(marked).toHaveAttribute("data-snippet-arch", "powerpc");
  await expect(marked.locator("pre")).toContainText("In file included from kernel/bounds.c:10:");
  await listing.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(marked).toBeInViewport();
});

test("cite: a Link: trailer, a Markdown link and a summary, shown without scripts and copied with them", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(r(ROBOT));
  const cite = page.getByTestId("cite");
  await cite.locator("summary").click();
  const trailer = `Link: ${baseURL}/r/201908031145.UTyrr2mj%25lkp@intel.com`;
  await expect(cite.getByTestId("cite-trailer")).toHaveValue(trailer);
  await expect(cite.getByTestId("cite-link")).toHaveValue(/^\[\\\[linuxppc:fixes-test 7\/8\\\] arch\/powerpc\/.*'r2' in asm\]\(http:\/\/.+\/r\/201908031145\.UTyrr2mj%25lkp@intel\.com\)$/);
  await expect(cite.getByTestId("cite-summary")).toHaveValue(/kbuild test robot, 2019-08-03\)/);
  await expect(cite.getByTestId("cite-summary")).toHaveValue(/`ed4289e8b488` bisected to/);
  await expect(cite.getByTestId("cite-summary")).toHaveValue(/clang 10\.0\.0/);
  await cite.getByTestId("copy-button").first().click();
  await expect(cite.getByTestId("copy-button").first()).toHaveText("copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(trailer);
});

test("cite texts are in the page for readers without scripts", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto(r(ROBOT));
  await page.getByTestId("cite").locator("summary").click();
  await expect(page.getByTestId("cite-trailer")).toHaveValue(/^Link: http.*\/r\/201908031145\.UTyrr2mj%25lkp@intel\.com$/);
  await expect(page.getByTestId("copy-button").first()).toBeHidden();
  await context.close();
});

test("link previews: OpenGraph and Twitter meta with subject, author, date and first words, absolute URL", async ({ page }) => {
  await page.goto(r(ROBOT));
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", ROBOT_SUBJECT);
  const description = await page.locator('meta[property="og:description"]').getAttribute("content");
  expect(description).toMatch(/^kbuild test robot, 2019-08-03: /);
  expect(description!.length).toBeLessThanOrEqual(200);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", /^https?:\/\/[^/]+\/clang-built-linux\/201908031145\.UTyrr2mj%25lkp@intel\.com\/$/);
  await expect(page.locator('meta[name="twitter:title"]')).toHaveAttribute("content", ROBOT_SUBJECT);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");
});

test("/api/message has the entities of the message", async ({ request }) => {
  const res = await request.get(`/api/message/${encodeURIComponent(ROBOT)}`);
  expect(res.ok()).toBeTruthy();
  const { entities } = await res.json();
  expect(entities.commits).toContainEqual({ sha: "ed4289e8b48845888ee46377bd2b55884a55e60b", repo: "linux", subject: null, role: "bisected-to" });
  expect(entities.toolchains).toEqual([{ name: "clang", version: "10.0.0", vendor: null, gitHash: "45a3fd206fb06f77a08968c99a8172cbf2ccdd0f" }]);
  expect(entities.snippets).toHaveLength(1);
  expect(entities.snippets[0]).toMatchObject({ kind: "build-log", arch: "powerpc", startLine: 20 });
  expect(entities.diagnostics.map((d: { signature: string }) => d.signature)).toContain("compiler:error:unknown register name 'r2' in asm");
  expect(entities.configs).toEqual([{ name: "CONFIG_CPU_BIG_ENDIAN", value: null }]);
  expect(entities.trailers).toEqual([
    { name: "Cc", value: "kbuild-all@01.org" },
    { name: "Reported-by", value: "kbuild test robot <lkp@intel.com>" },
  ]);
  for (const key of ["kernelVersions", "links"]) expect(Array.isArray(entities[key])).toBeTruthy();
});

test("thread page: the panel merges the thread, each fact pointing at its messages; every message can be cited", async ({ page, request }) => {
  await page.goto(r(PURGATORY));
  await page.goto(page.url() + "T/");
  const panel = page.getByTestId("facts-panel");
  await expect(panel).toContainText("In this thread");
  const fixes = panel.locator("li[data-role='fixes']");
  await expect(fixes).toHaveCount(1);
  await expect(fixes.getByRole("link", { name: "8fc5b4d4121c" })).toHaveAttribute("href", "/commit/8fc5b4d4121c");
  // Stated by patches 1 and 2: two links to those messages on this page.
  const sources = fixes.locator("a[href^='#m']");
  await expect(sources).toHaveCount(2);
  for (const a of await sources.all()) await expect(page.locator(`article${await a.getAttribute("href")}`)).toBeVisible();

  // "Link:" trailers and bug-tracker links are followable; "Cc: stable" is shown, ordinary Cc: trailers are not.
  const bug = "https://bugs.chromium.org/p/chromium/issues/detail?id=984056";
  await expect(panel.getByTestId("facts-trailers").locator(`a[href="${bug}"]`)).toHaveCount(1);
  await expect(panel.getByTestId("facts-links-bug").locator(`a[href="${bug}"]`)).toHaveCount(1);
  await expect(panel.getByTestId("facts-trailers")).toContainText("stable@vger.kernel.org");

  const articles = page.getByTestId("message");
  expect(await articles.count()).toBe(3);
  await expect(page.getByTestId("cite")).toHaveCount(3);
  // Snippet anchors are unique on the page and each one the panel names is in a body.
  const ids = await page.locator("[id^='snippet-']").evaluateAll((els) => els.map((e) => e.id));
  expect(new Set(ids).size).toBe(ids.length);
  for (const a of await panel.getByTestId("facts-snippets").locator("a[href^='#snippet-']").all()) {
    await expect(page.locator(`${await a.getAttribute("href")}[data-snippet-kind]`)).toHaveCount(1);
  }

  const api = await (await request.get(`/api/thread/${encodeURIComponent(PURGATORY)}`)).json();
  const apiFixes = api.entities.commits.filter((c: { role: string }) => c.role === "fixes");
  expect(apiFixes).toEqual([{ sha: "8fc5b4d4121c", repo: "linux", subject: "purgatory: core purgatory functionality", role: "fixes", messages: [PURGATORY, "20190807221539.94583-2-ndesaulniers@google.com"] }]);
});

test("a message where nothing was found has no panel, but can still be cited", async ({ page }) => {
  await page.goto(r(PLAIN_REPLY));
  await expect(page.getByTestId("message")).toBeVisible();
  await expect(page.getByTestId("facts-panel")).toHaveCount(0);
  await expect(page.getByTestId("cite")).toHaveCount(1);
});
