using System.Collections.Concurrent;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;
using DvFlow.Tasks.Runtime;

namespace DvFlow.Tasks.Tests.Runtime;

public class UpToDatePassTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dvflow-pass").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private NodeSpec Message(string name, string msg, params string[] needs) => new()
    {
        Name = "p." + name, Target = TargetNames.Canonical("p." + name), Package = "p", Kind = DvFlow.Model.Graph.TaskNodeKind.Leaf, Shell = "builtin", Run = "std.Message",
        Params = FlowMap.Of(("msg", msg)), Needs = needs.Select(n => "p." + n).ToArray(), RunDir = Path.Combine(_dir, "rundir", "p." + name), SrcDir = _dir,
    };

    private NodeSpec FileSet(string name, string include) => new()
    {
        Name = "p." + name, Target = TargetNames.Canonical("p." + name), Package = "p", Kind = DvFlow.Model.Graph.TaskNodeKind.Leaf, Shell = "builtin", Run = "std.FileSet",
        Params = FlowMap.Of(("base", ""), ("type", "text"), ("include", new object?[] { include }), ("exclude", Array.Empty<object?>()),
            ("incdirs", Array.Empty<object?>()), ("defines", Array.Empty<object?>()), ("attributes", Array.Empty<object?>())),
        RunDir = Path.Combine(_dir, "rundir", "p." + name), SrcDir = _dir,
    };

    private NodeSpec Bash(string name, string script, params string[] needs) => new()
    {
        Name = "p." + name, Target = TargetNames.Canonical("p." + name), Package = "p", Kind = DvFlow.Model.Graph.TaskNodeKind.Leaf, Shell = "bash", Run = script, Heavy = true,
        Needs = needs.Select(n => "p." + n).ToArray(), RunDir = Path.Combine(_dir, "rundir", "p." + name), SrcDir = _dir,
    };

    private FlowPlan Plan(params NodeSpec[] nodes) => new("p", Path.Combine(_dir, "rundir"), _dir, nodes);

    private static void RunAll(FlowPlan plan, string session)
    {
        using var store = new ExecDataStore();
        foreach (var n in plan.Nodes)
        {
            var outcome = new NodeRunner(plan, store, new ImplementationRegistry(), new RecordingRunLog(), new RunOptions { Session = session })
                .RunAsync(n.Name, CancellationToken.None).GetAwaiter().GetResult();
            Assert.True(outcome.Success, outcome.Reason);
        }
    }

    private static (bool Current, ConcurrentDictionary<string, NodeResult> Results) Pass(FlowPlan plan, string root, string session)
    {
        var results = new ConcurrentDictionary<string, NodeResult>(StringComparer.Ordinal);
        return (Decided(plan, root, session, results) is not null, results);
    }

    private static IReadOnlyList<string>? Decided(FlowPlan plan, string root, string session, ConcurrentDictionary<string, NodeResult> results)
    {
        using var store = new ExecDataStore();
        return UpToDatePass.RunAsync(plan, [root],
            log => new NodeRunner(plan, store, new ImplementationRegistry(), log, new RunOptions { Session = session }), results, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Fact]
    public void AChainRecordedUpToDateIsCurrentAndEveryTaskSaysWhy()
    {
        var plan = Plan(Message("a", "1"), Message("b", "2", "a"), Message("c", "3", "b"));
        var (before, none) = Pass(plan, "p.c", "s0");
        Assert.False(before);
        Assert.Empty(none);

        RunAll(plan, "s1");
        var (current, results) = Pass(plan, "p.c", "s2");
        Assert.True(current);
        Assert.Equal(["p.a", "p.b", "p.c"], results.Keys.Order());
        foreach (var (name, r) in results)
        {
            Assert.True(r.Outcome.Skipped, name);
            Assert.Contains(r.Events, e => e is MessageEvent m && m.Text == $"{name}: skipped, up to date (command, parameters, inputs and outputs unchanged)");
        }
    }

    [Fact]
    public void APassStopsAtTheFirstTaskThatMustRunAndChangesNothing()
    {
        RunAll(Plan(Message("a", "1"), Message("b", "2", "a"), Message("c", "3", "b")), "s1");
        var record = ExecDataStore.PathOf(Path.Combine(_dir, "rundir", "p.b"), "p.b");
        var stamp = File.GetLastWriteTimeUtc(record);

        var (current, results) = Pass(Plan(Message("a", "1"), Message("b", "changed", "a"), Message("c", "3", "b")), "p.c", "s2");
        Assert.False(current);
        // What was decided is kept for the targets that take over; the rest is left to them.
        Assert.Equal(["p.a"], results.Keys);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(record));
        Assert.Contains("\"msg\": \"2\"", File.ReadAllText(record));
    }

    [Fact]
    public void AProcessRunningTaskThatMustRunIsNeverRunByThePass()
    {
        var plan = Plan(Message("a", "1"), Bash("b", "touch \"$DFM_SRCDIR/ran\"", "a"));
        RunAll(Plan(Message("a", "1")), "s0");
        var (current, results) = Pass(plan, "p.b", "s1");
        Assert.False(current);
        Assert.Equal(["p.a"], results.Keys);
        Assert.False(File.Exists(Path.Combine(_dir, "ran")));
        Assert.False(File.Exists(ExecDataStore.PathOf(Path.Combine(_dir, "rundir", "p.b"), "p.b")));
    }

    [Fact]
    public void FileSetsRunInThePassAndANewFileStopsItAtTheirConsumer()
    {
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "a");
        var plan = Plan(FileSet("src", "*.txt"), Message("use", "x", "src"));
        RunAll(plan, "s1");

        var record = ExecDataStore.PathOf(Path.Combine(_dir, "rundir", "p.src"), "p.src");
        var stamp = File.GetLastWriteTimeUtc(record);
        var (current, results) = Pass(plan, "p.use", "s2");
        Assert.True(current);
        Assert.False(results["p.src"].Outcome.Skipped); // it looked at its files again
        Assert.False(results["p.src"].Outcome.Changed);
        Assert.True(results["p.use"].Outcome.Skipped);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(record)); // found as recorded, so not written again

        File.WriteAllText(Path.Combine(_dir, "b.txt"), "b");
        var (after, again) = Pass(plan, "p.use", "s3");
        Assert.False(after);
        Assert.Equal(["p.src"], again.Keys);
        Assert.Equal(["a.txt", "b.txt"], again["p.src"].Outcome.Output.Single().GetStrings("files"));
        Assert.Contains("b.txt", File.ReadAllText(record));
    }

    [Fact]
    public void AFailureInThePassIsRecordedForItsTargetToReport()
    {
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "a");
        var plan = Plan(FileSet("src", "*.txt"), Message("use", "x", "src"));
        RunAll(plan, "s1");
        File.Delete(Path.Combine(_dir, "a.txt"));

        var (current, results) = Pass(plan, "p.use", "s2");
        Assert.False(current);
        var failed = results["p.src"];
        Assert.False(failed.Outcome.Success);
        Assert.Contains(failed.Events, e => e is MarkerEvent m && m.Marker.Message.Contains("did not match any files"));
    }

    [Fact]
    public void TasksDecidedEarlierInTheBuildAreUsedButNotReportedAsDecidedAgain()
    {
        var plan = Plan(Message("a", "1"), Message("b", "2", "a"), Message("c", "3", "b"));
        RunAll(plan, "s1");
        var results = new ConcurrentDictionary<string, NodeResult>(StringComparer.Ordinal);
        Assert.Equal(["p.a", "p.b"], Decided(plan, "p.b", "s2", results));
        // A second entry target of the same build logs only what it decided itself.
        Assert.Equal(["p.c"], Decided(plan, "p.c", "s2", results));
    }

    [Fact]
    public async Task AnExecThatRunsInEveryBuildStillTellsItsConsumersThatItChanged()
    {
        var exec = new NodeSpec
        {
            Name = "p.stamp", Target = "DvFlow_p__stamp", Package = "p", Kind = DvFlow.Model.Graph.TaskNodeKind.Leaf, Shell = "builtin", Run = "std.Exec", Heavy = true,
            Params = FlowMap.Of(("command", $"echo run >> '{Path.Combine(_dir, "stamp.count")}'"), ("shell", "bash"), ("when", "always")),
            RunDir = Path.Combine(_dir, "rundir", "p.stamp"), SrcDir = _dir,
        };
        var plan = Plan(exec, Message("use", "x", "stamp"));
        RunAll(plan, "s1");
        using var store = new ExecDataStore();
        var runner = new NodeRunner(plan, store, new ImplementationRegistry(), new RecordingRunLog(), new RunOptions { Session = "s2" });
        Assert.True((await runner.RunAsync("p.stamp", CancellationToken.None)).Success);
        var use = await runner.RunAsync("p.use", CancellationToken.None);
        Assert.Equal((false, "an upstream task changed"), (use.Skipped, use.Reason));
        Assert.Equal(2, File.ReadAllLines(Path.Combine(_dir, "stamp.count")).Length);
    }

    [Fact]
    public void DisabledAndRoutingTasksAreDecidedAsTheirTargetsWouldDecideThem()
    {
        var off = Message("off", "never printed") with { Enabled = false };
        var top = new NodeSpec
        {
            Name = "p.top", Target = "DvFlow_p__top", Package = "p", Kind = DvFlow.Model.Graph.TaskNodeKind.Null, Needs = ["p.a", "p.off"],
            RunDir = Path.Combine(_dir, "rundir", "p.top"), SrcDir = _dir,
        };
        var plan = Plan(Message("a", "1"), off, top);
        RunAll(plan, "s1");
        var (current, results) = Pass(plan, "p.top", "s2");
        Assert.True(current);
        Assert.Contains(results["p.off"].Events, e => e is MessageEvent m && m.Text == "p.off: skipped (iff is false)");
        Assert.True(results["p.top"].Outcome.Skipped);
    }

    [Fact]
    public void AnUnknownTaskIsNeverCurrent()
    {
        var (current, results) = Pass(Plan(Message("a", "1")), "p.nope", "s1");
        Assert.False(current);
        Assert.Empty(results);
    }
}
