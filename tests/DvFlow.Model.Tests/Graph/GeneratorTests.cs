using DvFlow.Model.Diagnostics;
using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Graph;

/// <summary>strategy.generate: a host-run generator creates subtasks of the generating task while the graph is built.</summary>
public class GeneratorTests
{
    private const string Suite = """
        package:
          name: p
          tasks:
          - name: image
            uses: std.Message
            with: {msg: image}
          - name: suite
            needs: [image]
            with:
              tests: {type: list, value: [smoke, full]}
            strategy:
              generate:
                shell: csharp
                run: My.Gen.Tests
          - name: report
            needs: [suite]
            uses: std.Message
            with: {msg: done}
        """;

    /// <summary>A host that hands back canned tasks and records what it was asked.</summary>
    private sealed class FakeHost(Func<GeneratorRequest, GeneratorResult> generate) : ITaskGeneratorHost
    {
        public List<GeneratorRequest> Requests { get; } = new();

        public GeneratorResult Generate(GeneratorRequest request)
        {
            Requests.Add(request);
            return generate(request);
        }
    }

    private static GeneratedTaskSpec Msg(string name, object? msg, params string[] needs) => new(name, "std.Message", [new("msg", msg)], needs);

    private static GeneratorResult Tasks(params GeneratedTaskSpec[] tasks) => new(tasks, [], []);

    private static TaskGraph Build(FlowFiles f, ITaskGeneratorHost host, string source = Suite, params string[] tasks)
        => new TaskGraphBuilder(f.Load(source), new GraphBuildOptions { Generators = host }).Build(tasks.Length == 0 ? ["report"] : tasks);

    [Fact]
    public void GeneratedTasksAreSubtasksWiredLikeABody()
    {
        using var f = new FlowFiles();
        var host = new FakeHost(r => Tasks(
            [.. ((IReadOnlyList<object?>)r.Params["tests"]!).Select(t => Msg("test_" + t, $"run {t}"))]));
        var g = FlowAssert.NoErrors(Build(f, host));
        var request = Assert.Single(host.Requests);
        Assert.Equal("p.suite", request.TaskName);
        Assert.Equal("My.Gen.Tests", request.Generate.Run);
        Assert.Equal("csharp", request.Generate.Shell);
        Assert.Equal("run smoke", g.ByName["p.suite.test_smoke"].ParamValues["msg"]);
        Assert.Equal("run full", g.ByName["p.suite.test_full"].ParamValues["msg"]);
        // Independent generated tasks wait only for the compound's input, so they can run in parallel.
        Assert.Equal(["p.suite.in"], FlowAssert.Needs(g.ByName["p.suite.test_smoke"]));
        Assert.Equal(["p.suite.in"], FlowAssert.Needs(g.ByName["p.suite.test_full"]));
        Assert.Equal(["p.image"], FlowAssert.Needs(g.ByName["p.suite.in"]));
        Assert.Equal(["p.suite.test_smoke", "p.suite.test_full"], FlowAssert.Needs(g.ByName["p.suite"]));
        Assert.Equal(TaskNodeKind.Compound, g.ByName["p.suite"].Kind);
        Assert.Equal("p.suite/p.suite.test_full", g.ByName["p.suite.test_full"].RunDir);
    }

    [Fact]
    public void GeneratedTasksCanNeedEachOtherAndNamedTasks()
    {
        using var f = new FlowFiles();
        var host = new FakeHost(_ => Tasks(Msg("a", "a"), Msg("b", "b", "a", "image")));
        var g = FlowAssert.NoErrors(Build(f, host));
        Assert.Equal(["p.suite.a", "p.image"], FlowAssert.Needs(g.ByName["p.suite.b"]));
        Assert.Equal(["p.suite.b"], FlowAssert.Needs(g.ByName["p.suite"]));
    }

    [Fact]
    public void ValuesOfEveryKindAreTypedLikeYaml()
    {
        using var f = new FlowFiles();
        const string flow = """
            package:
              name: p
              tasks:
              - name: base
                with:
                  n: {type: int, value: 0}
                  x: {type: float, value: 0.5}
                  flag: {type: bool, value: false}
                  items: {type: list, value: []}
                  m: {type: map, value: {}}
                  s: {type: str, value: ""}
              - name: suite
                strategy:
                  generate: {run: G.Run}
              - name: report
                needs: [suite]
            """;
        var host = new FakeHost(_ => Tasks(new GeneratedTaskSpec("t", "base",
            [new("n", 7L), new("x", 2.0), new("flag", true), new("items", new List<object?> { "a", 1L }),
             new("m", new Dictionary<string, object?> { ["k"] = "v" }), new("s", "10")], [])));
        var t = FlowAssert.NoErrors(Build(f, host, flow)).ByName["p.suite.t"].ParamValues;
        Assert.Equal(7L, t["n"]);
        Assert.Equal(2.0, t["x"]);
        Assert.Equal(true, t["flag"]);
        Assert.Equal(["a", 1L], (IReadOnlyList<object?>)t["items"]!);
        Assert.Equal("v", ((IReadOnlyDictionary<string, object?>)t["m"]!)["k"]);
        Assert.Equal("10", t["s"]); // a string stays a string, even when it looks like a number
    }

    [Fact]
    public void UnknownParameterIsAnErrorAtTheGenerator()
    {
        using var f = new FlowFiles();
        var host = new FakeHost(_ => Tasks(new GeneratedTaskSpec("t", "std.Message", [new("mesage", "x")], [])));
        var g = Build(f, host);
        var d = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.UnknownParameter, "its parameters are: msg");
        FlowAssert.At(d, "flow.yaml", 14, 14);
    }

    [Fact]
    public void WrongValueTypeIsAnError()
    {
        using var f = new FlowFiles();
        const string flow = """
            package:
              name: p
              tasks:
              - name: base
                with:
                  n: {type: int, value: 0}
              - name: suite
                strategy:
                  generate: {run: G.Run}
              - name: report
                needs: [suite]
            """;
        var host = new FakeHost(_ => Tasks(new GeneratedTaskSpec("t", "base", [new("n", new List<object?> { "x" })], [])));
        FlowAssert.HasError(Build(f, host, flow).Diagnostics, DiagnosticCodes.ParamType, "parameter 'n'");
    }

    [Fact]
    public void UnknownBaseTaskIsAnError()
    {
        using var f = new FlowFiles();
        var host = new FakeHost(_ => Tasks(new GeneratedTaskSpec("t", "std.Mesage", [], [])));
        FlowAssert.HasError(Build(f, host).Diagnostics, DiagnosticCodes.UnknownTask, "'std.Mesage'");
    }

    [Fact]
    public void DuplicateAndBadNamesAreErrors()
    {
        using var f = new FlowFiles();
        var host = new FakeHost(_ => Tasks(Msg("a", "1"), Msg("a", "2"), Msg("x.y", "3")));
        var g = Build(f, host);
        FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.Generator, "two subtasks named 'a'");
        FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.Generator, "named 'x.y'");
    }

    [Fact]
    public void GeneratorDiagnosticsAndInputsReachTheGraph()
    {
        using var f = new FlowFiles();
        var host = new FakeHost(_ => new GeneratorResult([], ["/src/tests.json"],
            [new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.Generator, "tests.json: bad entry", new SourceLocation("/src/tests.json", 3, 5))]));
        var g = Build(f, host);
        var d = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.Generator, "bad entry");
        Assert.Equal(3, d.Location!.Line);
        Assert.Equal(["/src/tests.json"], g.GeneratorInputs);
    }

    [Fact]
    public void HostExceptionBecomesAnError()
    {
        using var f = new FlowFiles();
        var host = new FakeHost(_ => throw new InvalidOperationException("boom"));
        var d = FlowAssert.HasError(Build(f, host).Diagnostics, DiagnosticCodes.Generator, "boom");
        FlowAssert.At(d, "flow.yaml", 14, 14);
    }

    [Fact]
    public void WithoutAHostTheGeneratorIsReportedNotRun()
    {
        using var f = new FlowFiles();
        var g = new TaskGraphBuilder(f.Load(Suite)).Build(["report"]);
        FlowAssert.HasWarning(g.Diagnostics, DiagnosticCodes.Generator, "was not run");
        Assert.False(g.HasErrors);
    }

    [Fact]
    public void DisabledGeneratingTaskDoesNotRunItsGenerator()
    {
        using var f = new FlowFiles();
        var host = new FakeHost(_ => Tasks(Msg("a", "1")));
        FlowAssert.NoErrors(Build(f, host, Suite.Replace("    needs: [image]\n    with:\n      tests", "    iff: false\n    needs: [image]\n    with:\n      tests")));
        Assert.Empty(host.Requests);
    }
}
