import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { needsCorpus } from "../../lib/testing/corpus";
import { corpusBody } from "./corpus-bodies";
import { extractContext } from "./context";
import { extractDiagnostics } from "./diagnostics";

async function diagnosticsOf(rel: string, id: string) {
  const { subject, body } = await corpusBody(rel, id);
  return extractDiagnostics(extractContext(subject, body));
}
const of = (body: string, subject = "") => extractDiagnostics(extractContext(subject, body));

describe("extractDiagnostics on real mail", needsCorpus(), () => {
  test("a robot's clang error, once although printed for two lines, with its flag; notes are not diagnostics", async () => {
    const got = await diagnosticsOf("cbl-googlegroup/clang-built-linux-2019-08.mbox", "201908010232.VAMa5bkC%lkp@intel.com");
    assert.equal(got.length, 1);
    assert.equal(got[0].tool, "compiler");
    assert.equal(got[0].signature, "compiler:error:implicit declaration of function '__mod_lruvec_slab_state' [-Werror,-Wimplicit-function-declaration]");
  });
  test("a KASAN report: title, symbol and call trace without offsets", async () => {
    const [d, ...rest] = await diagnosticsOf("kasan-dev/kasan-dev-2022-09.mbox", "20220919031241.1358001-1-feng.tang@intel.com");
    assert.deepEqual(rest, []);
    assert.equal(d.tool, "kernel");
    assert.equal(d.kind, "kasan");
    assert.equal(d.symbol, "kobject_del");
    assert.equal(d.signature, "kernel:KASAN:use-after-free:kobject_del");
    assert.deepEqual(d.frames?.slice(0, 3), ["kobject_del", "kmem_cache_destroy", "test_exit"]);
  });
  test("an ld.lld undefined symbol and its >>> lines", async () => {
    const got = await diagnosticsOf("linux-kbuild/linux-kbuild-2021-01.mbox", "20210111210418.GA3660906@ubuntu-m3-large-x86");
    assert.deepEqual(got.map((d) => [d.tool, d.symbol, d.signature]), [["linker", "__llvm_profile_instrument_memop", "linker:undefined symbol: __llvm_profile_instrument_memop"]]);
  });
  test("warnings the mail client wrapped right after \"warning:\" (message and flag on the next lines)", async () => {
    const got = (await diagnosticsOf("cbl-googlegroup/clang-built-linux-2019-08.mbox", "CA+icZUWmmC7CruvXx6U0cdXMLaMWJadU=T61E0om1rOuW3==pw@mail.gmail.com")).map((d) => d.signature);
    // "drivers/net/ethernet/atheros/atl1c/atl1c_main.c:184:20: warning:\nunused function 'atl1c_irq_reset' [-Wunused-function]"
    assert.ok(got.includes("compiler:warning:unused function 'atl1c_irq_reset' [-Wunused-function]"));
    // "…/ieee80211_rx.c:2072:18: warning:\nunused function 'ieee80211_SignalStrengthTranslate'\n[-Wunused-function]"
    assert.ok(got.includes("compiler:warning:unused function 'ieee80211_SignalStrengthTranslate' [-Wunused-function]"));
    // the ones wrapped later in the line were found before and still are, once each
    assert.equal(got.filter((s) => s === "compiler:warning:unused function 'vop_sec' [-Wunused-function]").length, 1);
    assert.equal(got.length, 147);
  });
  test("a diagnostic only quoted in a reply is not the reply's; the reply's subject that repeats the robot's is", async () => {
    const got = await diagnosticsOf("cbl-googlegroup/clang-built-linux-2019-08.mbox", "20190731182033.GA60559@archlinux-threadripper");
    // Subject: "Re: [driver-core:driver-core-testing 10/14] drivers/of/platform.c:629:28: error: initializing …"
    assert.deepEqual(got.map((d) => [d.tool, d.signature]), [["compiler", "compiler:error:initializing 'struct supplier_bindings *' with an expression of type 'const struct supplier_bindings [4]' discards qualifiers"]]);
    assert.match(got[0].text, /^Re: \[driver-core:/);
  });
});

describe("extractDiagnostics on written cases", () => {
  test("objtool: the same warning at another offset or in another object has the same signature", () => {
    const a = of("vmlinux.o: warning: objtool: folio_zero_user+0x801: undefined stack state");
    const b = of("mm/memory.o: warning: objtool: folio_zero_user+0x7c2: undefined stack state");
    assert.equal(a[0].signature, "objtool:folio_zero_user:undefined stack state");
    assert.equal(a[0].symbol, "folio_zero_user");
    assert.equal(b[0].signature, a[0].signature);
  });
  test("compiler warnings lose path and line; modpost mismatches keep both symbols", () => {
    const w = of("drivers/foo/bar.c:123:5: warning: stack frame size (2104) exceeds limit (2048) in 'baz' [-Wframe-larger-than]");
    assert.equal(w[0].signature, "compiler:warning:stack frame size (2104) exceeds limit (2048) in 'baz' [-Wframe-larger-than]");
    const m = of("WARNING: modpost: vmlinux.o(.text+0x1234): Section mismatch in reference from the function foo() to the function .init.text:bar()");
    assert.equal(m[0].signature, "modpost:section mismatch foo -> bar");
  });
  test("a warning wrapped after \"warning:\" over two lines; an indented next line is not its message", () => {
    // wrapped at 72 columns as mail clients do
    const w = of("drivers/gpu/drm/foo.c:1534:4: warning:\nvariable 'default_power_limit_of_the_board' is used uninitialized whenever '?:'\ncondition is false [-Wsometimes-uninitialized]\n");
    assert.deepEqual(w.map((d) => [d.symbol, d.signature]), [["default_power_limit_of_the_board", "compiler:warning:variable 'default_power_limit_of_the_board' is used uninitialized whenever '?:' condition is false [-Wsometimes-uninitialized]"]]);
    assert.deepEqual(of("drivers/gpu/drm/foo.c:1534:4: warning:\n        x = y;\n"), []);
  });
  test("prose that names a warning is not the tool's output; a syzbot subject names its report", () => {
    assert.deepEqual(of('We still see the "undefined stack state" warning from objtool and a BUG: in the subject line.'), []);
    const s = of("", "[syzbot] KASAN: use-after-free Read in corrupted (4)");
    assert.equal(s[0].signature, "kernel:KASAN:use-after-free:corrupted");
  });
});
