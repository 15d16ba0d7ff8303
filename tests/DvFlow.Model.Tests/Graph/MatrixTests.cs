using DvFlow.Model.Diagnostics;
using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Graph;

/// <summary>strategy.matrix: one body instance per combination of values.</summary>
public class MatrixTests
{
    private const string Regress = """
        package:
          name: p
          with:
            prefix: {type: str, value: run}
          tasks:
          - name: image
          - name: regress
            needs: [image]
            strategy:
              matrix:
                test: [smoke, full]
                seed: [1, 2, 3]
            body:
            - name: sim
              uses: std.Message
              with:
                msg: "${{ prefix }} ${{ matrix.test }} ${{ matrix.seed }} ${{ this.seed }} ${{ test }}"
            - name: check
              needs: [sim]
              uses: std.Message
              with:
                msg: "check ${{ matrix.test }}/${{ matrix.seed }}"
        """;

    [Fact]
    public void OneInstancePerCombinationLastAxisFastest()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load(Regress), "regress");
        var sims = g.Nodes.Where(n => n.Name.StartsWith("p.regress.sim_", StringComparison.Ordinal)).Select(n => n.Name).Order().ToList();
        Assert.Equal(["p.regress.sim_0_0", "p.regress.sim_0_1", "p.regress.sim_0_2", "p.regress.sim_1_0", "p.regress.sim_1_1", "p.regress.sim_1_2"], sims);
        Assert.Equal("run full 3 3 full", g.ByName["p.regress.sim_1_2"].ParamValues["msg"]);
        Assert.Equal("run smoke 1 1 smoke", g.ByName["p.regress.sim_0_0"].ParamValues["msg"]);
        Assert.Equal("check full/2", g.ByName["p.regress.check_1_1"].ParamValues["msg"]);
        var children = g.ByName["p.regress"].Children.Select(c => c.Name).ToList();
        Assert.Equal("p.regress.in", children[0]);
        Assert.Equal(["p.regress.sim_0_0", "p.regress.check_0_0", "p.regress.sim_0_1"], children.Skip(1).Take(3));
    }

    [Fact]
    public void CellsAreWiredLikeABodyPerCombination()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load(Regress), "regress");
        Assert.Equal(["p.image"], FlowAssert.Needs(g.ByName["p.regress.in"]));
        Assert.Equal(["p.regress.in"], FlowAssert.Needs(g.ByName["p.regress.sim_0_1"]));
        Assert.Equal(["p.regress.sim_0_1"], FlowAssert.Needs(g.ByName["p.regress.check_0_1"]));
        var outNeeds = FlowAssert.Needs(g.ByName["p.regress"]);
        Assert.Equal(6, outNeeds.Length);
        Assert.All(outNeeds, n => Assert.StartsWith("p.regress.check_", n));
    }

    [Fact]
    public void CellsRunAtTheCompoundsLevel()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load(Regress), "regress");
        Assert.Equal("p.regress.sim_0_0", g.ByName["p.regress.sim_0_0"].RunDir);
        Assert.Equal("p.regress", g.ByName["p.regress"].RunDir);
    }

    [Fact]
    public void DuplicateAxisValuesReuseTheFirstIndex()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: p
              tasks:
              - name: m
                strategy:
                  matrix:
                    x: [a, b, a]
                body:
                - name: s
                  uses: std.Message
                  with: {msg: "${{ matrix.x }}"}
            """), "m");
        Assert.Equal(["p.m.s_0", "p.m.s_1"], g.Nodes.Where(n => n.Name.StartsWith("p.m.s", StringComparison.Ordinal)).Select(n => n.Name).Order());
    }

    [Fact]
    public void MatrixValuesMayBeExpressionsAndMaps()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: p
              with:
                base_seed: {type: int, value: 10}
              tasks:
              - name: m
                strategy:
                  matrix:
                    seed: ["${{ base_seed }}", "${{ base_seed + 1 }}"]
                    cfg:
                    - {name: fast, opt: O3}
                body:
                - name: s
                  with:
                    seed: {type: int, value: "${{ matrix.seed }}"}
                    label: {type: str, value: "${{ matrix.cfg.name }}-${{ matrix.cfg.opt }}"}
            """), "m");
        var s = g.ByName["p.m.s_1_0"];
        Assert.Equal(11L, s.ParamValues["seed"]);
        Assert.Equal("fast-O3", s.ParamValues["label"]);
    }

    [Fact]
    public void MatrixAxisMayBeAnExpressionYieldingAList()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: p
              with:
                seeds: {type: list, value: [5, 6, 7]}
              tasks:
              - name: m
                strategy:
                  matrix:
                    seed: ${{ seeds }}
                body:
                - name: s
                  with:
                    n: {type: int, value: "${{ matrix.seed }}"}
            """), "m");
        Assert.Equal(7L, g.ByName["p.m.s_2"].ParamValues["n"]);
    }

    [Fact]
    public void MatrixAxisExpressionNotYieldingAListIsAnError()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  with:\n    n: {type: int, value: 3}\n  tasks:\n  - name: m\n    strategy:\n      matrix:\n        x: ${{ n }}\n    body:\n    - name: s\n"));
        var e = FlowAssert.HasError(new TaskGraphBuilder(m).Build(["m"]).Diagnostics, DiagnosticCodes.BadStrategy, "matrix variable 'x' of task 'p.m' must be a non-empty list, found 3");
        FlowAssert.At(e, "flow.yaml", 9, 12);
    }

    [Fact]
    public void MatrixSubtasksSeeTheStrategyTasksParameters()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: p
              tasks:
              - name: m
                with:
                  tool: {type: str, value: vlt}
                strategy:
                  matrix: {n: [1]}
                  body:
                  - name: s
                    uses: std.Message
                    with: {msg: "${{ tool }}-${{ n }}"}
            """), "m");
        Assert.Equal("vlt-1", g.ByName["p.m.s_0"].ParamValues["msg"]);
    }

    [Fact]
    public void MatrixReferenceOutsideAMatrixIsAnError()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: t\n    uses: std.Message\n    with:\n      msg: \"${{ matrix.x }}\"\n"));
        var g = new TaskGraphBuilder(m).Build(["t"]);
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.ExpressionEval, "undefined variable 'matrix.x'");
        FlowAssert.At(e, "flow.yaml", 7, 17);
    }

    [Fact]
    public void HugeMatrixIsAnError()
    {
        using var f = new FlowFiles();
        var axis = "[" + string.Join(",", Enumerable.Range(0, 100)) + "]";
        var m = FlowAssert.NoErrors(f.Load($"package:\n  name: p\n  tasks:\n  - name: m\n    strategy:\n      matrix:\n        a: {axis}\n        b: {axis}\n        c: {axis}\n    body:\n    - name: s\n"));
        var g = new TaskGraphBuilder(m).Build(["m"]);
        FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.BadStrategy, "1000000 combinations");
    }
}
