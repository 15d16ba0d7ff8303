using System.Text.RegularExpressions;
using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>
/// Valid flows whose task names map to one MSBuild target name (MSBuild ignores case; '.' is written "__"; item names
/// take no '-') still run each task once, as itself, with its own outputs.
/// </summary>
[Collection(SdkCollection.Name)]
public partial class TargetNameCollisionTests(SdkFeed feed)
{
    // Each task records that it ran and outputs a FileSet whose filetype is its own name.
    private static string Task(string name, string indent = "  ") => $$"""
        {{indent}}- name: {{name}}
        {{indent}}  shell: bash
        {{indent}}  run: |
        {{indent}}    echo "{{name}}" >> "$DFM_SRCDIR/trace.txt"
        {{indent}}    echo '{"type": "std.FileSet", "filetype": "{{name}}", "basedir": ".", "files": []}' >> "$DFM_OUTPUT"
        """;

    private static readonly string Flow = $$"""
        package:
          name: tn
          tasks:
        {{Task("A")}}
        {{Task("a")}}
          - name: c
            body:
        {{Task("b", "    ")}}
        {{Task("c__b")}}
        {{Task("x-y")}}
        {{Task("x_y")}}
          - root: all
            needs: [A, a, c, c__b, x-y, x_y]
            shell: bash
            run: cp "$DFM_INPUTS" "$DFM_SRCDIR/inputs.json"
        """;

    [GeneratedRegex(@"<Target Name=""([^""]+)""")]
    private static partial Regex TargetName();

    [GeneratedRegex(@"ItemName=""([^""]+)""")]
    private static partial Regex ItemName();

    [Fact]
    public void TasksWhoseTargetNamesWouldCollideEachRunOnceAsThemselves()
    {
        using var p = new FlowProject(feed, Flow);
        var r = p.Build("-t:all", "-m:2");
        Assert.True(r.Succeeded, r.Describe());
        var trace = File.ReadAllLines(Path.Combine(p.Dir, "trace.txt")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["A", "a", "b", "c__b", "x-y", "x_y"], trace);
        // 'all' got each task's own output once: no two tasks merged or swapped.
        var inputs = p.Read("inputs.json");
        foreach (var name in new[] { "A", "a", "b", "c__b", "x-y", "x_y" })
            Assert.Single(Regex.Matches(inputs, $"\"filetype\": \"{Regex.Escape(name)}\""));

        // In the generated file no two targets, and no two output items, share a name as MSBuild compares them.
        var generated = File.ReadAllText(Path.Combine(p.Dir, "obj", "dvflow", "flow.g.targets"));
        var targets = TargetName().Matches(generated).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(targets.Count, targets.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var outItems = ItemName().Matches(generated).Select(m => m.Groups[1].Value).Where(n => n.StartsWith("_DvFlowOut_", StringComparison.Ordinal)).ToList();
        Assert.Equal(outItems.Count, outItems.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // The first in ordinal order keeps the documented canonical name; the other gets a stable suffix.
        Assert.Contains("DvFlow_tn__A", targets);
        Assert.Contains("DvFlow_tn__c__b", targets);
        Assert.Contains(targets, t => Regex.IsMatch(t, "^DvFlow_tn__a_[0-9a-f]{8}$"));
        Assert.Contains(targets, t => Regex.IsMatch(t, "^DvFlow_tn__c__b_[0-9a-f]{8}$"));

        // A no-op rebuild finds every one of them up to date.
        var again = p.Build("-t:all");
        Assert.True(again.Succeeded, again.Describe());
        Assert.Equal(6, File.ReadAllLines(Path.Combine(p.Dir, "trace.txt")).Length);
    }

    [Fact]
    public void AShortNameThatNamesTwoTasksFailsNamingBothAndEachRunsByItsExactName()
    {
        using var p = new FlowProject(feed, """
            package:
              name: tn
              tasks:
              - name: Sim
                shell: bash
                run: echo Sim >> "$DFM_SRCDIR/trace.txt"
              - name: sim
                shell: bash
                run: echo sim >> "$DFM_SRCDIR/trace.txt"
            """);
        var r = p.Build("-t:sim");
        Assert.False(r.Succeeded, r.Describe());
        r.AssertOutputMatches(@"flow\.yaml\(4,\d+\): error DVF0017: the short name '[Ss]im' names 2 tasks \(MSBuild ignores case in target names\): 'tn\.Sim' \(flow\.yaml:4\), 'tn\.sim' \(flow\.yaml:7\); run one by its exact name with -t:DvFlowRun -p:DvFlowTask=NAME");
        Assert.False(File.Exists(Path.Combine(p.Dir, "trace.txt")));
        var lower = p.Build("-t:DvFlowRun", "-p:DvFlowTask=sim");
        Assert.True(lower.Succeeded, lower.Describe());
        Assert.Equal(["sim"], File.ReadAllLines(Path.Combine(p.Dir, "trace.txt")));
        var upper = p.Build("-t:DvFlowRun", "-p:DvFlowTask=Sim");
        Assert.True(upper.Succeeded, upper.Describe());
        Assert.Equal(["sim", "Sim"], File.ReadAllLines(Path.Combine(p.Dir, "trace.txt")));
    }
}
