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
  test("a warning wrapped later in the line names its symbol from the whole message", async () => {
    const got = await diagnosticsOf("cbl-googlegroup/clang-built-linux-2019-08.mbox", "CA+icZUWmmC7CruvXx6U0cdXMLaMWJadU=T61E0om1rOuW3==pw@mail.gmail.com");
    // "drivers/media/pci/solo6x10/solo6x10-v4l2-enc.c:414:18: warning: unused\nfunction 'vop_hsize' [-Wunused-function]"
    const d = got.find((x) => x.signature === "compiler:warning:unused function 'vop_hsize' [-Wunused-function]");
    assert.equal(d?.symbol, "vop_hsize");
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

// Lines copied byte for byte from linux-kbuild messages (Message-ID in each comment); the cases the audit in
// eval/diagnostics-audit.md found wrong.
describe("extractDiagnostics on real linux-kbuild lines", () => {
  test("summaries are not diagnostics: modpost's 'Section mismatches detected.' and 'suppressed N … warnings'", () => {
    // 20210331171238.GA141362@roeck-us.net
    assert.deepEqual(of("ERROR: modpost: Section mismatches detected.\n"), []);
    // 20251118.131735.802732108462696577.rene@exactco.de
    const got = of(
      'ERROR: modpost: "_savefpr_22" [drivers/gpu/drm/amd/amdgpu/amdgpu.ko] undefined!\nERROR: modpost: "_restfpr_15" [drivers/gpu/drm/amd/amdgpu/amdgpu.ko] undefined!\nWARNING: modpost: suppressed 56 unresolved symbol warnings because there were too many)\n',
    );
    assert.deepEqual(got.map((d) => [d.tool, d.symbol]), [["modpost", "_savefpr_22"], ["modpost", "_restfpr_15"]]);
  });
  test("a make line after a diagnostic does not continue it", () => {
    // 01070196099fd059-e8463438-7b1b-4ec8-816d-173874be9966-000000@eu-central-1.amazonses.com
    const got = of(
      " MODPOST Module.symvers\nERROR: modpost: missing MODULE_DESCRIPTION() in lib/tests/slub_kunit.o\nmake[3]: *** [/home/damian/kernel/linux/scripts/Makefile.modpost:147: Module.symvers] Error 1\nmake[2]: *** [/home/damian/kernel/linux/Makefile:1956: modpost] Error 2\n",
    );
    assert.deepEqual(got.map((d) => d.title), ["modpost: missing MODULE_DESCRIPTION() in lib/tests/slub_kunit.o"]);
  });
  test("Kconfig-parser messages are not compiler diagnostics", () => {
    assert.deepEqual(of("Config.in:1:error: recursive dependency detected!\n"), []); // CACm0Nn02AmTtgocnCgbzWGwFGODovEzGsoASukmuRCQ5-28PFQ@mail.gmail.com
    assert.deepEqual(of(".config:9369:warning: symbol value 'm' invalid for CRYPTO_ARCH_HAVE_LIB_BLAKE2S\n"), []);
    assert.deepEqual(of("drivers/usb/gadget/legacy/Kconfig:458: warning: nested choice. previous choice entry is drivers/usb/gadget/Kconfig:486\n"), []);
    assert.deepEqual(of("/boot/config-6.12.9-amd64:6804:warning: symbol value 'm' invalid for FB_BACKLIGHT\n"), []);
  });
  test("kernel-doc's column-less warnings are script output; GCC's column-less '\"X\" redefined' stays", () => {
    assert.deepEqual(of("include/linux/i2c.h:343: warning: Function parameter or member 'init_irq' not described in 'i2c_client'\n"), []);
    assert.deepEqual(of("security/apparmor/apparmorfs.c:2127: warning: Excess function\nparameter 'profile' description in '__next_profile'\n"), []);
    const gcc = of('/kisskb/src/arch/s390/include/uapi/asm/ptrace.h:167: warning: "STACK_FRAME_OVERHEAD" redefined\n');
    assert.deepEqual(gcc.map((d) => d.signature), ['compiler:warning:"STACK_FRAME_OVERHEAD" redefined']);
  });
  test("a Sphinx kernel-doc failure is not a kernel WARNING", () => {
    // 20250520174035.5f193ec3@sal.lan
    const body =
      "\tUsing Python kernel-doc\n\tCannot find file ./drivers/gpio/gpiolib-acpi.c\n\tCannot find file ./drivers/gpio/gpiolib-acpi.c\n\tWARNING: kernel-doc './scripts/kernel-doc.py -rst -enable-lineno -export ./drivers/gpio/gpiolib-acpi.c' processing failed with: KeyError('./drivers/gpio/gpiolib-acpi.c')\n\tDocumentation/arch/powerpc/htm.rst: WARNING: document isn't included in any toctree\n";
    assert.deepEqual(of(body), []);
  });
  test("prose and Kconfig prompts that OOPS_TITLE admits open no kernel report", () => {
    // 20191115164159.GU2865@paulmck-ThinkPad-P72
    assert.deepEqual(of("*\n* KCSAN: watchpoint-based dynamic data race detector\n*\nKCSAN: watchpoint-based dynamic data race detector (KCSAN) [N/y/?] (NEW)\n"), []);
    // 20241123132237.15700-1-sedat.dilek@gmail.com
    assert.deepEqual(of('For details, see thread "kbuild-next: .tmp vmlinux syms files"\n\nINFO: This patch is against Linux v6.12.\n'), []);
  });
  test("objtool: the function of 'f() falls through' is the symbol; indented backtrace lines are not warnings", () => {
    // 20190514054251.186196-9-brendanhiggins@google.com
    const [d] = of("kunit/test-test.o: warning: objtool: kunit_test_unsuccessful_try() falls through to next function kunit_test_catch()\n");
    assert.equal(d.symbol, "kunit_test_unsuccessful_try");
    assert.equal(d.signature, "objtool:kunit_test_unsuccessful_try:falls through to next function kunit_test_catch()");
    assert.equal(d.title, "objtool: kunit_test_unsuccessful_try() falls through to next function kunit_test_catch()");
    // CABCJKufL6=FiaeD8T0P+mK4JeR9J80hhjvJ6Z9S-m9UnCESxVA@mail.gmail.com: wrapped after "objtool:", and trace lines
    const got = of(
      "...\nvmlinux.o: warning: objtool:\nset_bringup_idt_handler.constprop.0()+0x0: undefined stack state\nvmlinux.o: warning: objtool:   xen_hypercall_set_trap_table()+0x0: <=== (sym)\n...\nvmlinux.o: warning: objtool: .entry.text+0xffd: sibling call from\ncallable instruction with modified stack frame\nvmlinux.o: warning: objtool:   .entry.text+0xfcb: (branch)\nSegmentation fault\n",
    );
    assert.deepEqual(got.map((d) => [d.symbol, d.signature]), [
      ["set_bringup_idt_handler", "objtool:set_bringup_idt_handler:undefined stack state"],
      [null, "objtool::sibling call from callable instruction with modified stack frame"],
    ]);
  });
  test("a quoted keyword or type is not the symbol", () => {
    // 20240326145140.3257163-1-arnd@kernel.org
    const [d] = of("drivers/parport/parport_mfc3.c:106:37: warning: suggest braces around empty body in an 'if' statement [-Wempty-body]\n");
    assert.equal(d.symbol, null);
    const [e] = of("drivers/gpu/drm/amd/amdgpu/vcn_v3_0.c:1096:12: error: stack frame size (2064) exceeds limit (2048) in 'vcn_v3_0_start' [-Werror,-Wframe-larger-than]\n");
    assert.equal(e.symbol, "vcn_v3_0_start");
  });
});

describe("extractDiagnostics: pasted logs and KCSAN", () => {
  test('a log set off with "| " is read like any other; a KCSAN title names both racing functions', () => {
    // 20220301145233.3689119-2-arnd@kernel.org
    const w = of("| scripts/mod/modpost.c:837:3: warning: ISO C90 forbids mixed declarations and code [-Wdeclaration-after-statement]\n");
    assert.deepEqual(w.map((d) => d.signature), ["compiler:warning:ISO C90 forbids mixed declarations and code [-Wdeclaration-after-statement]"]);
    // 20211005105905.1994700-9-elver@google.com (KCSAN test output in a commit message)
    const k = of(
      "| ==================================================================\n| BUG: KCSAN: data-race in test_kernel_wrong_memorder / test_kernel_wrong_memorder\n|\n| read-write to 0xffffffffc01e61a8 of 8 bytes by task 2311 on cpu 5:\n|  test_kernel_wrong_memorder+0x57/0x90\n|  access_thread+0x99/0xe0\n|  kthread+0x2ba/0x2f0\n|  ret_from_fork+0x22/0x30\n",
    );
    assert.deepEqual(k.map((d) => [d.kind, d.symbol, d.signature]), [["kcsan", "test_kernel_wrong_memorder", "kernel:KCSAN:data-race:test_kernel_wrong_memorder / test_kernel_wrong_memorder"]]);
    assert.deepEqual(k[0].frames, ["test_kernel_wrong_memorder", "access_thread", "kthread", "ret_from_fork"]);
  });
});

describe("extractDiagnostics: GNU as without a line number, objtool's own failures", () => {
  test('"{standard input}: Error: …" is an assembler error; "Assembler messages:" is not', () => {
    // 875xrd7h88.fsf@mail.lhotse
    const got = of(
      "  {standard input}: Assembler messages:\n  {standard input}: Error: .size expression for main does not evaluate to a constant\n  make[3]: *** [/kisskb/src/scripts/Makefile.build:244: scripts/mod/devicetable-offsets.o] Error 1\n",
    );
    assert.deepEqual(got.map((d) => [d.tool, d.kind, d.signature]), [["assembler", "error", "compiler:error:.size expression for main does not evaluate to a constant"]]);
  });
  test('"objtool [builtin-check.c:220]: …" is objtool failing, wrapped message and all, with no kernel symbol', () => {
    // eval case 027 (CAGRSmLuViYdzsoPFtZ6PE9_Bo0VZB0Ccbs5c7Sy-bpct9eXr3g@mail.gmail.com)
    const got = of("mydriver.o: warning: objtool: .text+0x23f4: unannotated intra-function call\nmydriver.o: error: objtool [builtin-check.c:220]: copy_file: sendfile\nfailed: Invalid argument\n");
    assert.deepEqual(got.map((d) => [d.kind, d.symbol, d.signature]), [
      ["warning", null, "objtool::unannotated intra-function call"],
      ["error", null, "objtool::copy_file: sendfile failed: Invalid argument"],
    ]);
  });
});

describe("extractDiagnostics: wrapped objtool lines and gas's quoted characters", () => {
  test("a message wrapped after \"objtool:\" and again after \"with\" is whole", () => {
    // CACT4Y+bsTHAOtMKj_kWps1UdORWM1C8C7AN+ogPvw1gg1ugY7A@mail.gmail.com
    const got = of("kernel/kcsan/core.o: warning: objtool:\n__kcsan_check_watchpoint()+0x228: call to __stack_chk_fail() with\nUACCESS enabled\n");
    assert.deepEqual(got.map((d) => [d.symbol, d.signature]), [["__kcsan_check_watchpoint", "objtool:__kcsan_check_watchpoint:call to __stack_chk_fail() with UACCESS enabled"]]);
  });
  test("gas's \"unrecognized character is `I'\" names no symbol", () => {
    // d707cb3b-1569-45d9-bdc3-dcc98eb88bc4@sirena.org.uk
    const [d] = of("/tmp/next/tmp/ccjk7YJR.s:5: Error: junk at end of line, first unrecognized character is `I'\n");
    assert.equal(d.tool, "assembler");
    assert.equal(d.symbol, null);
  });
});

test("cppcheck's lines, in the compiler's format with a check id last, are cppcheck's", () => {
  // 20200729152904.136335-1-masahiroy@kernel.org
  const [d] = of("scripts/kconfig/qconf.cc:1255:10: error: Mismatching allocation and deallocation: data [mismatchAllocDealloc]\n");
  assert.deepEqual([d.tool, d.signature], ["cppcheck", "cppcheck:error:Mismatching allocation and deallocation: data [mismatchAllocDealloc]"]);
  // clang-tidy's "[clang-diagnostic-error]" is the compiler's own error
  assert.equal(of("drivers/foo.c:12:3: error: expected '(' after 'asm' [clang-diagnostic-error]\n")[0].tool, "compiler");
});
