using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.HdlSim;

/// <summary>
/// The tasks, types and parameters hdlsim has because dv-flow-libhdlsim has them: hdlsim.SimArgs and AgentSkill
/// with Verilator and Icarus; VCS's partcomp/fastpartcomp and Questa's full64 against the fakes; and the
/// libraries an image consumed reaching the run on every commercial simulator, as they do on Verilator.
/// </summary>
[Collection(SdkCollection.Name)]
public class TaskSetTests(SdkFeed feed)
{
    public static TheoryData<string> FreeSimulators => new(["vlt", "ivl"]);

    private static bool Follows(IReadOnlyList<string> argv, params string[] seq)
        => Enumerable.Range(0, Math.Max(0, argv.Count - seq.Length + 1)).Any(i => argv.Skip(i).Take(seq.Length).SequenceEqual(seq));

    private static void AssertFollows(IReadOnlyList<string> argv, params string[] seq)
        => Assert.True(Follows(argv, seq), $"expected [{string.Join(" ", seq)}] in: {string.Join(" ", argv)}");

    [Theory]
    [MemberData(nameof(FreeSimulators))]
    public void SimArgsConfiguresTheImageAndAgentSkillIsADataItem(string sim)
    {
        if (sim == "vlt") RequiredTool.Ensure("verilator", "verilator");
        else RequiredTool.Ensure("iverilog", "iverilog");
        using var p = new FlowProject(feed, $$"""
            package:
              name: ts
              imports:
              - name: hdlsim.{{sim}}
                as: sim
              tasks:
              - name: tb
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "t.sv"}
              - name: opts
                uses: hdlsim.SimArgs
                with: {defines: ["MAGIC=7"], incdirs: [inc]}
              - name: img
                uses: sim.SimImage
                needs: [tb, opts]
                with: {top: [t]}
              - root: run
                uses: sim.SimRun
                needs: [img]
              - name: skill
                uses: sim.AgentSkill
              - name: base_skill
                uses: hdlsim.AgentSkill
              - root: skills
                needs: [skill, base_skill]
                shell: bash
                run: cp "$DFM_INPUTS" skills.json
            """, FlowProject.HdlSimReference);
        p.Write("inc/magic.svh", "`define FROM_HEADER 1\n");
        p.Write("t.sv", """
            `include "magic.svh"
            module t;
              initial begin
                if (`MAGIC != 7 || `FROM_HEADER != 1) $fatal(1, "SimArgs did not reach the compiler");
                $display("SIMARGS PASS");
                $finish;
              end
            endmodule

            """);
        var r = p.Build();
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("SIMARGS PASS");
        var skills = File.ReadAllText(Path.Combine(p.RunDir, "ts.skills", "skills.json"));
        Assert.Contains("\"type\": \"hdlsim." + sim + ".AgentSkill\"", skills);
        Assert.Contains(sim == "vlt" ? "\"name\": \"verilator-simulation\"" : "\"name\": \"icarus-simulation\"", skills);
        Assert.Contains("\"name\": \"hdl-simulation\"", skills);
    }

    [Fact]
    public void VcsPartitionedCompilationAndQuestaFull64AreParameters()
    {
        using var p = new FlowProject(feed, """
            package:
              name: pc
              imports:
              - name: hdlsim.vcs
              - name: hdlsim.mti
              tasks:
              - name: tb
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "t.sv"}
              - root: vcs_default
                uses: hdlsim.vcs.SimImage
                needs: [tb]
                with: {top: [t]}
              - root: vcs_serial
                uses: hdlsim.vcs.SimImage
                needs: [tb]
                with: {top: [t], partcomp: false}
              - name: mti_img
                uses: hdlsim.mti.SimImage
                needs: [tb]
                with: {top: [t]}
              - root: mti_run
                uses: hdlsim.mti.SimRun
                needs: [mti_img]
              - name: mti_img32
                uses: hdlsim.mti.SimImage
                needs: [tb]
                with: {top: [t], full64: false}
              - root: mti_run32
                uses: hdlsim.mti.SimRun
                needs: [mti_img32]
                with: {full64: false}
            """, FlowProject.HdlSimReference);
        var fakes = new FakeSimulators(p.Dir);
        p.Environment["PATH"] = fakes.PathWithFakes;
        p.Write("t.sv", "module t; endmodule\n");

        var vcs = p.Build("-t:vcs_default");
        Assert.True(vcs.Succeeded, vcs.Describe());
        AssertFollows(fakes.Call("vcs"), "-partcomp", "-fastpartcomp=j4");
        fakes.ClearCalls();
        var serial = p.Build("-t:vcs_serial");
        Assert.True(serial.Succeeded, serial.Describe());
        Assert.DoesNotContain(fakes.Call("vcs"), a => a.Contains("partcomp", StringComparison.Ordinal));

        fakes.ClearCalls();
        var mti = p.Build("-t:mti_run");
        Assert.True(mti.Succeeded, mti.Describe());
        foreach (var tool in new[] { "vlog", "vopt", "vsim" }) Assert.Contains("-64", fakes.Call(tool));
        fakes.ClearCalls();
        var mti32 = p.Build("-t:mti_run32");
        Assert.True(mti32.Succeeded, mti32.Describe());
        foreach (var tool in new[] { "vlog", "vopt", "vsim" }) Assert.DoesNotContain("-64", fakes.Call(tool));
    }

    [Theory]
    [InlineData("vcs")]
    [InlineData("xcm")]
    [InlineData("mti")]
    [InlineData("xsm")]
    public void LibrariesTheImageConsumedAreLoadedByTheRunThatNeedsOnlyTheImage(string sim)
    {
        // As on Verilator, where the image links its DPI library: a run needing only the image still gets it.
        var vpi = sim == "xsm" ? "" : """
              - name: vpi
                uses: std.FileSet
                with: {base: lib, type: verilogVPI, include: "libcocotb.so", attributes: ["entrypoint=boot"]}
            """;
        using var p = new FlowProject(feed, $$"""
            package:
              name: fw
              imports:
              - name: hdlsim.{{sim}}
                as: sim
              tasks:
              - name: tb
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "t.sv"}
              - name: dpi
                uses: std.FileSet
                with: {base: lib, type: systemVerilogDPI, include: "libmodel.so"}
            {{vpi}}
              - name: img
                uses: sim.SimImage
                needs: [tb, dpi{{(sim == "xsm" ? "" : ", vpi")}}]
                with: {top: [t]}
              - root: run
                uses: sim.SimRun
                needs: [img]
            """, FlowProject.HdlSimReference);
        var fakes = new FakeSimulators(p.Dir);
        p.Environment["PATH"] = fakes.PathWithFakes;
        p.Write("t.sv", "module t; endmodule\n");
        p.Write("lib/libmodel.so", "not really a library\n");
        p.Write("lib/libcocotb.so", "not really a library\n");
        var lib = Path.Combine(p.Dir, "lib");
        var r = p.Build();
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("FAKE SIM PASS");
        switch (sim)
        {
            case "vcs":
                AssertFollows(fakes.Call("vcs"), "+vpi", "-debug_access", "-load", Path.Combine(lib, "libcocotb.so") + ":boot");
                AssertFollows(fakes.Call("simv"), "-sv_lib", Path.Combine(lib, "libmodel"));
                break;
            case "xcm":
                var run = fakes.Calls("xrun").Single(c => c.Contains("-R"));
                AssertFollows(run, "-sv_lib", Path.Combine(lib, "libmodel"));
                AssertFollows(run, "-loadvpi", Path.Combine(lib, "libcocotb.so") + ":boot");
                break;
            case "mti":
                AssertFollows(fakes.Call("vsim"), "-sv_lib", Path.Combine(lib, "libmodel"));
                AssertFollows(fakes.Call("vsim"), "-pli", Path.Combine(lib, "libcocotb.so") + ":boot");
                break;
            default:
                AssertFollows(fakes.Call("xelab"), "--sv_root", lib, "--sv_lib", "libmodel");
                break;
        }
    }

    public static TheoryData<string> AllSimulators => new(["vlt", "ivl", "vcs", "xcm", "mti", "xsm"]);

    [Theory]
    [MemberData(nameof(AllSimulators))]
    public void CompileElaborationAndRunItemsReachEverySimulator(string sim)
    {
        if (sim == "vlt") RequiredTool.Ensure("verilator", "verilator");
        if (sim == "ivl") RequiredTool.Ensure("iverilog", "iverilog");
        using var p = new FlowProject(feed, $$"""
            package:
              name: items
              imports:
              - name: hdlsim.{{sim}}
                as: sim
              tasks:
              - name: tb
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "t.sv"}
              - name: comp
                uses: hdlsim.SimArgs
                with: {defines: ["MAGIC=7"], incdirs: [inc]}
              - name: elab
                uses: hdlsim.SimElabArgs
                with: {args: ["-DFROM_ELAB=1"]}
              - name: runargs
                uses: hdlsim.SimRunArgs
                with: {plusargs: ["from_item=5"]}
              - name: img
                uses: sim.SimImage
                needs: [tb, comp, elab]
                with: {top: [t]}
              - root: run
                uses: sim.SimRun
                needs: [img, runargs]
            """, FlowProject.HdlSimReference);
        FakeSimulators? fakes = null;
        if (sim is not ("vlt" or "ivl"))
        {
            fakes = new FakeSimulators(p.Dir);
            p.Environment["PATH"] = fakes.PathWithFakes;
        }
        p.Write("inc/magic.svh", "`define FROM_HEADER 1\n");
        p.Write("t.sv", """
            `include "magic.svh"
            module t;
              integer v;
              initial begin
                if (`MAGIC != 7 || `FROM_HEADER != 1 || `FROM_ELAB != 1) $fatal(1, "an item did not reach the compiler");
                if (!$value$plusargs("from_item=%d", v) || v != 5) $fatal(1, "the SimRunArgs plusarg did not reach the run");
                $display("ITEMS PASS");
                $finish;
              end
            endmodule

            """);
        var r = p.Build();
        Assert.True(r.Succeeded, r.Describe());
        var inc = Path.Combine(p.Dir, "inc");
        switch (sim)
        {
            case "vlt" or "ivl":
                r.AssertOutputContains("ITEMS PASS");
                break;
            case "vcs":
                var analyse = fakes!.Call("vlogan");
                Assert.Contains("+define+MAGIC=7", analyse);
                Assert.Contains("+incdir+" + inc, analyse);
                Assert.Contains("-DFROM_ELAB=1", fakes.Call("vcs"));
                Assert.Contains("+from_item=5", fakes.Call("simv"));
                break;
            case "xcm":
                var elab = fakes!.Calls("xrun").Single(c => c.Contains("-elaborate"));
                AssertFollows(elab, "-define", "MAGIC=7");
                AssertFollows(elab, "-incdir", inc);
                Assert.Contains("-DFROM_ELAB=1", elab);
                Assert.Contains("+from_item=5", fakes.Calls("xrun").Single(c => c.Contains("-R")));
                break;
            case "mti":
                Assert.Contains("+define+MAGIC=7", fakes!.Call("vlog"));
                Assert.Contains("+incdir+" + inc, fakes.Call("vlog"));
                Assert.Contains("-DFROM_ELAB=1", fakes.Call("vopt"));
                Assert.Contains("+from_item=5", fakes.Call("vsim"));
                break;
            default:
                AssertFollows(fakes!.Call("xvlog"), "-d", "MAGIC=7");
                AssertFollows(fakes.Call("xvlog"), "-i", inc);
                Assert.Contains("-DFROM_ELAB=1", fakes.Call("xelab"));
                AssertFollows(fakes.Call("xsim"), "--testplusarg", "from_item=5");
                break;
        }
    }
}
