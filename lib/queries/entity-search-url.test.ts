import { test } from "node:test";
import assert from "node:assert/strict";
import { parseQuery } from "../search/query";
import { commitSearchUrl, configSearchUrl, diagSearchUrl, majorVersion, toolchainSearchUrl } from "./entity-search-url";

const query = (url: string | null) => (url === null ? null : new URL(url, "http://x").searchParams.get("q"));

test("entity searches are queries the parser accepts, with the entity's own filter", () => {
  assert.equal(query(commitSearchUrl("6c5875843b87")), "commit:6c5875843b87");
  assert.deepEqual(parseQuery(query(toolchainSearchUrl("ld.lld", "11.0.0"))!), { kind: "toolchain", name: "ld.lld", version: "11.0.0" });
  assert.deepEqual(parseQuery(query(toolchainSearchUrl("clang"))!), { kind: "toolchain", name: "clang", version: null });
  assert.deepEqual(parseQuery(query(configSearchUrl("CONFIG_KASAN"))!), { kind: "config", name: "CONFIG_KASAN", prefix: false });
  const sig = "compiler:error:'sys_ni_syscall' undeclared here (not in a function); did you mean 'si_syscall'?";
  assert.deepEqual(parseQuery(query(diagSearchUrl(sig))!), { kind: "diag", value: sig });
});

test("what the query language cannot say gets no link, or the part it can", () => {
  assert.equal(commitSearchUrl("xyz"), null);
  assert.equal(toolchainSearchUrl("clang", "git"), null, "a version must start with a digit");
  // No escape for '"' inside quotes: the signature's head before the quote, which diag: matches as a prefix.
  assert.deepEqual(parseQuery(query(diagSearchUrl('modpost:"__divdi3" [vkms.ko] undefined!'))!), { kind: "diag", value: "modpost:" });
  assert.equal(diagSearchUrl('"x"'), null);
  assert.equal(majorVersion("18.1.8"), "18");
  assert.equal(majorVersion("git"), null);
});
