using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>A build owns its run directory: a second build of the project waits for the first instead of interleaving with it.</summary>
[Collection(SdkCollection.Name)]
public class ConcurrentBuildTests(SdkFeed feed)
{
    // 'slow' runs for as long as the test keeps the file 'hold' in the project folder.
    private const string Flow = """
        package:
          name: cc
          tasks:
          - name: slow
            shell: bash
            run: |
              echo "start $$" >> "$DFM_SRCDIR/trace.txt"
              while [ -e "$DFM_SRCDIR/hold" ]; do sleep 0.1; done
              echo o > o.txt
              echo '{"type": "std.FileSet", "filetype": "x", "basedir": ".", "files": ["o.txt"]}' >> "$DFM_OUTPUT"
              echo "end $$" >> "$DFM_SRCDIR/trace.txt"
          - root: after
            needs: [slow]
            shell: bash
            run: cp "$DFM_INPUTS" seen.json
        """;

    private static string[] Trace(FlowProject p)
        => File.Exists(Path.Combine(p.Dir, "trace.txt")) ? File.ReadAllLines(Path.Combine(p.Dir, "trace.txt")) : [];

    [Fact]
    public void ASecondBuildWaitsForTheFirstAndFindsItsResultsUpToDate()
    {
        using var p = new FlowProject(feed, Flow);
        // Restore once, so that both builds reach their tasks quickly.
        Assert.True(p.Msbuild("-t:Restore").Succeeded);
        var hold = p.Write("hold", "");
        using var first = p.StartBuild("-t:after");
        WaitFor(() => Trace(p).Length == 1, first);
        using var second = p.StartBuild("-t:after");
        WaitFor(() => second.Output.Contains("waiting for the run directory"), second);
        File.Delete(hold);
        var r1 = first.Wait(TimeSpan.FromMinutes(3));
        var r2 = second.Wait(TimeSpan.FromMinutes(3));
        Assert.True(r1.ExitCode == 0, r1.Output);
        Assert.True(r2.ExitCode == 0, r2.Output);
        // The task ran once, not twice interleaved; the second build said whom it waited for, then found everything done.
        Assert.Equal(2, Trace(p).Length);
        Assert.Matches(@"DvFlow: waiting for the run directory .*rundir, in use by another build \(pid \d+ on .*, building .*flow\.proj, since", r2.Output);
        Assert.Contains("cc.slow: skipped, up to date", r2.Output);
        var seen = File.ReadAllText(Path.Combine(p.RunDir, "cc.after", "seen.json"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(seen, "\"filetype\": \"x\""));
        Assert.Single(File.ReadAllLines(Path.Combine(p.RunDir, "cc.slow", "dfm.output.jsonl")));

        // A timeout of 0 refuses at once, naming the build in the way.
        p.Write("hold", "");
        using var third = p.StartBuild("-t:after", "-p:DvFlowForce=true");
        WaitFor(() => Trace(p).Length == 3, third);
        var refused = p.BuildWithoutBinlog("-t:after", "-p:DvFlowRunRootTimeout=0");
        File.Delete(hold);
        Assert.False(refused.Succeeded, refused.Describe());
        refused.AssertOutputMatches(@"error DVF0007: the run directory .*rundir is in use by another build \(pid \d+");
        var r3 = third.Wait(TimeSpan.FromMinutes(3));
        Assert.True(r3.ExitCode == 0, r3.Output);
    }

    [Fact]
    public void ABuildKilledWhileItHoldsTheRunDirectoryNeverBlocksTheNextNorLeavesARecordOfSuccess()
    {
        using var p = new FlowProject(feed, Flow);
        Assert.True(p.BuildWithoutBinlog("-t:after").Succeeded);
        var hold = p.Write("hold", "");
        using (var doomed = p.StartBuild("-t:after", "-p:DvFlowForce=true"))
        {
            WaitFor(() => Trace(p).Length == 3, doomed);
            doomed.Kill();
        }
        File.Delete(hold);
        var next = p.Build("-t:after");
        Assert.True(next.Succeeded, next.Describe());
        next.AssertOutputLacks("waiting for the run directory");
        // The killed run had removed the task's record before it started, so the task runs again rather than passing as done.
        Assert.Contains(next.MessagesUnder("DvFlow_cc__slow"), m => m.StartsWith("cc.slow: running (no previous run)"));
        Assert.StartsWith("end ", Trace(p)[^1]);
    }

    private static void WaitFor(Func<bool> condition, RunningDotnet build)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("the build did not get there:\n" + build.Output);
            Thread.Sleep(50);
        }
    }
}
