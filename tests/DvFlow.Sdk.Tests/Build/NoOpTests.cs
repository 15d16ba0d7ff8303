using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>
/// The no-op fast path of entry targets (a task's short name, Build, DvFlowRun): when everything a requested task needs
/// is up to date, one pass decides it and the per-task targets are not entered. These builds run without a binlog,
/// as users usually build; a binlog turns the fast path off (tested last).
/// </summary>
[Collection(SdkCollection.Name)]
public class NoOpTests(SdkFeed feed)
{
    private const string NotEntered = "their targets were not entered";

    private const string Flow = """
        package:
          name: nop
          tasks:
          - name: srcs
            uses: std.FileSet
            with: {base: rtl, type: systemVerilogSource, include: "*.sv", defines: [SYNTH=1]}
          - name: gen
            needs: [srcs]
            shell: bash
            run: |
              echo gen >> "$DFM_SRCDIR/gen.count"
              ls "$DFM_RUNDIR" > /dev/null
              echo '{"type": "std.FileSet", "filetype": "verilogInclude", "basedir": ".", "files": ["gen.svh"]}' >> "$DFM_OUTPUT"
              touch gen.svh
          - root: sim
            needs: [gen, srcs]
            shell: bash
            run: echo sim >> "$DFM_SRCDIR/sim.count"
        """;

    private const string ListTarget = """
          <Target Name="List">
            <MSBuild Projects="$(MSBuildProjectFullPath)" Targets="srcs">
              <Output TaskParameter="TargetOutputs" ItemName="Src" />
            </MSBuild>
            <Message Importance="high" Text="SRC %(Src.Filename)%(Src.Extension) type=%(Src.FileType) defines=%(Src.Defines) from=%(Src.Src)" />
          </Target>
        """;

    private static Dictionary<string, DateTime> Records(FlowProject p)
        => Directory.EnumerateFiles(p.RunDir, "*.exec_data.json", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

    private static int Count(FlowProject p, string file) => File.ReadAllLines(Path.Combine(p.Dir, file)).Length;

    [Fact]
    public void ANoOpIsDecidedInOnePassTouchesNothingAndReturnsTheSameItems()
    {
        using var p = new FlowProject(feed, Flow, ListTarget);
        p.Write("rtl/top.sv", "module top; endmodule");
        var first = p.BuildWithoutBinlog("-t:sim");
        Assert.True(first.Succeeded, first.Describe());
        first.AssertOutputLacks(NotEntered);
        var records = Records(p);

        var again = p.BuildWithoutBinlog("-t:sim");
        Assert.True(again.Succeeded, again.Describe());
        again.AssertOutputContains("DvFlow: 3 task(s) up to date; " + NotEntered);
        // Every task still says why it was skipped (the FileSet looked at its files again).
        again.AssertOutputContains("nop.gen: skipped, up to date");
        again.AssertOutputContains("nop.sim: skipped, up to date");
        again.AssertOutputContains("nop.srcs: running (always checks its files)");
        Assert.Equal((1, 1), (Count(p, "gen.count"), Count(p, "sim.count")));
        Assert.Equal(records, Records(p));

        // An entry target called by a plain MSBuild target returns the same items either way.
        var slow = p.BuildWithoutBinlog("-t:List", "-p:DvFlowFastNoOp=false");
        var fast = p.BuildWithoutBinlog("-t:List");
        Assert.True(slow.Succeeded && fast.Succeeded, slow.Describe() + fast.Describe());
        fast.AssertOutputContains(NotEntered);
        slow.AssertOutputLacks(NotEntered);
        foreach (var r in new[] { slow, fast })
            r.AssertOutputContains("SRC top.sv type=systemVerilogSource defines=SYNTH=1 from=nop.srcs");
    }

    [Fact]
    public void WhenATaskMustRunTheTargetsTakeOverAndEachTaskIsReportedOnce()
    {
        using var p = new FlowProject(feed, Flow);
        p.Write("rtl/top.sv", "module top; endmodule");
        Assert.True(p.BuildWithoutBinlog("-t:sim").Succeeded);

        // A new source file: the pass runs the FileSet, finds gen's inputs changed, and stops there.
        p.Write("rtl/sub.sv", "module sub; endmodule");
        var r = p.BuildWithoutBinlog("-t:sim");
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputLacks(NotEntered);
        r.AssertOutputContains("nop.gen: running (inputs changed)");
        Assert.Equal((2, 2), (Count(p, "gen.count"), Count(p, "sim.count")));
        // What the pass decided is replayed under the task's own target, not decided and logged again.
        Assert.Equal(1, r.LinesContaining("nop.srcs: running (always checks its files)"));

        // A source that no longer matches fails the FileSet, which the targets report, naming the task and pattern.
        File.Delete(Path.Combine(p.Dir, "rtl/top.sv"));
        File.Delete(Path.Combine(p.Dir, "rtl/sub.sv"));
        var failed = p.BuildWithoutBinlog("-t:sim");
        Assert.False(failed.Succeeded, failed.Describe());
        failed.AssertOutputContains("nop.srcs: Include pattern '*.sv' did not match any files");
        failed.AssertOutputLacks("has not completed successfully"); // its dependents are not started to fail in turn
        Assert.Equal(2, Count(p, "sim.count"));
    }

    [Fact]
    public void BuildAndDvFlowRunAreEntryTargetsToo()
    {
        using var p = new FlowProject(feed, Flow);
        p.Write("rtl/top.sv", "module top; endmodule");
        Assert.True(p.BuildWithoutBinlog().Succeeded);

        var build = p.BuildWithoutBinlog();
        Assert.True(build.Succeeded, build.Describe());
        build.AssertOutputContains(NotEntered);
        // Two entry targets in one build: the second reports only what the first did not.
        var both = p.BuildWithoutBinlog("-t:gen;sim");
        Assert.True(both.Succeeded, both.Describe());
        Assert.Equal(2, both.LinesContaining(NotEntered));
        Assert.Equal(1, both.LinesContaining("nop.gen: skipped, up to date"));
        var run = p.BuildWithoutBinlog("-t:DvFlowRun", "-p:DvFlowTask=gen");
        Assert.True(run.Succeeded, run.Describe());
        run.AssertOutputContains("DvFlow: 2 task(s) up to date; " + NotEntered);
        var unknown = p.BuildWithoutBinlog("-t:DvFlowRun", "-p:DvFlowTask=sym");
        Assert.False(unknown.Succeeded, unknown.Describe());
        unknown.AssertOutputMatches(@"flow\.yaml : error DVF0012: task 'nop\.sym' not found in the flow; the closest: 'nop\.sim'");
        unknown.AssertOutputLacks("DvFlow_nop__");
        Assert.Equal((1, 1), (Count(p, "gen.count"), Count(p, "sim.count")));
    }

    [Fact]
    public void RebuildADetailedLogAndTheSwitchTurnTheFastPathOff()
    {
        using var p = new FlowProject(feed, Flow);
        p.Write("rtl/top.sv", "module top; endmodule");
        Assert.True(p.BuildWithoutBinlog("-t:sim").Succeeded);

        var off = p.BuildWithoutBinlog("-t:sim", "-p:DvFlowFastNoOp=false");
        Assert.True(off.Succeeded, off.Describe());
        off.AssertOutputLacks(NotEntered);
        off.AssertOutputContains("nop.sim: skipped, up to date");

        // With a binlog every task is a target of its own, carrying its skip reason.
        var logged = p.Build("-t:sim");
        Assert.True(logged.Succeeded, logged.Describe());
        logged.AssertOutputLacks(NotEntered);
        Assert.Contains(logged.MessagesUnder("DvFlow_nop__gen"), m => m.StartsWith("nop.gen: skipped, up to date"));

        var rebuild = p.BuildWithoutBinlog("-t:Rebuild");
        Assert.True(rebuild.Succeeded, rebuild.Describe());
        Assert.Equal((2, 2), (Count(p, "gen.count"), Count(p, "sim.count")));
        // DvFlowForce takes MSBuild's boolean spellings, as every flow task's target does.
        var forced = p.BuildWithoutBinlog("-t:sim", "-p:DvFlowForce=on");
        Assert.True(forced.Succeeded, forced.Describe());
        Assert.Equal((3, 3), (Count(p, "gen.count"), Count(p, "sim.count")));
    }
}
