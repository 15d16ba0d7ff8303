using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>Every error and warning a running task raises points at the user's files: the task in flow.yaml, or the tool's own source line.</summary>
[Collection(SdkCollection.Name)]
public class DiagnosticLocationTests(SdkFeed feed)
{
    [Fact]
    public void RuntimeFailuresPointAtTheTaskInTheFlowFileNeverAtGeneratedTargets()
    {
        using var p = new FlowProject(feed, """
            package:
              name: loc
              tasks:
              - name: exits
                shell: bash
                run: exit 3
              - name: other
                shell: bash
                run: exit 4
              - name: escapes
                uses: std.CreateFile
                with: {filename: ../../outside.txt, content: x}
              - name: marks
                shell: bash
                run: |
                  echo '{"severity": "warning", "msg": "a warning without a location"}' >> "$DFM_MARKERS"
              - root: all
                needs: [exits, other, escapes, marks]
            """);
        var r = p.Build("-t:all", "-m:2");
        Assert.False(r.Succeeded, r.Describe());
        var flow = Path.Combine(p.Dir, "flow.yaml");
        r.AssertOutputContains($"{flow}(4,11): error DVF6000: loc.exits: command failed with exit code 3");
        r.AssertOutputContains($"{flow}(7,11): error DVF6000: loc.other: command failed with exit code 4");
        r.AssertOutputContains($"{flow}(10,11): error DVF6000: loc.escapes: std.CreateFile 'filename' must stay inside the task's run directory");
        r.AssertOutputContains($"{flow}(13,11): warning DVF6000: loc.marks: a warning without a location");
        // The failed-tasks summary points at the task that was asked for.
        r.AssertOutputContains($"{flow}(17,11): error DVF6001: 3 task(s) failed: loc.exits, loc.other, loc.escapes");
        // No diagnostic is located in a targets file (generated or the SDK's).
        r.AssertOutputLacks(".targets(");
        r.AssertOutputLacks(".targets :");

        // The same through the per-task targets (no batch: one process-running task).
        var one = p.Build("-t:DvFlow_loc__exits");
        Assert.False(one.Succeeded);
        one.AssertOutputContains($"{flow}(4,11): error DVF6000: loc.exits: command failed with exit code 3");
        one.AssertOutputLacks(".targets(");
        one.AssertOutputLacks(".targets :");
    }
}
