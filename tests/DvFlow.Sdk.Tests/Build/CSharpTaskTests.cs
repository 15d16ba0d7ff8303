using System.Text.Json;
using DvFlow.Sdk.Tests.TestSupport;
using DvFlow.TaskApi;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>'shell: csharp' tasks, C# up-to-date checks and mementos, through real builds of a flow with a C# task library.</summary>
[Collection(SdkCollection.Name)]
public class CSharpTaskTests(SdkFeed feed)
{
    private const string Library = """
        using DvFlow.TaskApi;

        namespace Lib;

        public enum Mode { Fast, Thorough }

        public sealed class BindParams
        {
            public string Name { get; set; } = "";
            public int Count { get; set; }
            public bool Flag { get; set; }
            public double Ratio { get; set; }
            public List<string> Items { get; set; } = [];
            public int[] Numbers { get; set; } = [];
            public Mode Mode { get; set; }
            public Dictionary<string, string> Map { get; set; } = [];
            public string TopModule { get; set; } = "";
        }

        public sealed class Bind : FlowTask<BindParams>
        {
            public override async Task<TaskDataResult> RunAsync()
            {
                var p = Params;
                var text = $"{p.Name}|{p.Count + 1}|{p.Flag}|{p.Ratio * 2}|{string.Join(",", p.Items)}|{p.Numbers.Sum()}|{p.Mode}|{string.Join(",", p.Map.Select(kv => kv.Key + "=" + kv.Value))}|{p.TopModule}|{Input.Name}|{Ctxt.Name}";
                await File.WriteAllTextAsync(Path.Combine(Input.RunDir, "bound.txt"), text);
                return new TaskDataResult();
            }
        }

        public static class Fns
        {
            public static async Task<TaskDataResult> Produce(TaskRunCtxt ctxt, TaskDataInput input)
            {
                await Task.Yield();
                var r = new TaskDataResult();
                r.Output.Add(new DataItem("lib.Note", null, -1, FlowMap.Of(("text", (object?)input.Str("text")))));
                return r;
            }

            public static Task<TaskDataResult> Consume(TaskRunCtxt ctxt, TaskDataInput input)
            {
                ctxt.Info("got " + string.Join(",", input.Inputs.Where(i => i.Type == "lib.Note").Select(i => i.GetString("text"))));
                return Task.FromResult(new TaskDataResult());
            }

            public static async Task<TaskDataResult> Throws(TaskRunCtxt ctxt, TaskDataInput input)
            {
                await Task.Yield();
                throw new InvalidOperationException("boom");
            }

            public static TaskDataResult WrongSignature(TaskDataInput input) => new();

            public static async Task<TaskDataResult> Parallel(TaskRunCtxt ctxt, TaskDataInput input)
            {
                var codes = await ctxt.ExecParallelAsync([
                    new ExecCmd(["bash", "-c", "date +%s.%N > a.start; sleep 1; date +%s.%N > a.end"], "a.log"),
                    new ExecCmd(["bash", "-c", "date +%s.%N > b.start; sleep 1; date +%s.%N > b.end"], "b.log"),
                ]);
                return new TaskDataResult { Status = codes.Max() };
            }
        }

        public sealed record Counter(int Runs, string Note);

        public static class Memo
        {
            public static Task<TaskDataResult> Count(TaskRunCtxt ctxt, TaskDataInput input)
            {
                var prev = input.MementoAs<Counter>();
                var runs = (prev?.Runs ?? 0) + 1;
                ctxt.Info($"run {runs} (previous note: {prev?.Note ?? "none"})");
                return Task.FromResult(new TaskDataResult { Memento = new Counter(runs, "from run " + runs) });
            }
        }

        public static class Checks
        {
            public static Task<bool> Yes(UpToDateCtxt ctxt) => Task.FromResult(true);
            public static Task<bool> No(UpToDateCtxt ctxt) => Task.FromResult(false);
            public static bool Throws(UpToDateCtxt ctxt) => throw new InvalidOperationException("check broke");
            public static Task<bool> MementoSaysDone(UpToDateCtxt ctxt) => Task.FromResult(ctxt.MementoAs<Counter>()?.Runs >= 2);
        }
        """;

    private FlowProject Project(string flow)
    {
        var p = new FlowProject(feed, flow, CSharpTestLibrary.ProjectReference);
        CSharpTestLibrary.WriteInto(p, Library);
        return p;
    }

    [Fact]
    public void ClassTaskParamsBindByNameWithConversionAndFunctionTasksPassData()
    {
        using var p = Project("""
            package:
              name: cs
              tasks:
              - root: bind
                shell: csharp
                run: Lib.Bind
                with:
                  name: {type: str, value: abc}
                  count: {type: int, value: 41}
                  flag: {type: bool, value: true}
                  ratio: {type: str, value: "1.25"}
                  items: {type: list, value: [x, y]}
                  numbers: {type: list, value: [1, 2, 3]}
                  mode: {type: str, value: thorough}
                  map: {type: map, value: {k: v}}
                  top_module: {type: str, value: tb}
              - name: produce
                shell: csharp
                run: Lib.Fns.Produce
                with:
                  text: {type: str, value: hello}
              - root: consume
                needs: [produce]
                shell: csharp
                run: Lib.Fns.Consume
            """);
        var r = p.Build("-t:bind;consume");
        Assert.True(r.Succeeded, r.Describe());
        Assert.Equal("abc|42|True|2.5|x,y|6|Thorough|k=v|tb|cs.bind|cs.bind", File.ReadAllText(Path.Combine(p.RunDir, "cs.bind", "bound.txt")));
        r.AssertOutputContains("cs.consume: got hello");
    }

    [Fact]
    public void ErrorsInUserCodeFailTheTaskWithAClearMarkerAndNeverCrashTheBuild()
    {
        using var p = Project("""
            package:
              name: cs
              tasks:
              - root: throws
                shell: csharp
                run: Lib.Fns.Throws
              - root: missing_type
                shell: csharp
                run: Lib.Nope.Run
              - root: missing_method
                shell: csharp
                run: Lib.Fns.Nope
              - root: wrong_signature
                shell: csharp
                run: Lib.Fns.WrongSignature
              - root: not_a_task_class
                shell: csharp
                run: Lib.BindParams
              - root: bad_param
                shell: csharp
                run: Lib.Bind
                with:
                  count: {type: str, value: many}
              - root: all
                needs: [throws, missing_type, missing_method, wrong_signature, not_a_task_class, bad_param]
            """);
        // Each C# task runs in its own project instance, all requested at once: every one reports.
        var r = p.Build("-t:all");
        Assert.False(r.Succeeded);
        // The exception: type, message, the method the user wrote, and the throwing line of Lib.cs (the library has a pdb).
        r.AssertOutputMatches(@"lib/Lib\.cs\(\d+(,\d+)?\): error DVF\d+: cs\.throws: Lib\.Fns\.Throws threw InvalidOperationException: boom \(at Lib\.Fns\.Throws\)");
        r.AssertOutputContains("neither a type 'Lib.Nope.Run' nor a type 'Lib.Nope' was found in the task libraries (Lib.dll)");
        r.AssertOutputContains("type 'Lib.Fns' has no public static method 'Nope'");
        r.AssertOutputContains("method 'Lib.Fns.WrongSignature' has the wrong signature for a function task: expected public static async Task<TaskDataResult> WrongSignature(TaskRunCtxt ctxt, TaskDataInput input)");
        r.AssertOutputContains("type 'Lib.BindParams' is not a class task");
        r.AssertOutputContains("Lib.Bind threw InvalidCastException: parameter 'count' = \"many\" cannot be converted to Int32 (BindParams.Count)");
        // Failures, not crashes: no unhandled task exception.
        r.AssertOutputLacks("MSB4018");
        r.AssertOutputLacks("MSB4028");
    }

    [Fact]
    public void TypedMementosRoundTripBetweenRuns()
    {
        using var p = Project("""
            package:
              name: cs
              tasks:
              - root: count
                shell: csharp
                run: Lib.Memo.Count
                uptodate: false
            """);
        var first = p.Build("-t:count");
        Assert.True(first.Succeeded, first.Describe());
        first.AssertOutputContains("cs.count: run 1 (previous note: none)");
        var second = p.Build("-t:count");
        Assert.True(second.Succeeded, second.Describe());
        second.AssertOutputContains("cs.count: run 2 (previous note: from run 1)");
        using var exec = JsonDocument.Parse(File.ReadAllText(Path.Combine(p.RunDir, "cs.count", "cs.count.exec_data.json")));
        Assert.Equal(2, exec.RootElement.GetProperty("result").GetProperty("memento").GetProperty("Runs").GetInt32());
    }

    [Fact]
    public void CustomUpToDateChecksDecideAndTheLogSaysWhy()
    {
        using var p = Project("""
            package:
              name: cs
              tasks:
              - root: yes
                shell: csharp
                run: Lib.Memo.Count
                uptodate: Lib.Checks.Yes
              - root: no
                shell: csharp
                run: Lib.Memo.Count
                uptodate: Lib.Checks.No
              - root: throws
                shell: csharp
                run: Lib.Memo.Count
                uptodate: Lib.Checks.Throws
              - root: missing
                shell: csharp
                run: Lib.Memo.Count
                uptodate: Lib.Checks.Missing
              - root: memento
                shell: csharp
                run: Lib.Memo.Count
                uptodate: Lib.Checks.MementoSaysDone
            """);
        var first = p.Build("-v:n");
        Assert.True(first.Succeeded, first.Describe());
        var second = p.Build("-v:n");
        Assert.True(second.Succeeded, second.Describe());
        second.AssertOutputContains("cs.yes: skipped, up to date");
        second.AssertOutputContains("cs.no: running (custom up-to-date check 'Lib.Checks.No' said changed)");
        second.AssertOutputContains("cs.throws: running (custom up-to-date check 'Lib.Checks.Throws' threw InvalidOperationException)");
        second.AssertOutputContains("Lib.Checks.Throws' threw InvalidOperationException: check broke");
        second.AssertOutputContains("cs.missing: running (custom up-to-date check 'Lib.Checks.Missing' is unavailable)");
        second.AssertOutputContains("type 'Lib.Checks' has no public static method 'Missing'");
        // The memento decides: the check says done once the task ran twice.
        second.AssertOutputContains("cs.memento: running (custom up-to-date check 'Lib.Checks.MementoSaysDone' said changed)");
        var third = p.Build("-v:n");
        Assert.True(third.Succeeded, third.Describe());
        third.AssertOutputContains("cs.memento: skipped, up to date");
        third.AssertOutputContains("cs.no: running");
    }

    [Fact]
    public void ExecParallelRunsCommandsConcurrently()
    {
        using var p = Project("""
            package:
              name: cs
              tasks:
              - root: par
                shell: csharp
                run: Lib.Fns.Parallel
            """);
        var r = p.Build("-t:par");
        Assert.True(r.Succeeded, r.Describe());
        double T(string f) => double.Parse(File.ReadAllText(Path.Combine(p.RunDir, "cs.par", f)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(T("a.start") < T("b.end") && T("b.start") < T("a.end"), "the two commands did not overlap");
    }

    [Fact]
    public void APrebuiltLibraryListedAsDvFlowTaskLibraryIsUsed()
    {
        using var p = new FlowProject(feed, """
            package:
              name: cs
              tasks:
              - root: count
                shell: csharp
                run: Lib.Memo.Count, Lib
            """, "<ItemGroup><DvFlowTaskLibrary Include=\"prebuilt/Lib.dll\" /></ItemGroup>");
        CSharpTestLibrary.WriteInto(p, Library);
        var restore = p.Msbuild("-t:Restore");
        Assert.True(restore.Succeeded, restore.Describe());
        var lib = Dotnet.Run(p.Dir, ["build", "lib/Lib.csproj", "-nologo", "-o", Path.Combine(p.Dir, "prebuilt"), $"-p:DvFlowTasksAssembly={CSharpTestLibrary.TasksAssembly(feed)}"],
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = feed.Packages }, TimeSpan.FromMinutes(5));
        Assert.True(lib.ExitCode == 0, lib.Output);
        Directory.Delete(Path.Combine(p.Dir, "lib"), recursive: true);
        var r = p.Build("-t:count");
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("cs.count: run 1");
    }

    [Fact]
    public void InlineCSharpIsCompiledOnceCachedAndItsErrorsPointAtTheFlowFile()
    {
        using var p = new FlowProject(feed, """
            package:
              name: cs
              tasks:
              - root: inline
                shell: csharp
                with:
                  who: {type: str, value: inline}
                run: |
                  var who = input.Str("who");
                  await File.WriteAllTextAsync(Path.Combine(input.RunDir, "hi.txt"), $"hi {who}");
                  ctxt.Info($"hello from {who}, run {(input.MementoAs<Dictionary<string, int>>()?["n"] ?? 0) + 1}");
                  return new TaskDataResult { Memento = new Dictionary<string, int> { ["n"] = (input.MementoAs<Dictionary<string, int>>()?["n"] ?? 0) + 1 } };
              - root: one_liner
                shell: csharp
                run: ctxt.Info("one line");
              - root: broken
                shell: csharp
                run: |
                  var x = 1;
                  x.NoSuchMethod();
              - root: throws
                shell: csharp
                run: |
                  var list = new List<int>();
                  ctxt.Info("about to throw");
                  _ = list[3];
            """);
        var r = p.Build("-t:inline;one_liner");
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("cs.inline: hello from inline, run 1");
        r.AssertOutputContains("cs.one_liner: one line");
        Assert.Equal("hi inline", File.ReadAllText(Path.Combine(p.RunDir, "cs.inline", "hi.txt")));
        var cache = Path.Combine(p.RunDir, ".csharp-cache");
        var compiled = Directory.GetFiles(cache, "inline_*.dll");
        Assert.Equal(2, compiled.Length);
        var stamps = compiled.Select(File.GetLastWriteTimeUtc).ToList();

        File.WriteAllText(Path.Combine(p.Dir, "flow.yaml"), File.ReadAllText(Path.Combine(p.Dir, "flow.yaml")).Replace("value: inline}", "value: again}"));
        var again = p.Build("-t:inline");
        Assert.True(again.Succeeded, again.Describe());
        again.AssertOutputContains("cs.inline: hello from again, run 2");
        Assert.Equal(stamps, compiled.Select(File.GetLastWriteTimeUtc).ToList());

        var broken = p.Build("-t:broken");
        Assert.False(broken.Succeeded);
        // Line 20 of flow.yaml, column 9: 'NoSuchMethod' (the block is indented by 6, 'x.' takes 2).
        broken.AssertOutputMatches(@"flow\.yaml\(20,9\): error CS1061: cs\.broken: 'int' does not contain a definition for 'NoSuchMethod'");

        var threw = p.Build("-t:throws");
        Assert.False(threw.Succeeded);
        threw.AssertOutputMatches(@"flow\.yaml\(26,\d+\): error DVF6000: cs\.throws: inline C# threw ArgumentOutOfRangeException");
    }

    [Fact]
    public void ACSharpTaskWithoutAnyLibraryNamesTheMissingItem()
    {
        using var p = new FlowProject(feed, """
            package:
              name: cs
              tasks:
              - root: t
                shell: csharp
                run: Lib.Fns.Produce
            """);
        var r = p.Build("-t:t");
        Assert.False(r.Succeeded);
        r.AssertOutputContains("none listed: add <DvFlowTaskLibrary Include=\"path/to/Lib.dll\" /> or a <ProjectReference> to the flow project");
    }
}
