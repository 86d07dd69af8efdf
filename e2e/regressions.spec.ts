// Regression stories end to end on samples/linux-kbuild-regressions.mbox.gz: the timeline of a real regression,
// and the /regressions list with its filters (a GET form that works without JavaScript).
import { expect, test } from "@playwright/test";

const RUSTDOC = "6b5747d07138"; // bisected by the kernel test robot (clang 19.1.7), fixed by Miguel Ojeda's v2
const RUSTDOC_REPORT = "Z9IsEPOnC+MGSAEA@rli9-mobl";
const CLANG_TOOLS = "9362d34acf91a706c543d919ade3e651b9bd2d6f"; // told to regzbot, reverted

test("a regression's story: report with its toolchain, bisection, fix v1 and v2, applied", async ({ page }) => {
  await page.goto(`/regressions/${RUSTDOC}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("error: Unrecognized option: 'remap-path-prefix'");
  await expect(page.getByTestId("regression-state")).toHaveAttribute("data-state", "fixed");
  await expect(page.getByTestId("regression-culprits")).toContainText(RUSTDOC);
  const kinds = await page.getByTestId("timeline-entry").evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
  const events = kinds.filter((k) => k !== "discussion");
  expect(events.slice(0, 4)).toEqual(["report", "fix-posted", "fix-posted", "fix-applied"]);
  const report = page.locator('[data-testid="timeline-entry"][data-kind="report"]');
  await expect(report).toContainText(/clang 19\./);
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="fix-posted"]').nth(1)).toContainText("v2");
  await expect(page.getByTestId("monthly-chart").locator("svg")).toHaveAttribute("role", "img");
  // Entries link to their messages.
  await report.getByRole("link", { name: /remap-path-prefix/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/linux-kbuild/${RUSTDOC_REPORT.replace(/[+]/g, "\\+")}/$`));
  await expect(page.getByTestId("message").first()).toContainText("remap-path-prefix");
});

test("a regzbot-tracked regression that was reverted, under /regressions/<repo>/<sha>", async ({ page }) => {
  await page.goto(`/regressions/linux/${CLANG_TOOLS}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("scripts/clang-tools: included .c files don't compile");
  await expect(page.getByTestId("regression-state")).toHaveAttribute("data-state", "reverted");
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="regzbot"]')).toContainText("#regzbot introduced");
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="revert"]').first()).toContainText('Revert "scripts/clang-tools');
});

test("an unknown culprit is a not-found page", async ({ page }) => {
  const res = await page.goto("/regressions/0123456789abcdef");
  expect(res?.status()).toBe(404);
});

test.describe("the /regressions list without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filters by state, toolchain and report date through the GET form", async ({ page }) => {
    await page.goto("/regressions");
    const rows = page.getByTestId("regression-row");
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId("monthly-chart").locator("svg")).toBeVisible();

    const form = page.getByTestId("regression-filters");
    await form.getByLabel("State").selectOption("reverted");
    await form.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/state=reverted/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute("data-sha", CLANG_TOOLS);

    await page.goto("/regressions");
    await form.getByLabel("Toolchain").fill("clang 19");
    await form.getByLabel("Reported since").fill("2025-01");
    await form.getByRole("button", { name: "Filter" }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute("data-sha", new RegExp(`^${RUSTDOC}`));
    await rows.first().getByRole("link").first().click();
    await expect(page.getByTestId("regression-timeline")).toBeVisible();
  });

  test("people's reports apart from the test robots'", async ({ page }) => {
    await page.goto("/regressions");
    const form = page.getByTestId("regression-filters");
    await form.getByLabel("Reported by").selectOption("robots");
    await form.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/reporter=robots/);
    // Every sample's robot reports are listed (the ClangBuiltLinux month has many); the person's report is not.
    const shas = () => page.getByTestId("regression-row").evaluateAll((els) => els.map((e) => e.getAttribute("data-sha") ?? ""));
    const robots = await shas();
    expect(robots.some((s) => s.startsWith(RUSTDOC))).toBeTruthy();
    expect(robots).not.toContain(CLANG_TOOLS);
    await page.getByTestId("regression-filters").getByLabel("Reported by").selectOption("people");
    await page.getByTestId("regression-filters").getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/reporter=people/);
    const people = await shas();
    expect(people).toContain(CLANG_TOOLS);
    expect(people.some((s) => s.startsWith(RUSTDOC))).toBeFalsy();
    expect(people.length + robots.length).toBeLessThanOrEqual(50);
  });

  test("a bad filter value gets a clear message", async ({ page }) => {
    const res = await page.goto("/regressions?since=yesterday");
    expect(res?.status()).toBeLessThan(500);
    await expect(page.getByTestId("filter-error")).toContainText('since "yesterday"');
  });
});

test("the culprit's commit page and the report's thread page carry the same timeline", async ({ page }) => {
  await page.goto(`/commit/${RUSTDOC}`);
  const onCommit = page.getByTestId("commit-regression");
  await expect(onCommit.getByTestId("regression-state")).toHaveAttribute("data-state", "fixed");
  const commitKinds = await onCommit.getByTestId("timeline-entry").evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
  expect(commitKinds.slice(0, 4)).toEqual(["report", "fix-posted", "fix-posted", "fix-applied"]);
  await onCommit.getByRole("link", { name: /whole story/ }).click();
  await expect(page).toHaveURL(new RegExp(`/regressions/${RUSTDOC}`));

  await page.goto(`/linux-kbuild/${RUSTDOC_REPORT}/T/`);
  const onThread = page.getByTestId("thread-regression").first();
  await expect(onThread.locator("summary")).toContainText("remap-path-prefix");
  await onThread.locator("summary").click();
  await expect(onThread.getByTestId("regression-state")).toHaveAttribute("data-state", "fixed");
  await expect(onThread.locator('[data-testid="timeline-entry"][data-kind="report"]')).toContainText(/clang 19\./);
});
