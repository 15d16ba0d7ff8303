using DvFlow.Model.Diagnostics;
using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Graph;

/// <summary>What expressions in task parameters can see, and how their values are typed.</summary>
public class ExpressionContextTests
{
    private static TaskNode Node(string withBlock, string extraPackage = "")
    {
        using var f = new FlowFiles();
        var yaml = $"""
            package:
              name: p
              with:
                width: {"{type: int, value: 8}"}
                debug: {"{type: bool, value: true}"}
                names: {"{type: list, value: [a, b, c]}"}
            {extraPackage}
              tasks:
              - name: t
                with:
            {withBlock}
            """;
        var g = FlowAssert.Graph(f.Load(yaml), "t");
        return g.ByName["p.t"];
    }

    [Fact]
    public void WholeValueExpressionKeepsItsType()
    {
        var n = Node("""
                  w2: ${{ width * 2 }}
                  on: ${{ debug }}
                  n: ${{ len(names) }}
                  l: ${{ names }}
                  s: "w=${{ width * 2 }}"
            """);
        Assert.Equal(16L, n.ParamValues["w2"]);
        Assert.Equal(true, n.ParamValues["on"]);
        Assert.Equal(3L, n.ParamValues["n"]);
        Assert.Equal(new object?[] { "a", "b", "c" }, (IEnumerable<object?>)n.ParamValues["l"]!);
        Assert.Equal("w=16", n.ParamValues["s"]);
        Assert.Equal(["int", "bool", "int", "list", "str"], n.Parameters.Select(p => p.Type));
    }

    [Fact]
    public void OperatorsAndBuiltins()
    {
        var n = Node("""
                  a: ${{ 7 // 2 }}
                  b: ${{ 7 % 3 }}
                  c: ${{ 2 ** 10 }}
                  d: ${{ 7 / 2 }}
                  e: ${{ width >= 8 and not debug }}
                  f: ${{ 'big' if width > 4 else 'small' }}
                  g: ${{ str(width) + '-bit' }}
                  h: ${{ int('42') + 1 }}
                  i: ${{ bool('') or width == 8 }}
                  j: ${{ width != 8 or (width < 1) }}
            """);
        Assert.Equal(3L, n.ParamValues["a"]);
        Assert.Equal(1L, n.ParamValues["b"]);
        Assert.Equal(1024L, n.ParamValues["c"]);
        Assert.Equal(3.5, n.ParamValues["d"]);
        Assert.Equal(false, n.ParamValues["e"]);
        Assert.Equal("big", n.ParamValues["f"]);
        Assert.Equal("8-bit", n.ParamValues["g"]);
        Assert.Equal(43L, n.ParamValues["h"]);
        Assert.Equal(true, n.ParamValues["i"]);
        Assert.Equal(false, n.ParamValues["j"]);
    }

    [Fact]
    public void ParamsThisAndRundir()
    {
        var n = Node("""
                  x: {type: str, value: one}
                  y: "${{ params.x }}-${{ this.x }}"
                  r: ${{ rundir }}
            """);
        Assert.Equal("one-one", n.ParamValues["y"]);
        Assert.Equal(n.RunDirFull, n.ParamValues["r"]);
    }

    [Fact]
    public void DefaultValueSyntaxInTasks()
    {
        var n = Node("""
                  a: "${{ p.nothing:-unset }}"
                  b: "${{ width:-0 }}"
                  c: "${{ env.DV_TEST:-no }}"
            """);
        Assert.Equal("unset", n.ParamValues["a"]);
        Assert.Equal(8L, n.ParamValues["b"]); // a whole-value expression keeps its type
        Assert.Equal("yes", n.ParamValues["c"]);
    }

    [Fact]
    public void ReferenceLibraryStyleQualifiedDefault()
    {
        using var f = new FlowFiles();
        var m = f.Load("""
            package:
              name: p
              tasks:
              - name: t
                uses: hdlsim.vlt.SimImage
              - name: u
                with:
                  s: {type: str, value: "${{ hdlsim.sim:-unset }}"}
            """, new DvFlow.Model.Elaboration.ElaborationOptions { Registry = f.HdlsimRegistry(), ParameterOverrides = ["hdlsim.sim=vlt"] });
        var g = FlowAssert.Graph(m, "t", "u");
        Assert.Equal("vlt", g.ByName["p.t"].Produces![0]["sim"]);
        Assert.Equal("vlt", g.ByName["p.u"].ParamValues["s"]);
    }

    [Fact]
    public void DivisionByZeroIsAnError()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: t\n    with:\n      x: ${{ 1 // 0 }}\n"));
        var g = new TaskGraphBuilder(m).Build(["t"]);
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.ExpressionEval, "division by zero");
        Assert.Equal(6, e.Location!.Line);
    }

    [Fact]
    public void TypeErrorInAnExpressionIsAnError()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: t\n    with:\n      x: ${{ 'a' - 1 }}\n"));
        var g = new TaskGraphBuilder(m).Build(["t"]);
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.ExpressionEval, "in '${{ 'a' - 1 }}'");
        FlowAssert.At(e, "flow.yaml", 6, 18);
    }
}
