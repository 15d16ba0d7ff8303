using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Elaboration;

/// <summary>Hostile or broken input that once crashed or hung the loader: each must end in a located diagnostic.</summary>
public class BadInputTests
{
    private static (FlowModel Model, TaskGraph Graph) LoadAndBuild(FlowFiles f, string yaml)
    {
        var m = f.Load(yaml);
        return (m, new TaskGraphBuilder(m).BuildAll());
    }

    [Fact]
    public void NulCharacterInFragmentPath()
    {
        using var f = new FlowFiles();
        var (m, _) = LoadAndBuild(f, "package:\n  name: p\n  fragments: [\"a\\0b\"]\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.FragmentNotFound, "is not a valid path");
        FlowAssert.At(e, "flow.yaml", 3, 15);
    }

    [Fact]
    public void NulCharacterInImportPath()
    {
        using var f = new FlowFiles();
        var (m, _) = LoadAndBuild(f, "package:\n  name: p\n  imports: [\"lib\\0/x\"]\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.ImportNotFound, "not found");
        FlowAssert.At(e, "flow.yaml", 3, 13);
    }

    [Fact]
    public void DeeplyNestedYaml()
    {
        using var f = new FlowFiles();
        var (m, _) = LoadAndBuild(f, "package:\n  name: p\n  with:\n    x: " + new string('[', 20000) + new string(']', 20000) + "\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.LimitExceeded, "nested more than 256 levels");
        Assert.Equal(4, e.Location!.Line);
    }

    [Fact]
    public void AliasExpansionBomb()
    {
        using var f = new FlowFiles();
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 9; i++) lines.Add($"a{i}: &a{i} [" + string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10)) + "]");
        var (m, _) = LoadAndBuild(f, string.Join("\n", lines) + "\npackage:\n  name: p\n  with:\n    x: {type: list, value: *a8}\n");
        FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.LimitExceeded, "aliases expand to more than 1000000 nodes");
    }

    [Fact]
    public void CompoundContainingItself()
    {
        using var f = new FlowFiles();
        var (_, g) = LoadAndBuild(f, "package:\n  name: p\n  tasks:\n  - name: c\n    body:\n    - name: s\n      uses: c\n");
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.CircularDefinition, "task 'p.c.s' contains itself");
        FlowAssert.At(e, "flow.yaml", 6, 13);
    }

    [Fact]
    public void MutuallyContainingCompounds()
    {
        using var f = new FlowFiles();
        var (_, g) = LoadAndBuild(f, "package:\n  name: p\n  tasks:\n  - name: a\n    body:\n    - name: s\n      uses: b\n  - name: b\n    body:\n    - name: t\n      uses: a\n");
        FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.CircularDefinition, "contains itself");
    }

    [Fact]
    public void DuplicateSubtaskNames()
    {
        using var f = new FlowFiles();
        var (m, _) = LoadAndBuild(f, "package:\n  name: p\n  tasks:\n  - name: c\n    body:\n    - name: s\n    - name: s\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.DuplicateName, "subtask 's' is defined twice in the body of 'p.c'");
        FlowAssert.At(e, "flow.yaml", 7, 13);
    }

    [Fact]
    public void LongChainsFitTheStackOfAWorkerThread()
    {
        // MSBuild runs tasks on threads with a 1 MB stack: long needs, uses and compound chains must not recurse per link.
        using var f = new FlowFiles();
        var needs = "package:\n  name: p\n  tasks:\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"  - name: t{i}\n    uses: std.Message\n" + (i > 0 ? $"    needs: [t{i - 1}]\n" : "")));
        var uses = "package:\n  name: p\n  tasks:\n  - name: t0\n    uses: std.Message\n" + string.Concat(Enumerable.Range(1, 3000).Select(i => $"  - name: t{i}\n    uses: t{i - 1}\n"));
        var compounds = "package:\n  name: p\n  tasks:\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"  - name: t{i}\n    body:\n    - name: s\n" + (i > 0 ? $"      needs: [t{i - 1}]\n" : "")));
        var results = new List<(FlowModel, TaskGraph)>();
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                foreach (var (yaml, top) in new[] { (needs, "t4999"), (uses, "t3000"), (compounds, "t999") })
                {
                    var m = f.Load(yaml);
                    results.Add((m, new TaskGraphBuilder(m).Build([top])));
                }
            }
            catch (Exception ex) { failure = ex; }
        }, 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
        Assert.Equal(5000, FlowAssert.NoErrors(results[0].Item2).Nodes.Count);
        Assert.Equal(3001, FlowAssert.NoErrors(results[1].Item2).ByName["p.t3000"].BaseChain.Count);
        Assert.Equal(3000, FlowAssert.NoErrors(results[2].Item2).Nodes.Count);
    }

    [Fact]
    public void ErrorsInEveryPartOfOneFileAreAllReported()
    {
        using var f = new FlowFiles();
        var (m, g) = LoadAndBuild(f, """
            package:
              name: p
              with:
                w: {type: int, value: wide}
              tasks:
              - name: a
                neds: [x]
              - name: b
                needs: [nothere]
              - name: c
                uses: std.Message
                with:
                  msg: "${{ undefined_thing }}"
            """);
        FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.ParamType, "parameter 'w'");
        FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.UnknownKey, "'neds'");
        FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.UnknownTask, "'nothere'");
        FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.ExpressionEval, "undefined_thing");
        Assert.All(m.Diagnostics.Concat(g.Diagnostics), d => Assert.True(d.Location is { Line: > 0, Column: > 0 }, d.ToString()));
    }

    [Fact]
    public void DiagnosticsRenderInMsBuildForm()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  taks: []\n");
        var d = Assert.Single(m.Diagnostics);
        Assert.Equal($"{f.PathOf("flow.yaml")}(3,3): error DVF1003: unknown key 'taks' in package (did you mean 'tasks'?)", d.ToString());
    }

    [Fact]
    public void BuilderToleratesAModelWithoutRoot()
    {
        using var f = new FlowFiles();
        var m = f.Load("package: [broken\n");
        Assert.Null(m.Root);
        var g = new TaskGraphBuilder(m).BuildAll();
        Assert.Empty(g.Nodes);
        Assert.True(g.HasErrors);
        Assert.Empty(new TaskGraphBuilder(m).Build(["x"]).Nodes);
    }
}
