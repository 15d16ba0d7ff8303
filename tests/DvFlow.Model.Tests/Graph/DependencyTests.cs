using DvFlow.Model.Diagnostics;
using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Graph;

/// <summary>needs, feeds, inherited needs, request resolution, ordering and cycles.</summary>
public class DependencyTests
{
    [Fact]
    public void NeedsChainInDependencyOrder()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: p
              tasks:
              - name: rtlfiles
                uses: std.FileSet
                with:
                  type: "verilogSource"
                  base: "rtl"
                  include: "*.v"
              - name: sim
                uses: hdlsim.vlt.SimImage
                needs: [rtlfiles]
                with:
                  top: [mytop]
              - name: run
                uses: hdlsim.vlt.SimRun
                needs: [sim]
            """, new DvFlow.Model.Elaboration.ElaborationOptions { Registry = f.HdlsimRegistry() }), "run");
        Assert.Equal(["p.rtlfiles", "p.sim", "p.run"], g.Nodes.Select(n => n.Name));
        Assert.Equal(["p.run"], g.Roots.Select(n => n.Name));
    }

    [Fact]
    public void OnlyReachableTasksAreInTheGraph()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("package:\n  name: p\n  tasks:\n  - name: a\n  - name: b\n    needs: [a]\n  - name: c\n"), "b");
        Assert.Equal(["p.a", "p.b"], g.Nodes.Select(n => n.Name));
    }

    [Fact]
    public void BuildAllBuildsEveryRootPackageTask()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: a\n  - name: b\n    needs: [a]\n  - name: c\n"));
        var g = new TaskGraphBuilder(m).BuildAll();
        Assert.Equal(["p.a", "p.b", "p.c"], g.Roots.Select(n => n.Name));
        Assert.Equal(3, g.Nodes.Count);
    }

    [Fact]
    public void FanInIsBuiltOnce()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("package:\n  name: p\n  tasks:\n  - name: a\n  - name: b\n    needs: [a]\n  - name: c\n    needs: [a]\n  - name: d\n    needs: [b, c]\n"), "d");
        Assert.Equal(4, g.Nodes.Count);
        Assert.Same(g.ByName["p.b"].Needs[0], g.ByName["p.c"].Needs[0]);
    }

    [Fact]
    public void FeedsIsTheInverseOfNeeds()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("package:\n  name: p\n  tasks:\n  - name: consumer\n    needs: [a]\n  - name: a\n  - name: extra\n    feeds: [consumer]\n"), "consumer");
        Assert.Equal(["p.a", "p.extra"], FlowAssert.Needs(g.ByName["p.consumer"]));
    }

    [Fact]
    public void NeedsOfTheBaseAreInherited()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("package:\n  name: p\n  tasks:\n  - name: setup\n  - name: base\n    needs: [setup]\n  - name: mine\n  - name: derived\n    uses: base\n    needs: [mine]\n"), "derived");
        Assert.Equal(["p.setup", "p.mine"], FlowAssert.Needs(g.ByName["p.derived"]));
    }

    [Fact]
    public void InheritedNeedsResolveInTheBasesPackage()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", "package:\n  name: lib\n  tasks:\n  - name: setup\n  - export: Tool\n    needs: [setup]\n");
        var g = FlowAssert.Graph(f.Load("package:\n  name: p\n  imports: [lib]\n  tasks:\n  - name: setup\n  - name: mine\n    uses: lib.Tool\n"), "mine");
        Assert.Equal(["lib.setup"], FlowAssert.Needs(g.ByName["p.mine"]));
    }

    [Fact]
    public void NeedsSuffixStandsForTheNeedsOfATask()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("package:\n  name: p\n  tasks:\n  - name: a\n  - name: b\n  - name: x\n    needs: [a, b]\n  - name: y\n    needs: [x.needs]\n"), "y");
        Assert.Equal(["p.a", "p.b"], FlowAssert.Needs(g.ByName["p.y"]));
    }

    [Fact]
    public void NeedNameMayBeAnExpression()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("package:\n  name: p\n  with:\n    which: {type: str, value: b}\n  tasks:\n  - name: a\n  - name: b\n  - name: y\n    needs: [\"${{ which }}\"]\n"), "y");
        Assert.Equal(["p.b"], FlowAssert.Needs(g.ByName["p.y"]));
    }

    [Fact]
    public void UnknownComputedNeedIsAnErrorWhenBuilding()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  with:\n    which: {type: str, value: zz}\n  tasks:\n  - name: y\n    needs: [\"${{ which }}\"]\n"));
        var g = new TaskGraphBuilder(m).Build(["y"]);
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.UnknownTask, "task 'zz' not found");
        FlowAssert.At(e, "flow.yaml", 7, 13);
    }

    [Fact]
    public void RequestingUnknownTaskIsAnError()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: build\n"));
        var g = new TaskGraphBuilder(m).Build(["biuld"]);
        FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.UnknownTask, "task 'biuld' not found in package 'p' (did you mean 'build'?)");
        Assert.Empty(g.Nodes);
    }

    [Fact]
    public void RequestByQualifiedNameOfAnImportedTask()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", "package:\n  name: lib\n  tasks:\n  - export: t\n");
        var g = FlowAssert.Graph(f.Load("package:\n  name: p\n  imports: [lib]\n"), "lib.t");
        Assert.Equal("lib.t", Assert.Single(g.Roots).Name);
    }

    [Fact]
    public void CycleIsAnErrorThatPrintsTheCycle()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              tasks:
              - name: a
                needs: [c]
              - name: b
                needs: [a]
              - name: c
                needs: [b]
            """));
        var g = new TaskGraphBuilder(m).Build(["a"]);
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.Cycle, "dependency cycle: p.a -> p.c -> p.b -> p.a");
        FlowAssert.At(e, "flow.yaml", 4, 11);
        Assert.True(g.HasErrors);
        Assert.Single(g.Diagnostics, d => d.Code == DiagnosticCodes.Cycle);
    }

    [Fact]
    public void SelfNeedIsACycle()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: a\n    needs: [a]\n"));
        FlowAssert.HasError(new TaskGraphBuilder(m).BuildAll().Diagnostics, DiagnosticCodes.Cycle, "p.a -> p.a");
    }

    [Fact]
    public void CycleThroughACompound()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: x\n    needs: [c]\n  - name: c\n    body:\n    - name: s\n      needs: [x]\n"));
        var g = new TaskGraphBuilder(m).Build(["x"]);
        FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.Cycle, "p.x -> p.c -> p.c.s -> p.x");
    }

    [Fact]
    public void UsesCycleIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  tasks:\n  - name: a\n    uses: b\n  - name: b\n    uses: a\n");
        var g = new TaskGraphBuilder(m).Build(["a"]);
        FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.CircularDefinition, "inherits from itself");
    }

    [Fact]
    public void UsesItselfIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  tasks:\n  - name: a\n    uses: a\n");
        var e = FlowAssert.HasError(new TaskGraphBuilder(m).Build(["a"]).Diagnostics, DiagnosticCodes.CircularDefinition, "uses itself");
        FlowAssert.At(e, "flow.yaml", 5, 11);
    }

    [Fact]
    public void TypeCycleIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  types:\n  - name: A\n    uses: B\n  - name: B\n    uses: A\n  tasks:\n  - name: t\n    uses: A\n");
        FlowAssert.HasError(new TaskGraphBuilder(m).Build(["t"]).Diagnostics, DiagnosticCodes.CircularDefinition, "inherits from itself");
    }
}
