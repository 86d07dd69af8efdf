import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { publicBaseUrl } from "./config";

const headers = (h: Record<string, string>) => new Headers(h);
const saved = process.env.CROSSLORE_BASE_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.CROSSLORE_BASE_URL;
  else process.env.CROSSLORE_BASE_URL = saved;
});

test("publicBaseUrl: CROSSLORE_BASE_URL wins and loses its trailing slash", () => {
  process.env.CROSSLORE_BASE_URL = "https://crosslore.example.org/";
  assert.equal(publicBaseUrl(headers({ host: "10.0.0.5:3000" })), "https://crosslore.example.org");
});

test("publicBaseUrl: forwarded host and proto from a reverse proxy, first value of a list", () => {
  delete process.env.CROSSLORE_BASE_URL;
  assert.equal(publicBaseUrl(headers({ host: "127.0.0.1:3000", "x-forwarded-host": "kb.example.net, proxy", "x-forwarded-proto": "https" })), "https://kb.example.net");
  assert.equal(publicBaseUrl(headers({ host: "127.0.0.1:3000" })), "http://127.0.0.1:3000");
});

test("publicBaseUrl: a Host header that is not a host name is not echoed into links", () => {
  delete process.env.CROSSLORE_BASE_URL;
  assert.match(publicBaseUrl(headers({ host: "evil.example/<script>" })), /^http:\/\/localhost:\d+$/);
  assert.match(publicBaseUrl(), /^http:\/\/localhost:\d+$/);
});
