using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>What a build says at the default verbosity, and how a mistyped task name is answered.</summary>
[Collection(SdkCollection.Name)]
public class ConsoleOutputTests(SdkFeed feed)
{
    private const string Flow = """
        package:
          name: con
          tasks:
          - name: compile
            shell: bash
            run: echo compiled
          - name: lint
            shell: bash
            uptodate: false
            run: test ! -e "$DFM_SRCDIR/break"
          - name: say
            uses: std.Message
            with: {msg: "said to the user"}
          - root: all
            needs: [compile, lint, say]
          - root: after
            needs: [all]
            uses: std.Message
            with: {msg: after}
        """;

    private static ProcessResult Build(FlowProject p, params string[] args)
        => p.RunDotnet(["build", p.ProjectFile, "-nologo", .. args]);

    [Fact]
    public void EveryBuildEndsWithAOneLineSummaryOfWhatRanAndTheUsersOwnOutputAlwaysShows()
    {
        using var p = new FlowProject(feed, Flow);
        var first = Build(p, "-t:after");
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Matches(@"DvFlow: con\.after: 4 task\(s\), 4 ran, 0 up to date \(\d+\.\d s\)", first.Output);
        Assert.Contains("con.say: said to the user", first.Output);
        // Shell output is one switch away (-v:n), not on the default console.
        Assert.DoesNotContain("compiled", first.Output);
        Assert.Contains("compiled", Build(p, "-t:after", "-v:n", "-p:DvFlowForce=true").Output);

        var again = Build(p, "-t:after");
        Assert.Matches(@"DvFlow: con\.after: 4 task\(s\), 1 ran, 3 up to date \(\d+\.\d s\)", again.Output);

        p.Write("break", "");
        var failed = Build(p, "-t:after");
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Matches(@"DvFlow: con\.after: 4 task\(s\), 0 ran, 2 up to date, 1 failed, 1 not run \(\d+\.\d s\)", failed.Output);
    }

    [Fact]
    public void AMistypedTaskNameNamesTheClosestTasksByEveryRoute()
    {
        using var p = new FlowProject(feed, Flow);
        foreach (var target in new[] { "DvFlowRun", "DvFlowShow", "DvFlowGraph" })
        {
            var r = Build(p, $"-t:{target}", "-p:DvFlowTask=complie");
            Assert.NotEqual(0, r.ExitCode);
            // DvFlowRun qualifies a short name with the root package before looking it up; the inspection targets take it as typed.
            var typed = target == "DvFlowRun" ? "con.complie" : "complie";
            Assert.Contains($"flow.yaml : error DVF0012: task '{typed}' not found in the flow; the closest: 'con.compile'", r.Output);
        }
        // The graph goes under obj/, not into the sources.
        var graph = Build(p, "-t:DvFlowGraph", "-p:DvFlowTask=all");
        Assert.True(graph.ExitCode == 0, graph.Output);
        Assert.True(File.Exists(Path.Combine(p.Dir, "obj", "dvflow", "con.all.dot")), graph.Output);
        Assert.Empty(Directory.GetFiles(p.Dir, "*.dot"));
    }
}
