// Entity pages and APIs end to end on the ingested samples: a commit named in three roles, a toolchain version
// reached from the tool index, a diagnostic, snippets, a Kconfig option, and the JSON the APIs answer.
import { expect, test } from "@playwright/test";

// "powerpc: slightly improve cache helpers" (clang-built-linux, August 2019): the test robot bisected a build
// error to it, Nick Desaulniers's dcbz fix names it in Fixes: by 12 digits, and his v3 reverts it.
const POWERPC = "6c5875843b87c3adea2beade9d1b8b3d4523900a";
const DCBZ_FIX = "20190809182106.62130-1-ndesaulniers@google.com";
// Sedat Dilek's reply quoting "ClangBuiltLinux clang version 9.0.0" built from llvm-project e82a53603ae3.
const SEDAT_CLANG9 = "CA+icZUWv0vAOSq_4BfbqrTdUSnN_D4ETVfpSHiATokCsY2R9pg@mail.gmail.com";
const OBJTOOL_TSAN = "objtool:fault_in_readable:call to __tsan_volatile_write1() with UACCESS enabled";

test("a commit page: one entity for 12 and 40 digits, mentions by role, chart, search and metadata", async ({ page }) => {
  await page.goto(`/commit/${POWERPC.slice(0, 12)}`);
  await expect(page.getByTestId("entity-title")).toContainText(POWERPC);
  await expect(page.getByTestId("commit-subject")).toHaveText("powerpc: slightly improve cache helpers");
  const roles = page.getByTestId("commit-role");
  await expect(roles).toHaveCount(3);
  expect(await roles.evaluateAll((els) => els.map((e) => e.getAttribute("data-role")))).toEqual(["bisected-to", "fixes", "reverts"]);
  await expect(roles.nth(1).getByTestId("mention")).toHaveCount(1);
  await expect(page.getByTestId("monthly-chart").locator("svg[role=img]")).toBeVisible();

  // Page metadata for link previews and the feed of new mentions.
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /6c5875843b87.*powerpc: slightly improve cache helpers/);
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /3 messages across 2 threads since 2019-08-01/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", new RegExp(`/commit/${POWERPC}/new\\.atom$`));

  // The fix, opened from the page.
  await roles.nth(1).getByTestId("mention-link").click();
  await expect(page).toHaveURL(new RegExp(`/clang-built-linux/${DCBZ_FIX.replace(/[.]/g, "\\.")}/$`));
  await expect(page.getByTestId("message").first()).toContainText("Fixes: 6c5875843b87");

  // The matching search finds the same three messages.
  await page.goBack();
  await page.getByTestId("entity-search").click();
  await expect(page).toHaveURL(/\/search\?q=commit%3A6c5875843b87/);
  await expect(page.getByTestId("search-hit")).toHaveCount(3);
});

test("commit URLs: repository form, unknown and malformed shas", async ({ page }) => {
  await page.goto(`/commit/linux/${POWERPC.slice(0, 7)}`);
  await expect(page.getByTestId("entity-title")).toContainText(POWERPC);
  for (const path of ["/commit/1234567", "/commit/llvm/6c58758", "/commit/not-a-sha"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByTestId("entity-not-found")).toBeVisible();
  }
});

test("toolchains: tool index → clang → 9.0.0 → a reporting message", async ({ page }) => {
  await page.goto("/toolchain");
  await page.getByTestId("toolchain-name").filter({ hasText: /^clang$/ }).click();
  await expect(page).toHaveURL(/\/toolchain\/clang$/);
  const versions = page.getByTestId("toolchain-version");
  const shown = await versions.allTextContents();
  expect(shown.indexOf("clang 10.0.0")).toBeLessThan(shown.indexOf("clang 9.0.0"));
  await versions.filter({ hasText: /^clang 9\.0\.0$/ }).click();
  await expect(page).toHaveURL(/\/toolchain\/clang\/9\.0\.0$/);
  await expect(page.getByTestId("entity-summary")).toContainText("Reported in 5 messages across 4 threads since 2019-08-12");
  await expect(page.getByTestId("toolchain-variants")).toContainText("ClangBuiltLinux");
  await expect(page.getByTestId("toolchain-variants")).toContainText("e82a53603ae3");
  await expect(page.getByTestId("monthly-chart").locator("svg")).toBeVisible();
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/toolchain\/clang\/9\.0\.0\/new\.atom$/);

  const group = page.getByTestId("thread-group").filter({ hasText: "git e82a53603ae3" });
  await group.getByTestId("mention-link").first().click();
  await expect(page).toHaveURL(/\/clang-built-linux\/CA\+icZUWv0vAOSq_4BfbqrTdUSnN_D4ETVfpSHiATokCsY2R9pg@mail\.gmail\.com\/$/);
  await expect(page.getByTestId("message").first()).toContainText("ClangBuiltLinux clang version 9.0.0");

  expect((await page.goto("/toolchain/clang/99.99"))?.status()).toBe(404);
  expect((await page.goto("/toolchain/no-such-tool"))?.status()).toBe(404);
});

test("a diagnostic from the index, filtered by tool, with its search", async ({ page }) => {
  await page.goto("/diag");
  await page.getByTestId("diag-tools").getByRole("link", { name: /^objtool/ }).click();
  await expect(page).toHaveURL(/\/diag\?tool=objtool$/);
  await page.getByTestId("diag-link").filter({ hasText: "fault_in_readable: call to __tsan_volatile_write1()" }).click();
  await expect(page.getByTestId("diag-signature")).toHaveText(OBJTOOL_TSAN);
  await expect(page.getByTestId("entity-summary")).toContainText("Seen in 3 threads since 2022-09-07");
  await expect(page.getByTestId("mention")).toHaveCount(3);
  await page.getByTestId("entity-search").click();
  await expect(page.getByTestId("search-hit")).toHaveCount(3);
  expect((await page.goto("/diag?tool=bogus"))?.status()).toBe(200);
  await expect(page.getByTestId("bad-param")).toContainText("bogus");
});

test("snippets by kind and arch, each linking to its message; a Kconfig option", async ({ page }) => {
  await page.goto("/snippets");
  await page.getByTestId("snippet-kinds").getByRole("link", { name: /^oops/ }).click();
  await page.getByTestId("snippet-arches").getByRole("link", { name: /^x86/ }).click();
  await expect(page).toHaveURL(/\/snippets\?kind=oops&arch=x86$/);
  const snippets = page.getByTestId("snippet");
  await expect(snippets).toHaveCount(3);
  await expect(snippets.first().getByTestId("snippet-text")).toContainText("BUG: KASAN");
  await snippets.first().getByTestId("snippet-message").click();
  await expect(page.getByTestId("message").first()).toContainText("BUG: KASAN");

  // patches keep no text in the database: the browser reads their lines from the message body
  await page.goto("/snippets?kind=patch");
  await expect(page.getByTestId("snippet-text").first()).toContainText(/^(?:diff |Index: |--- |@@ )/m);
  await expect(page.getByTestId("snippet-text").first()).toContainText("@@ -");

  await page.goto("/config/CPU_BIG_ENDIAN");
  await expect(page).toHaveURL(/\/config\/CONFIG_CPU_BIG_ENDIAN$/);
  await expect(page.getByTestId("entity-summary")).toContainText("CONFIG_CPU_BIG_ENDIAN=y");
  expect((await page.goto("/config/CONFIG_NO_SUCH_OPTION"))?.status()).toBe(404);
});

test("commit and toolchain APIs: JSON shapes, 400 and 404", async ({ request }) => {
  const commit = await request.get(`/api/commit/${POWERPC.slice(0, 12)}`);
  expect(commit.status()).toBe(200);
  const c = (await commit.json()) as { sha: string; repo: string; subject: string; mentions: { messageId: string; threadRoot: string; role: string; date: string }[] };
  expect(c).toMatchObject({ sha: POWERPC, repo: "linux", subject: "powerpc: slightly improve cache helpers" });
  expect(c.mentions.map((m) => m.role)).toEqual(["bisected-to", "fixes", "reverts"]);
  expect(c.mentions[1]).toEqual({ messageId: DCBZ_FIX, threadRoot: expect.any(String), role: "fixes", date: "2019-08-09T18:21:05.000Z" });
  expect((await (await request.get(`/api/commit/linux/${POWERPC}`)).json()).sha).toBe(POWERPC);

  const unknown = await request.get("/api/commit/1234567");
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error).toMatch(/1234567/);
  const bad = await request.get("/api/commit/xyz");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/hex/);

  const tool = (await (await request.get("/api/toolchain/clang")).json()) as { name: string; versions: { version: string; mentions: number; threads: number }[] };
  expect(tool.name).toBe("clang");
  expect(tool.versions.find((v) => v.version === "9.0.0")).toMatchObject({ mentions: 5, threads: 4 });

  const version = await request.get("/api/toolchain/clang/9.0.0");
  expect(version.status()).toBe(200);
  const v = (await version.json()) as { name: string; version: string; mentions: { messageId: string; threadRoot: string; vendor: string | null; gitHash: string | null; date: string }[] };
  expect(v).toMatchObject({ name: "clang", version: "9.0.0" });
  expect(v.mentions).toHaveLength(5);
  expect(v.mentions.find((m) => m.messageId === SEDAT_CLANG9)).toMatchObject({ vendor: "ClangBuiltLinux", gitHash: "e82a53603ae3fed2215a44b5ac603db00a780c02" });
  const dates = v.mentions.map((m) => m.date);
  expect(dates).toEqual([...dates].sort().reverse());
  const missing = await request.get("/api/toolchain/clang/99.99");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error).toBeTruthy();
});
