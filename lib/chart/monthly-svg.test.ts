import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { needsCorpus } from "../testing/corpus";
import { checkXml } from "../feeds/xml-check";
import { corpusMessages } from "../regressions/test-mail";
import { countByMonth, monthlyBarsSvg } from "./monthly-svg";

describe("monthlyBarsSvg", () => {
  test("messages mentioning LTO in a month of ClangBuiltLinux mail (2019-08), per month of their Date headers", needsCorpus(), async () => {
    const ms = await corpusMessages("cbl-googlegroup/clang-built-linux-2019-08.mbox", (raw) => raw.includes("LTO"));
    const counts = countByMonth(ms.map((m) => m.date));
    assert.equal(counts.reduce((n, c) => n + c.count, 0), ms.filter((m) => m.date).length);
    assert.ok(counts.some((c) => c.month === "2019-08"));
    const svg = monthlyBarsSvg(counts, { title: "Messages mentioning LTO <per month> & more", unit: "message", from: "2019-07", to: "2019-12" });
    const check = checkXml(svg);
    assert.ok(check.ok, `${check.parser}: ${check.error}`);
    assert.equal((svg.match(/<rect /g) ?? []).length, 6); // July..December, empty months drawn as zero
    const aug = counts.find((c) => c.month === "2019-08")!.count;
    assert.ok(svg.includes(`<title>2019-08: ${aug} message${aug === 1 ? "" : "s"}</title>`));
    assert.ok(svg.includes("<title>2019-12: 0 messages</title>"));
    assert.ok(svg.includes("Messages mentioning LTO &lt;per month&gt; &amp; more"));
    assert.ok(svg.includes('role="img"') && !svg.includes("<script"));
  });

  test("long ranges label years; bad input is ignored, not fatal", () => {
    const svg = monthlyBarsSvg(
      [{ month: "2019-04", count: 2 }, { month: "2026-07", count: 1 }, { month: "garbage", count: 9 }, { month: "2020-13", count: 9 }, { month: "2021-01", count: -3 }],
      { title: "t\u0001", idPrefix: "x" },
    );
    assert.ok(checkXml(svg).ok);
    assert.equal((svg.match(/<rect /g) ?? []).length, 88); // 2019-04 .. 2026-07
    assert.deepEqual(svg.match(/>(\d{4})<\/text>/g)?.length, 8); // the first month, then each January 2020..2026
    assert.ok(svg.includes("t\ufffd"));
    const empty = monthlyBarsSvg([], { title: "none" });
    assert.ok(checkXml(empty).ok);
    assert.ok(empty.includes("No reports."));
    assert.deepEqual(countByMonth([new Date("2024-01-31T23:59:59Z"), null, new Date("x"), new Date("2024-02-01T00:00:00Z")]), [
      { month: "2024-01", count: 1 },
      { month: "2024-02", count: 1 },
    ]);
  });
});
