using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.HdlSim;

/// <summary>
/// hdlsim.vcs, hdlsim.xcm, hdlsim.mti and hdlsim.xsm (Vivado xsim) in real builds against <see cref="FakeSimulators"/>: the commands
/// they run, log diagnostics, incremental images, run verdicts, and switching simulators by config.
/// </summary>
[Collection(SdkCollection.Name)]
public class CommercialSimulatorFlowTests(SdkFeed feed)
{
    public static TheoryData<string> Simulators => new(["vcs", "xcm", "xsm", "mti"]);

    private static FlowProject Project(SdkFeed feed, string yaml, out FakeSimulators fakes)
    {
        var p = new FlowProject(feed, yaml, FlowProject.HdlSimReference);
        fakes = new FakeSimulators(p.Dir);
        p.Environment["PATH"] = fakes.PathWithFakes;
        return p;
    }

    // The calls that compile the image's own sources, elaborate it, compile the SimLib library, and run it.
    // xsim's SimLib is a passthrough: its sources are compiled with the image's.
    private static IReadOnlyList<string> ImageCompile(FakeSimulators f, string sim) => sim switch
    {
        "vcs" => f.Calls("vlogan").Single(c => !c.Contains("-work") && c.Any(a => a.EndsWith("top.sv", StringComparison.Ordinal))),
        "xcm" => f.Calls("xrun").Single(c => c.Contains("-elaborate")),
        "xsm" => f.Call("xvlog"),
        _ => f.Calls("vlog").Single(c => Follows(c, "-work", "work")),
    };

    private static IReadOnlyList<string> ImageElab(FakeSimulators f, string sim) => sim switch
    {
        "vcs" => f.Call("vcs"),
        "xcm" => f.Calls("xrun").Single(c => c.Contains("-elaborate")),
        "xsm" => f.Call("xelab"),
        _ => f.Call("vopt"),
    };

    private static IReadOnlyList<string> LibCompile(FakeSimulators f, string sim) => sim switch
    {
        "vcs" => f.Calls("vlogan").Single(c => Follows(c, "-work", "rtl_lib")),
        "xcm" => f.Call("xmvlog"),
        "xsm" => f.Call("xvlog"),
        _ => f.Calls("vlog").Single(c => Follows(c, "-work", "rtl_lib")),
    };

    private static IReadOnlyList<string> RunCall(FakeSimulators f, string sim) => sim switch
    {
        "vcs" => f.Call("simv"),
        "xcm" => f.Calls("xrun").Single(c => c.Contains("-R")),
        "xsm" => f.Call("xsim"),
        _ => f.Call("vsim"),
    };

    // A plusarg as the simulator takes it: +name=value, or xsim's --testplusarg name=value.
    private static void AssertPlusarg(IReadOnlyList<string> run, string sim, string plusarg)
    {
        if (sim == "xsm") AssertFollows(run, "--testplusarg", plusarg);
        else Assert.Contains("+" + plusarg, run);
    }

    private static bool Follows(IReadOnlyList<string> argv, params string[] seq)
        => Enumerable.Range(0, Math.Max(0, argv.Count - seq.Length + 1)).Any(i => seq.Select((s, k) => argv[i + k] == s).All(x => x));

    private static void AssertFollows(IReadOnlyList<string> argv, params string[] seq)
        => Assert.True(Follows(argv, seq), $"expected [{string.Join(" ", seq)}] in: {string.Join(" ", argv)}");

    [Theory]
    [MemberData(nameof(Simulators))]
    public void LibraryUvmImageAndRunPassTheirOptionsAndTheImageIsIncremental(string sim)
    {
        using var p = Project(feed, $$"""
            package:
              name: cs
              imports:
              - name: hdlsim.{{sim}}
                as: sim
              tasks:
              - name: rtl
                uses: std.FileSet
                with: {base: rtl, type: systemVerilogSource, include: "*.sv"}
              - name: rtl_lib
                uses: sim.SimLib
                needs: [rtl]
              - name: uvm
                uses: sim.SimLibUVM
              - name: tb
                uses: std.FileSet
                with: {base: tb, type: systemVerilogSource, include: "*.sv", incdirs: ["../inc"]}
              - name: img
                uses: sim.SimImage
                needs: [rtl_lib, uvm, tb]
                with: {top: [top], defines: ["MAGIC=7"], trace: true}
              - root: run
                uses: sim.SimRun
                needs: [img]
                with: {trace: true, plusargs: [seed=5]}
            """, out var fakes);
        p.Write("rtl/counter.sv", "module counter; endmodule\n");
        p.Write("inc/defs.svh", "`define DEFS 1\n");
        p.Write("tb/top.sv", "`include \"defs.svh\"\nmodule top; counter c(); endmodule\n");
        var inc = Path.Combine(p.Dir, "inc");
        var top = Path.Combine(p.Dir, "tb", "top.sv");

        var r = p.Build();
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("FAKE SIM PASS");
        r.AssertOutputContains("simulation passed");

        var compile = ImageCompile(fakes, sim);
        var elab = ImageElab(fakes, sim);
        Assert.Contains(top, compile);
        if (sim != "xsm") Assert.DoesNotContain(Path.Combine(p.Dir, "rtl", "counter.sv"), compile);
        Assert.Contains(Path.Combine(p.Dir, "rtl", "counter.sv"), LibCompile(fakes, sim));
        var run = RunCall(fakes, sim);
        AssertPlusarg(run, sim, "seed=5");
        AssertPlusarg(run, sim, "trace");
        switch (sim)
        {
            case "vcs":
                Assert.Contains("+incdir+" + inc, compile);
                Assert.Contains("+define+MAGIC=7", compile);
                AssertFollows(elab, "-top", "top");
                Assert.Contains("-debug_access+all", elab);
                AssertFollows(elab, "-liblist", "rtl_lib");
                AssertFollows(elab, "-ntb_opts", "uvm-1.2");
                Assert.Contains(fakes.Calls("vlogan"), c => c.SequenceEqual(["-full64", "-sverilog", "-ntb_opts", "uvm-1.2"]));
                Assert.Contains("rtl_lib : " + Path.Combine(p.RunDir, "cs.rtl_lib", "rtl_lib"), File.ReadAllText(Path.Combine(p.RunDir, "cs.img", "synopsys_sim.setup")));
                break;
            case "xsm":
                Assert.Equal(["--sv", "--incr"], compile.Take(2));
                AssertFollows(compile, "-i", inc);
                AssertFollows(compile, "-d", "MAGIC=7");
                AssertFollows(compile, "-L", "uvm");
                AssertFollows(compile, "-i", Path.Combine(fakes.BinDir[..^"/bin".Length], "data", "system_verilog", "uvm_1.2"));
                AssertFollows(elab, "--snapshot", "simv.snap");
                AssertFollows(elab, "--debug", "all");
                AssertFollows(elab, "-L", "uvm");
                Assert.Equal("top", elab[^1]);
                Assert.Equal("simv.snap", run[0]);
                AssertFollows(run, "--xsimdir", Path.Combine(p.RunDir, "cs.img", "xsim.dir"));
                Assert.Contains("--runall", run);
                // Not xvlog.log: xvlog writes that file itself.
                Assert.True(File.Exists(Path.Combine(p.RunDir, "cs.img", "compile.log")));
                break;
            case "xcm":
                AssertFollows(compile, "-incdir", inc);
                AssertFollows(compile, "-define", "MAGIC=7");
                AssertFollows(elab, "-top", "top");
                AssertFollows(elab, "-access", "+rwc");
                AssertFollows(elab, "-reflib", Path.Combine(p.RunDir, "cs.rtl_lib", "rtl_lib"));
                AssertFollows(elab, "-uvmhome", "CDNS-1.2");
                AssertFollows(LibCompile(fakes, sim), "-work", "rtl_lib");
                AssertFollows(run, "-xmlibdirname", Path.Combine(p.RunDir, "cs.img", "xcelium.d"));
                break;
            default:
                Assert.Contains("+incdir+" + inc, compile);
                Assert.Contains("+define+MAGIC=7", compile);
                Assert.Contains("top", elab);
                Assert.Contains("+acc", elab);
                AssertFollows(elab, "-L", "rtl_lib");
                AssertFollows(elab, "-L", "mtiUvm");
                Assert.Contains("+incdir+" + Path.Combine(fakes.BinDir[..^"/bin".Length], "verilog_src", "uvm-1.2", "src"), compile);
                Assert.Contains(fakes.Calls("vlib"), c => c.SequenceEqual(["rtl_lib"]));
                AssertFollows(run, "-lib", Path.Combine(p.RunDir, "cs.img", "work"));
                break;
        }

        // Nothing changed: library and image are reused, the simulation runs again.
        fakes.ClearCalls();
        var again = p.Build();
        Assert.True(again.Succeeded, again.Describe());
        again.AssertOutputContains("cs.rtl_lib: skipped, up to date");
        again.AssertOutputContains("cs.img: skipped, up to date");
        AssertPlusarg(RunCall(fakes, sim), sim, "seed=5");

        // The included header is no input of any task; the scanned includes make it one.
        var header = Path.Combine(inc, "defs.svh");
        File.WriteAllText(header, "`define DEFS 2\n");
        File.SetLastWriteTimeUtc(header, DateTime.UtcNow.AddSeconds(2));
        var edited = p.Build();
        Assert.True(edited.Succeeded, edited.Describe());
        edited.AssertOutputMatches(@"cs\.img: running \(dependency '[^']*defs\.svh' changed\)");
        edited.AssertOutputContains("cs.rtl_lib: skipped, up to date");
    }

    [Theory]
    [MemberData(nameof(Simulators))]
    public void CompileErrorsBecomeLocatedErrorsAndSuppressedWarningsVanish(string sim)
    {
        var (error, shown, hidden) = sim switch
        {
            "mti" => ("vlog-2730", "vlog-2000", "vlog-2001"),
            "xsm" => ("VRFC 10-2989", "VRFC 10-3091", "VRFC 10-9999"),
            _ => ("IND", "WSHOW", "WSUP"),
        };
        using var p = Project(feed, $$"""
            package:
              name: ce
              imports:
              - name: hdlsim.{{sim}}
              tasks:
              - name: src
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "top.sv"}
              - root: img
                uses: hdlsim.{{sim}}.SimImage
                needs: [src]
                with: {top: [top], suppress_warnings: ["{{hidden}}"]}
            """, out _);
        var path = p.Write("top.sv", "module top;\n  int x;\n  initial foo = 1;\nendmodule\n");
        p.Write("compile.out", sim switch
        {
            "vcs" => $"""
                Warning-[WSHOW] Shown warning
                {path}, 2
                  detail

                Warning-[WSUP] Suppressed warning
                {path}, 2

                Error-[IND] Identifier not declared
                {path}, 3
                  Identifier 'foo' has not been declared yet.

                """,
            "xsm" => $"""
                INFO: [VRFC 10-2263] Analyzing SystemVerilog file "{path}" into library work
                WARNING: [VRFC 10-3091] Shown warning [{path}:2]
                WARNING: [VRFC 10-9999] Suppressed warning [{path}:2]
                ERROR: [VRFC 10-2989] Identifier not declared [{path}:3]
                """,
            "xcm" => $"""
                xrun: *W,WSHOW ({path},2|5): Shown warning
                xrun: *W,WSUP ({path},2): Suppressed warning
                xmvlog: *E,IND ({path},3|10): Identifier not declared
                """,
            _ => $"""
                ** Warning: {path}(2): (vlog-2000) Shown warning
                ** Warning: {path}(2): (vlog-2001) Suppressed warning
                ** Error: (vlog-2730) {path}(3): Identifier not declared
                """,
        });
        p.Environment["FAKE_SIM_COMPILE_OUTPUT"] = Path.Combine(p.Dir, "compile.out");
        p.Environment["FAKE_SIM_COMPILE_STATUS"] = "1";
        var r = p.Build();
        Assert.False(r.Succeeded, r.Describe());
        r.AssertOutputMatches(@"top\.sv\(3(,\d+)?\): error " + error + @": ce\.img: Identifier not declared");
        r.AssertOutputMatches(@"top\.sv\(2(,\d+)?\): warning " + shown + @": ce\.img: Shown warning");
        r.AssertOutputLacks(": warning " + hidden);
        r.AssertOutputLacks("ce.img: ce.img:");
    }

    [Theory]
    [MemberData(nameof(Simulators))]
    public void UvmErrorsInTheRunLogFailTheRun(string sim)
    {
        using var p = Project(feed, $$"""
            package:
              name: uvmerr
              imports:
              - name: hdlsim.{{sim}}
                as: sim
              tasks:
              - name: src
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "top.sv"}
              - name: img
                uses: sim.SimImage
                needs: [src]
                with: {top: [top]}
              - root: run
                uses: sim.SimRun
                needs: [img]
                with: {plusargs: ["fake_uvm_errors=2"]}
            """, out _);
        p.Write("top.sv", "module top; endmodule\n");
        var r = p.Build();
        Assert.False(r.Succeeded, r.Describe());
        r.AssertOutputContains("FAKE SIM PASS");
        r.AssertOutputContains("uvmerr.run: the simulation reported 2 error(s)");
        // The build log names the task once (the task's message used to repeat it).
        r.AssertOutputLacks("uvmerr.run: uvmerr.run:");
        r.AssertOutputLacks("simulation passed");
    }

    [Theory]
    [MemberData(nameof(Simulators))]
    public void RuntimeErrorsInTheLogFailTheRunWithTheirLocation(string sim)
    {
        using var p = Project(feed, $$"""
            package:
              name: rt
              imports:
              - name: hdlsim.{{sim}}
                as: sim
              tasks:
              - name: src
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "top.sv"}
              - name: img
                uses: sim.SimImage
                needs: [src]
                with: {top: [top]}
              - root: run
                uses: sim.SimRun
                needs: [img]
            """, out _);
        var top = p.Write("top.sv", "module top;\n  initial begin\n    $error(\"checker saw 3\");\n  end\nendmodule\n");
        // What each simulator prints for $error; the simulators still exit 0.
        p.Write("run.out", sim switch
        {
            "vcs" => $"Error: \"{top}\", 3: top: at time 0 ps\nchecker saw 3\n",
            "xsm" => $"Error: checker saw 3\nTime: 0 ps  Iteration: 0  Process: /top/Initial2_0  Scope: top  File: {top} Line: 3\n",
            "xcm" => $"xmsim: *E,ASRTST ({top},3): (time 0 FS) Assertion top.__assert_1 has failed\nchecker saw 3\n",
            _ => $"# ** Error: checker saw 3\n#    Time: 0 ns  Scope: top File: {top} Line: 3\n",
        });
        p.Environment["FAKE_SIM_RUN_OUTPUT"] = Path.Combine(p.Dir, "run.out");
        var r = p.Build();
        Assert.False(r.Succeeded, r.Describe());
        r.AssertOutputMatches(@"top\.sv\(3(,\d+)?\): error [A-Za-z0-9_-]+: rt\.run: ");
        r.AssertOutputContains("rt.run: the simulation reported 1 error(s)");
    }

    [Fact]
    public void XsimCompilesCSourcesWithXscBindsDpiLibrariesAtElaborationAndRejectsVpi()
    {
        using var p = Project(feed, """
            package:
              name: xd
              imports:
              - name: hdlsim.xsm
              tasks:
              - name: src
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "top.sv"}
              - name: csrc
                uses: std.FileSet
                with: {base: ".", type: cSource, include: "model.c"}
              - name: img
                uses: hdlsim.xsm.SimImage
                needs: [src, csrc]
                with: {top: [top], dpilibs: [lib/libext.so]}
              - root: sim
                uses: hdlsim.xsm.SimRun
                needs: [img]
              - root: sim_vpi
                uses: hdlsim.xsm.SimRun
                needs: [img]
                with: {vpilibs: [lib/vpi.so]}
              - root: img_vpi
                uses: hdlsim.xsm.SimImage
                needs: [src]
                with: {top: [top], vpilibs: [lib/vpi.so]}
            """, out var fakes);
        p.Write("top.sv", "module top; import \"DPI-C\" function int ext(); endmodule\n");
        var model = p.Write("model.c", "int ext(void) { return 1; }\n");
        p.Write("lib/libext.so", "not really a library\n");
        p.Write("lib/vpi.so", "not really a library\n");

        var r = p.Build("-t:sim");
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("FAKE SIM PASS");
        Assert.Equal([model], fakes.Call("xsc"));
        var elab = fakes.Call("xelab");
        AssertFollows(elab, "--sv_root", Path.Combine(p.Dir, "lib"), "--sv_lib", "libext");
        AssertFollows(elab, "--sv_lib", "dpi");

        fakes.ClearCalls();
        var vpiRun = p.Build("-t:sim_vpi");
        Assert.False(vpiRun.Succeeded, vpiRun.Describe());
        vpiRun.AssertOutputContains("xd.sim_vpi: the Vivado simulator (xsim) does not load VPI libraries");
        Assert.Empty(fakes.Calls("xsim"));

        var vpiImage = p.Build("-t:img_vpi");
        Assert.False(vpiImage.Succeeded, vpiImage.Describe());
        vpiImage.AssertOutputContains("xd.img_vpi: the Vivado simulator (xsim) does not load VPI libraries");
        Assert.Empty(fakes.Calls("xvlog"));
    }

    [Fact]
    public void ToolsAreFoundOnThePathTheFlowSets()
    {
        // The build's own PATH lacks the tools; std.SetEnv puts them on the tasks' PATH.
        using var p = new FlowProject(feed, "", FlowProject.HdlSimReference);
        var fakes = new FakeSimulators(p.Dir);
        p.Write("flow.yaml", $$"""
            package:
              name: envpath
              imports:
              - name: hdlsim.mti
              tasks:
              - name: tools
                uses: std.SetEnv
                with:
                  prepend_path: {PATH: "{{fakes.BinDir}}"}
              - name: src
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "top.sv"}
              - name: img
                uses: hdlsim.mti.SimImage
                needs: [tools, src]
                with: {top: [top]}
              - root: run
                uses: hdlsim.mti.SimRun
                needs: [tools, img]
            """);
        p.Write("top.sv", "module top; endmodule\n");
        var r = p.Build();
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("FAKE SIM PASS");
        Assert.Contains("top", fakes.Call("vopt"));
        Assert.NotEmpty(fakes.Call("vsim"));
    }

    [Fact]
    public void ConfigSwitchesBetweenVerilatorAndACommercialSimulator()
    {
        RequiredTool.Ensure("verilator", "verilator");
        using var p = Project(feed, """
            package:
              name: multi
              with:
                sim: {type: str, value: vlt, doc: "Simulator package: vlt or vcs"}
              imports:
              - name: hdlsim.${{ sim }}
                as: sim
              configs:
              - name: vcs
                with:
                  sim: {value: vcs}
              tasks:
              - name: src
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "t.sv"}
              - name: img
                uses: sim.SimImage
                needs: [src]
                with: {top: [t]}
              - root: run
                uses: sim.SimRun
                needs: [img]
            """, out var fakes);
        p.Write("t.sv", "module t; initial begin $display(\"VERILATOR PASS\"); $finish; end endmodule\n");

        var vcs = p.Build("-p:Config=vcs");
        Assert.True(vcs.Succeeded, vcs.Describe());
        vcs.AssertOutputContains("FAKE SIM PASS");
        AssertFollows(fakes.Call("vcs"), "-top", "t");

        fakes.ClearCalls();
        var vlt = p.Build();
        Assert.True(vlt.Succeeded, vlt.Describe());
        vlt.AssertOutputContains("VERILATOR PASS");
        vlt.AssertOutputMatches(@"multi\.img: running \(.*\)");
        Assert.Empty(fakes.Calls("vcs"));
        Assert.Empty(fakes.Calls("simv"));
    }
}
