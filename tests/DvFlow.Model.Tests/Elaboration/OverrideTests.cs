using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Elaboration;

/// <summary>Task overrides: both spellings, inheritance from the replaced task, scope of the replacement.</summary>
public class OverrideTests
{
    [Fact]
    public void NamedOverrideReplacesTheTaskEverywhereInThePackage()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: my_project
              tasks:
              - name: sim
                uses: hdlsim.vlt.SimImage
                with:
                  top: [my_top]
              - name: run
                uses: hdlsim.vlt.SimRun
                needs: [sim]
              # Override the sim task for debug builds
              - name: sim_debug
                override: sim
                with:
                  top: [my_top]
                  debug: true
            """, new ElaborationOptions { Registry = f.HdlsimRegistry() }));
        var g = FlowAssert.Graph(m, "run");
        var sim = Assert.Single(g.ByName["my_project.run"].Needs);
        Assert.Equal("my_project.sim", sim.Name);
        Assert.Equal(true, sim.ParamValues["debug"]);
        Assert.Equal(new object?[] { "my_top" }, (IEnumerable<object?>)sim.ParamValues["top"]!);
        // Both names lead to the replacement; the original task is gone.
        Assert.Same(m.Root!.Tasks["sim"], m.Root.Tasks["sim_debug"]);
        Assert.Single(m.Root.OrderedTasks, t => t.Name == "sim");
        var g2 = FlowAssert.Graph(m, "sim_debug");
        Assert.Equal(true, g2.ByName["my_project.sim"].ParamValues["debug"]);
    }

    [Fact]
    public void OverrideWithoutUsesInheritsFromTheReplacedTask()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              tasks:
              - name: build
                uses: std.Message
                needs: [setup]
                with:
                  msg: original
              - name: setup
              - override: build
                with:
                  msg: replaced
            """));
        var n = FlowAssert.Graph(m, "build").ByName["p.build"];
        Assert.Equal("replaced", n.ParamValues["msg"]);
        Assert.Equal("builtin", n.Shell);
        Assert.Equal(["p.setup"], FlowAssert.Needs(n));
        Assert.Equal(["p.build", "std.Message"], n.BaseChain);
    }

    [Fact]
    public void OverrideWithUsesReplacesTheImplementation()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              tasks:
              - name: sim
                uses: hdlsim.vlt.SimImage
              - name: fast_sim
                override: sim             # Replaces 'sim' task
                uses: hdlsim.xcelium.SimImage
                with:
                  optimization: "O0"
            """, new ElaborationOptions { Registry = f.HdlsimRegistry() }));
        var n = FlowAssert.Graph(m, "sim").ByName["p.sim"];
        Assert.Equal("hdlsim.xcelium.SimImage", n.Run);
        Assert.Equal("O0", n.ParamValues["optimization"]);
    }

    [Fact]
    public void OverrideNamingItsTargetAsBaseMeansTheReplacedTask()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              tasks:
              - name: t
                uses: std.Message
                with: {msg: a}
              - override: t
                uses: t
                with: {msg: b}
            """));
        Assert.Equal("b", FlowAssert.Graph(m, "t").ByName["p.t"].ParamValues["msg"]);
    }

    [Fact]
    public void OverrideInTheMainFileOfAFragmentTask()
    {
        using var f = new FlowFiles();
        f.Write("rtl/flow.yaml", "fragment:\n  tasks:\n  - name: rtl\n    uses: std.FileSet\n    with: {include: ['*.v']}\n");
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              tasks:
              - override: rtl
                with: {include: ['*.sv']}
              fragments: [rtl/flow.yaml]
            """));
        Assert.Equal(new object?[] { "*.sv" }, (IEnumerable<object?>)FlowAssert.Graph(m, "rtl").ByName["p.rtl"].ParamValues["include"]!);
    }

    [Fact]
    public void QualifiedOverrideOfAnotherPackagesTaskAppliesInThisPackageOnly()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", """
            package:
              name: lib
              tasks:
              - export: gen
                uses: std.Message
                with: {msg: lib}
              - export: user
                needs: [gen]
            """);
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              imports: [lib]
              tasks:
              - name: my_gen
                override: lib.gen
                with: {msg: mine}
              - name: t
                needs: [lib.gen, lib.user]
            """));
        var g = FlowAssert.Graph(m, "t");
        var t = g.ByName["p.t"];
        Assert.Equal(["p.my_gen", "lib.user"], FlowAssert.Needs(t));
        Assert.Equal("mine", g.ByName["p.my_gen"].ParamValues["msg"]);
        // References written inside lib keep lib's own task.
        Assert.Equal(["lib.gen"], FlowAssert.Needs(g.ByName["lib.user"]));
        Assert.Equal("lib", g.ByName["lib.gen"].ParamValues["msg"]);
        Assert.Same(m.Root!.Tasks["my_gen"], m.Substitutions["lib.gen"]);
    }

    [Fact]
    public void OverrideOfUnknownTaskIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  tasks:\n  - name: x\n    override: nothere\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.UnknownTask, "task 'nothere' to override not found");
        FlowAssert.At(e, "flow.yaml", 5, 15);
    }

    [Fact]
    public void ConfigOverrideInheritsFromTheReplacedTask()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              tasks:
              - name: build
                uses: std.Message
                with: {msg: plain}
              configs:
              - name: c
                tasks:
                - override: build
            """, "c"));
        var n = FlowAssert.Graph(m, "build").ByName["p.build"];
        Assert.Equal("plain", n.ParamValues["msg"]);
        Assert.Equal("builtin", n.Shell);
    }

    [Fact]
    public void OverrideNameClashIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  tasks:\n  - name: a\n  - name: b\n  - name: b\n    override: a\n");
        FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.DuplicateName, "task 'b' is defined twice");
    }
}
