import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { cleanMessageId, extractMessageIds, messageIdAnchor, referenceIds, syntheticMessageId, isSyntheticMessageId, MAX_MID_SIZE } from "./msgid";

// Header values below are copied from corpus mail (notmuch, patchwork, linux-kbuild), including fuzzed ones.

test("cleanMessageId: brackets, folding, missing brackets, garbage", () => {
  assert.equal(cleanMessageId(" <17c5b8c7-80c4-c2b4-6eaf-704bfabb0a3c@linux.com>"), "17c5b8c7-80c4-c2b4-6eaf-704bfabb0a3c@linux.com");
  assert.equal(cleanMessageId("\n <b9f67b2be37d5e9740a5e1ed85b0e8b4e5c0eb91.1495511998.git.viresh.kumar@linaro.org>"), "b9f67b2be37d5e9740a5e1ed85b0e8b4e5c0eb91.1495511998.git.viresh.kumar@linaro.org");
  assert.equal(cleanMessageId("20160803231737.GA7257@flamenco"), "20160803231737.GA7257@flamenco");
  assert.equal(cleanMessageId("<1m>To: Fan Flliooooooooooooooooooooadcom.com,"), "1m");
  assert.equal(cleanMessageId(">"), "");
  assert.equal(cleanMessageId("<>"), "");
  assert.equal(cleanMessageId("   "), "");
  assert.equal(cleanMessageId(`<${"x".repeat(300)}@example.org>`).length, MAX_MID_SIZE);
});

test("extractMessageIds: comments after ids, several ids, ids without brackets", () => {
  assert.deepEqual(extractMessageIds(`<20091117203301.GV3165@dottiness.seas.harvard.edu> (Lars Kellogg-Stedman's message of "Tue, 17 Nov 2009 15:33:01 -0500")`), ["20091117203301.GV3165@dottiness.seas.harvard.edu"]);
  assert.deepEqual(extractMessageIds("<874l31r88y.fsf@concordia.ellerman.id.au> (sfid-20190801_032117_118545_20A85892)"), ["874l31r88y.fsf@concordia.ellerman.id.au"]);
  assert.deepEqual(extractMessageIds("<cover.1495511998.git.viresh.kumar@linaro.org>\n <b9f67b2be37d5e9740a5e1ed85b0e8b4e5c0eb91.1495511998.git.viresh.kumar@linaro.org>"), [
    "cover.1495511998.git.viresh.kumar@linaro.org",
    "b9f67b2be37d5e9740a5e1ed85b0e8b4e5c0eb91.1495511998.git.viresh.kumar@linaro.org",
  ]);
  assert.deepEqual(extractMessageIds("1464811283-10381-1-git-send-email-zajec5@gmail.com"), ["1464811283-10381-1-git-send-email-zajec5@gmail.com"]);
  assert.deepEqual(extractMessageIds("Your message of Tue, 17 Nov 2009"), []);
  assert.deepEqual(extractMessageIds("<1473632524-8585-1-git-send-email-stephenfinucane@g\ufffd\ufffd\ufffd.com>"), ["1473632524-8585-1-git-send-email-stephenfinucane@g\ufffd\ufffd\ufffd.com"]);
});

test("referenceIds: oldest first, de-duplicated, self and addresses removed, In-Reply-To appended", () => {
  const cover = "cover.1495511998.git.viresh.kumar@linaro.org";
  const p1 = "b9f67b2be37d5e9740a5e1ed85b0e8b4e5c0eb91.1495511998.git.viresh.kumar@linaro.org";
  const self = "ed9beaec36649c862369a34ea209822c00d86f52.1495511998.git.viresh.kumar@linaro.org";
  assert.deepEqual(referenceIds([`<${cover}> <${p1}>`, `<${cover}>`], [`<${p1}>`], self), [cover, p1]);
  assert.deepEqual(referenceIds([`<${cover}>`], [`<${p1}>`], self), [cover, p1], "In-Reply-To missing from References is appended");
  assert.deepEqual(referenceIds([`<${cover}> <${self}>`], [], self), [cover]);
  assert.deepEqual(referenceIds(["<viresh.kumar@linaro.org> <" + cover + ">"], ["y"], self, ["viresh.kumar@linaro.org"]), [cover]);
});

test("syntheticMessageId: a function of the bytes", () => {
  const a = Buffer.from("Subject: [PATCH 01/11] package/rpi-userland: rename patches\n\nbody\n");
  const id = syntheticMessageId(a);
  assert.equal(id, `${createHash("sha256").update(a).digest("hex").slice(0, 32)}@crosslore.invalid`);
  assert.equal(syntheticMessageId(Buffer.from(a)), id);
  assert.notEqual(syntheticMessageId(Buffer.concat([a, Buffer.from("\n")])), id);
  assert.ok(isSyntheticMessageId(id));
  assert.ok(!isSyntheticMessageId("20160803231737.GA7257@flamenco"));
});

test("messageIdAnchor: lore's #m anchor (the id when short and plain, else SHA-1 hex)", () => {
  assert.equal(messageIdAnchor("CAKwvOdkWPSnEq9yYGYtR3fUf_Jc-yp9-yvGKjQuRnUNLpLx1sw"), createHash("sha1").update("CAKwvOdkWPSnEq9yYGYtR3fUf_Jc-yp9-yvGKjQuRnUNLpLx1sw").digest("hex"));
  assert.equal(messageIdAnchor("20190801_032117"), "20190801_032117");
  assert.equal(messageIdAnchor("x".repeat(40)), "x".repeat(40));
  assert.equal(messageIdAnchor("17c5b8c7-80c4-c2b4-6eaf-704bfabb0a3c@linux.com"), createHash("sha1").update("17c5b8c7-80c4-c2b4-6eaf-704bfabb0a3c@linux.com").digest("hex"));
  assert.match(messageIdAnchor("Jiménez@example.com"), /^[0-9a-f]{40}$/);
});

test("git send-email's <yes> answer in In-Reply-To is not a parent (notmuch lkml corpus)", () => {
  // From the lkml corpus: "[PATCH 05/10] cifs: ..." sent with `In-Reply-To: <yes>` by an old git send-email.
  const refs = referenceIds(["<yes>"], ["<yes>"], "1277220214-3024-1-git-send-email-sjayaraman@suse.de");
  assert.deepEqual(refs, []);
  assert.deepEqual(referenceIds(["<no> <a@b>"], [], "x@y"), ["a@b"]);
});
