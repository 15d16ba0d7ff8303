using System.Globalization;
using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>strategy.generate: C# generators create tasks while the flow is translated, through real builds.</summary>
[Collection(SdkCollection.Name)]
public class GeneratorTests(SdkFeed feed)
{
    private const string Library = """
        using System.Text.Json;
        using DvFlow.TaskApi;

        namespace Lib;

        public sealed record TestEntry(string Name, int Seed);

        public static class Generators
        {
            // One run_test per entry of the JSON test list (spec document 000's test-list example).
            public static void CreateTests(GeneratorCtxt ctxt, GeneratorInput input)
            {
                var list = ctxt.AddInputFile(input.Str("test_list"));
                var tests = JsonSerializer.Deserialize<TestEntry[]>(File.ReadAllText(list), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
                foreach (var t in tests)
                    ctxt.AddTask(ctxt.MkTaskNode("run_test", ctxt.MkName($"test_{t.Name}"), new { test = t.Name, seed = t.Seed }));
            }

            public static async Task Throws(GeneratorCtxt ctxt, GeneratorInput input)
            {
                await Task.Yield();
                throw new InvalidOperationException("no test list");
            }

            public static void BadParam(GeneratorCtxt ctxt, GeneratorInput input)
                => ctxt.AddTask(ctxt.MkTaskNode("run_test", "t", new { tset = "x" }));

            public static void Reports(GeneratorCtxt ctxt, GeneratorInput input)
                => ctxt.Error("test 'x' has no seed", Path.Combine(input.SrcDir, "tests.json"), 2, 5);

            public static int WrongSignature(GeneratorInput input) => 0;
        }
        """;

    private const string Flow = """
        package:
          name: gen
          tasks:
          - name: run_test
            shell: bash
            with:
              test: {type: str, value: ""}
              seed: {type: int, value: 0}
            run: |
              date +%s.%N > start
              echo "test ${{ test }} seed ${{ seed }}" > result.txt
              sleep 1
              date +%s.%N > end
          - root: suite
            with:
              test_list: {type: str, value: tests.json}
            strategy:
              generate:
                shell: csharp
                run: Lib.Generators.CreateTests
        """;

    private FlowProject Project(string flow)
    {
        var p = new FlowProject(feed, flow, CSharpTestLibrary.ProjectReference);
        CSharpTestLibrary.WriteInto(p, Library);
        return p;
    }

    private static double Stamp(string file) => double.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture);

    [Fact]
    public void GeneratedTasksRunInParallelAndRegenerateWhenTheirInputChanges()
    {
        using var p = Project(Flow);
        p.Write("tests.json", """[{"name": "smoke", "seed": 1}, {"name": "full", "seed": 2}]""");
        var r = p.Build("-t:suite", "-m:2");
        Assert.True(r.Succeeded, r.Describe());
        var smoke = Path.Combine(p.RunDir, "gen.suite", "gen.suite.test_smoke");
        var full = Path.Combine(p.RunDir, "gen.suite", "gen.suite.test_full");
        Assert.Equal("test smoke seed 1", File.ReadAllText(Path.Combine(smoke, "result.txt")).Trim());
        Assert.Equal("test full seed 2", File.ReadAllText(Path.Combine(full, "result.txt")).Trim());
        // Both one-second tasks were running at the same time.
        Assert.True(Stamp(Path.Combine(smoke, "start")) < Stamp(Path.Combine(full, "end")) && Stamp(Path.Combine(full, "start")) < Stamp(Path.Combine(smoke, "end")),
            "the generated tasks did not overlap");

        // Nothing changed: the translation is reused and the tasks are skipped.
        var again = p.Build("-t:suite", "-v:n");
        Assert.True(again.Succeeded, again.Describe());
        again.AssertOutputContains("the flow is unchanged since its last translation");

        // A new entry in the test list is a new task, after a plain 'dotnet build'.
        p.Write("tests.json", """[{"name": "smoke", "seed": 1}, {"name": "full", "seed": 2}, {"name": "extra", "seed": 3}]""");
        var third = p.Build("-t:suite");
        Assert.True(third.Succeeded, third.Describe());
        Assert.Equal("test extra seed 3", File.ReadAllText(Path.Combine(p.RunDir, "gen.suite", "gen.suite.test_extra", "result.txt")).Trim());
    }

    [Fact]
    public void InlineGeneratorsRunAndTheirTasksShowInDvFlowGraph()
    {
        using var p = new FlowProject(feed, """
            package:
              name: gen
              tasks:
              - root: greet
                with:
                  names: {type: list, value: [ann, bob]}
                strategy:
                  generate:
                    shell: csharp
                    run: |
                      foreach (var n in input.List("names"))
                          ctxt.AddTask(ctxt.MkTaskNode("std.Message", "hello_" + n, new Dictionary<string, object?> { ["msg"] = "hello " + n }));
            """);
        var r = p.Build("-t:greet");
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("hello ann");
        r.AssertOutputContains("hello bob");
        var graph = p.Build("-t:DvFlowGraph", "-p:DvFlowTask=greet", "-p:DvFlowOutput=greet.dot");
        Assert.True(graph.Succeeded, graph.Describe());
        Assert.Contains("gen.greet.hello_bob", p.Read("greet.dot"));
    }

    [Fact]
    public void GeneratorErrorsAreBuildErrorsWithLocations()
    {
        using var p = Project("""
            package:
              name: gen
              tasks:
              - name: run_test
                shell: bash
                with:
                  test: {type: str, value: ""}
                run: echo ${{ test }}
              - root: throws
                strategy: {generate: {shell: csharp, run: Lib.Generators.Throws}}
              - root: bad_param
                strategy: {generate: {shell: csharp, run: Lib.Generators.BadParam}}
              - root: reports
                strategy: {generate: {shell: csharp, run: Lib.Generators.Reports}}
              - root: missing
                strategy: {generate: {shell: csharp, run: Lib.Generators.Nope}}
              - root: wrong
                strategy: {generate: {shell: csharp, run: Lib.Generators.WrongSignature}}
              - root: python
                strategy: {generate: {shell: pytask, run: my_package.generators.create_tests}}
              - root: inline_error
                strategy:
                  generate:
                    shell: csharp
                    run: |
                      ctxt.AddTask(ctxt.MkTaskNode("std.Message"));
                      undefined_name += 1;
            """);
        var r = p.Build();
        Assert.False(r.Succeeded);
        r.AssertOutputMatches(@"lib/Lib\.cs\(\d+(,\d+)?\): error DVF4003: generator Lib\.Generators\.Throws threw InvalidOperationException: no test list");
        r.AssertOutputMatches(@"flow\.yaml\(12,\d+\): error DVF2009: parameter 'tset' not found in base task 'gen\.run_test'");
        r.AssertOutputMatches(@"tests\.json\(2,5\): error DVF4003: test 'x' has no seed");
        r.AssertOutputContains("type 'Lib.Generators' has no public static method 'Nope'");
        r.AssertOutputContains("has the wrong signature for a generator");
        r.AssertOutputContains("uses 'shell: pytask'; generators here are C#");
        r.AssertOutputMatches(@"flow\.yaml\(26,\d+\): error CS0103: The name 'undefined_name' does not exist");
        r.AssertOutputLacks("MSB4018");
        // A failed translation leaves no targets behind that could run a stale graph.
        Assert.False(File.Exists(Path.Combine(p.Dir, "obj", "dvflow", "flow.g.targets")));
    }
}
