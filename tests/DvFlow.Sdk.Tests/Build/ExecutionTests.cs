using System.Globalization;
using DvFlow.Sdk.Tests.TestSupport;
using Microsoft.Build.Logging.StructuredLogger;

namespace DvFlow.Sdk.Tests.Build;

[Collection(SdkCollection.Name)]
public class ExecutionTests(SdkFeed feed)
{
    [Fact]
    public void IndependentShellTasksRunConcurrentlyUnderMAndASharedNeedRunsOnce()
    {
        using var p = new FlowProject(feed, """
            package:
              name: par
              tasks:
              - name: shared
                shell: bash
                run: echo run >> "$DFM_SRCDIR/shared.count"
              - name: a
                needs: [shared]
                shell: bash
                run: date +%s.%N > start; sleep 1.5; date +%s.%N > end
              - name: b
                needs: [shared]
                shell: bash
                run: date +%s.%N > start; sleep 1.5; date +%s.%N > end
              - root: all
                needs: [a, b]
            """);
        var r = p.Build("-t:all", "-m:2");
        Assert.True(r.Succeeded, r.Describe());
        double T(string task, string f) => double.Parse(File.ReadAllText(Path.Combine(p.RunDir, "par." + task, f)).Trim(), CultureInfo.InvariantCulture);
        // The two sleeps overlap: each started before the other ended.
        Assert.True(T("a", "start") < T("b", "end") && T("b", "start") < T("a", "end"),
            $"a {T("a", "start")}..{T("a", "end")}, b {T("b", "start")}..{T("b", "end")}");
        Assert.Single(File.ReadAllLines(Path.Combine(p.Dir, "shared.count")));
        // They ran in one concurrent batch, yet each task's log is replayed under its own target.
        Assert.NotEmpty(r.Targets("_DvFlowBatch_DvFlow_par__all"));
        foreach (var t in new[] { "a", "b", "shared" })
            Assert.Contains(r.MessagesUnder("DvFlow_par__" + t), m => m.StartsWith($"par.{t}: running (no previous run)"));
    }

    [Fact]
    public void NoOpRebuildSkipsEveryTaskAndSaysWhyInTheBinlog()
    {
        using var p = new FlowProject(feed, """
            package:
              name: inc
              tasks:
              - name: src
                uses: std.FileSet
                with: {type: text, include: "*.txt"}
              - root: count
                needs: [src]
                shell: bash
                run: |
                  wc -l < "$DFM_INPUT_FILES" > n
                  echo '{"type": "std.FileSet", "filetype": "count", "basedir": ".", "files": ["n"]}' >> "$DFM_OUTPUT"
              - root: after
                needs: [count]
                shell: bash
                run: cat "$DFM_INPUTS" > seen.json
            """);
        p.Write("a.txt", "a");
        Assert.True(p.Build("-t:after").Succeeded);
        var r = p.Build("-t:after");
        Assert.True(r.Succeeded, r.Describe());
        var skips = r.Log.FindChildrenRecursive<Message>(m => m.Text.Contains("skipped, up to date")).Select(m => m.Text).ToList();
        Assert.Contains(skips, s => s.StartsWith("inc.count:"));
        Assert.Contains(skips, s => s.StartsWith("inc.after:"));
        // The skipped task still hands its recorded output downstream.
        Assert.Contains("\"filetype\": \"count\"", File.ReadAllText(Path.Combine(p.RunDir, "inc.after", "seen.json")));

        // A new input file reruns the consumer and says why.
        p.Write("b.txt", "b");
        var r3 = p.Build("-t:after");
        Assert.True(r3.Succeeded, r3.Describe());
        Assert.Contains(r3.Log.FindChildrenRecursive<Message>(), m => m.Text.StartsWith("inc.count: running (inputs changed)"));
        Assert.Equal("2", File.ReadAllText(Path.Combine(p.RunDir, "inc.count", "n")).Trim());
    }

    [Fact]
    public void AFailingTaskFailsTheBuildNamesItsLogStopsDependentsAndIsNotRecordedAsDone()
    {
        using var p = new FlowProject(feed, """
            package:
              name: fail
              tasks:
              - name: broken
                shell: bash
                run: echo "about to fail"; exit 3
              - root: after
                needs: [broken]
                shell: bash
                run: touch ran
            """);
        var r = p.Build("-t:after");
        Assert.False(r.Succeeded);
        r.AssertOutputContains("fail.broken");
        r.AssertOutputContains("exit code 3");
        r.AssertOutputContains(Path.Combine(p.RunDir, "fail.broken", "fail.broken.log"));
        Assert.False(File.Exists(Path.Combine(p.RunDir, "fail.after", "ran")));
        var again = p.Build("-t:after");
        again.AssertOutputContains("fail.broken: running (previous run failed (status 3))");
    }

    [Fact]
    public void MarkersBecomeMsbuildErrorsAndWarningsWithLocation()
    {
        using var p = new FlowProject(feed, """
            package:
              name: mk
              tasks:
              - root: lint
                shell: bash
                run: |
                  echo '{"severity": "warning", "msg": "width mismatch", "loc": {"path": "rtl/top.sv", "line": 12, "pos": 5}}' >> "$DFM_MARKERS"
                  echo '{"severity": "error", "msg": "undeclared signal", "loc": {"path": "rtl/top.sv", "line": 20, "pos": 3}}' >> "$DFM_MARKERS"
            """);
        var r = p.Build("-t:lint");
        Assert.False(r.Succeeded);
        // Relative tool paths are resolved (run directory first, then the flow's directory) so IDEs can open them.
        r.AssertOutputContains($"{Path.Combine(p.Dir, "rtl", "top.sv")}(12,5): warning DVF6000: mk.lint: width mismatch");
        r.AssertOutputContains($"{Path.Combine(p.Dir, "rtl", "top.sv")}(20,3): error DVF6000: mk.lint: undeclared signal");
    }

    [Fact]
    public void APlainMsbuildTargetConsumesFlowOutputsAsItemsWithMetadata()
    {
        using var p = new FlowProject(feed, """
            package:
              name: items
              tasks:
              - name: srcs
                uses: std.FileSet
                with:
                  base: rtl
                  type: systemVerilogSource
                  include: "**/*.sv"
                  incdirs: [inc]
                  defines: [SYNTH=1]
                  attributes: [uvm]
            """, """
              <Target Name="ListSources">
                <MSBuild Projects="$(MSBuildProjectFullPath)" Targets="srcs">
                  <Output TaskParameter="TargetOutputs" ItemName="Src" />
                </MSBuild>
                <Message Importance="high" Text="SRC %(Src.Filename)%(Src.Extension) type=%(Src.FileType) defines=%(Src.Defines) attrs=%(Src.Attributes) from=%(Src.Src)" />
              </Target>
            """);
        p.Write("rtl/top.sv", "module top; endmodule");
        p.Write("rtl/sub/leaf.sv", "module leaf; endmodule");
        var r = p.Build("-t:ListSources");
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("SRC top.sv type=systemVerilogSource defines=SYNTH=1 attrs=uvm from=items.srcs");
        r.AssertOutputContains("SRC leaf.sv type=systemVerilogSource");
    }

    [Fact]
    public void CleanRemovesTheRunDirectoryAndRebuildForces()
    {
        using var p = new FlowProject(feed, """
            package:
              name: cl
              tasks:
              - root: t
                shell: bash
                run: date +%s%N >> "$DFM_SRCDIR/runs.txt"
            """);
        Assert.True(p.Build("-t:Build").Succeeded);
        Assert.True(p.Build("-t:Build").Succeeded);
        Assert.Single(File.ReadAllLines(Path.Combine(p.Dir, "runs.txt")));
        var rb = p.Build("-t:Rebuild");
        Assert.True(rb.Succeeded, rb.Describe());
        Assert.Equal(2, File.ReadAllLines(Path.Combine(p.Dir, "runs.txt")).Length);
        Assert.True(p.Build("-t:Clean").Succeeded);
        Assert.False(Directory.Exists(p.RunDir));
        Assert.True(File.Exists(Path.Combine(p.Dir, "flow.yaml")));
    }

    [Fact]
    public void TheBinlogShowsEachTaskAsATargetWithParametersCommandsOutputsAndSkipReason()
    {
        using var p = new FlowProject(feed, """
            package:
              name: bl
              tasks:
              - root: make
                with:
                  n: {type: int, value: 42}
                shell: bash
                run: |
                  echo "n is ${{ n }}" > out.txt
                  echo '{"type": "std.FileSet", "filetype": "text", "basedir": ".", "files": ["out.txt"]}' >> "$DFM_OUTPUT"
            """);
        var r = p.Build("-t:make");
        Assert.True(r.Succeeded, r.Describe());
        var target = r.Targets("DvFlow_bl__make").Single();
        var texts = target.FindChildrenRecursive<Message>().Select(m => m.Text).ToList();
        Assert.Contains(texts, t => t.Contains("param n = 42"));
        Assert.Contains(texts, t => t.Contains("bl.make: running (no previous run)"));
        // The command line is recorded on the task node (TaskCommandLineEventArgs).
        var task = target.FindChildrenRecursive<Microsoft.Build.Logging.StructuredLogger.Task>().Single(t => t.Name == "DvFlowRunNode");
        Assert.Contains("bl.make_cmd.sh", task.CommandLineArguments ?? string.Join("\n", task.FindChildrenRecursive<Message>().Select(m => m.Text)));
        var outputs = target.FindChildrenRecursive<Item>().Select(i => i.Text).ToList();
        Assert.Contains(outputs, o => o.EndsWith("out.txt"));
        var r2 = p.Build("-t:make");
        var skip = r2.Targets("DvFlow_bl__make").Single().FindChildrenRecursive<Message>().Select(m => m.Text);
        Assert.Contains(skip, t => t.Contains("skipped, up to date"));
    }
}
