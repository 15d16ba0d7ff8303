using DvFlow.Model;
using DvFlow.Model.Tests.TestSupport;
using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>
/// Inputs that once exhausted memory or time (issue #16), through real builds whose processes are capped in memory
/// (<see cref="Dotnet.RunCapped"/>) and in time: each must end in a located error (or, for link loops and shared run
/// directories, a correct build) well within the cap, never in MSB4018, a stack trace, out of memory or a hang.
/// The limits themselves are tested in the model (DvFlow.Model.Tests, Limits/InputLimitTests).
/// </summary>
[Collection(SdkCollection.Name)]
public class HostileInputTests(SdkFeed feed)
{
    /// <summary>Each build takes a few seconds on a quiet machine; this is what a hang costs.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static BuildRun Build(FlowProject p, params string[] args) => p.BuildCapped(Timeout, args);

    private static void AssertFailsAt(BuildRun r, string file, int line, int column, string code, string text)
    {
        Assert.False(r.Succeeded, r.Describe());
        r.AssertOutputContains($"{file}({line},{column}): error {code}: {text}");
        AssertNoCrash(r);
    }

    private static void AssertNoCrash(BuildRun r)
    {
        r.AssertOutputLacks("MSB4018");
        r.AssertOutputLacks("OutOfMemory");
        r.AssertOutputLacks("Out of memory");
        r.AssertOutputLacks("   at ");
        r.AssertOutputLacks(".targets(");
    }

    [Fact]
    public void AnAliasBombCountedInCharacters()
    {
        using var p = new FlowProject(feed, HostileFlows.AliasBombInCharacters);
        AssertFailsAt(Build(p), Path.Combine(p.Dir, "flow.yaml"), 19, 17, "DVF1010", "YAML aliases expand to more than");
    }

    [Fact]
    public void TemplatesDoublingALargeString()
    {
        using var p = new FlowProject(feed, HostileFlows.TemplateDoubling);
        AssertFailsAt(Build(p), Path.Combine(p.Dir, "flow.yaml"), 8, 38, "DVF3002", "result is too large (16000000 characters or items");
    }

    [Theory]
    [InlineData("imports: [/dev/zero]", "/dev/zero", 13)]
    [InlineData("fragments: [/dev/urandom]", "/dev/urandom", 15)]
    public void ADeviceAsAFlowFile(string line, string device, int column)
    {
        using var p = new FlowProject(feed, $"package:\n  name: dev\n  {line}\n  tasks:\n  - root: t\n    uses: std.Message\n");
        AssertFailsAt(Build(p), Path.Combine(p.Dir, "flow.yaml"), 3, column, "DVF1000", $"cannot read flow file '{device}': the file is empty, or is not a regular file");
    }

    [Fact]
    public void ANamedPipeAsAFragment()
    {
        using var p = new FlowProject(feed, "package:\n  name: pipe\n  fragments: [pipe.yaml]\n  tasks:\n  - root: t\n    uses: std.Message\n");
        HostileFlows.MakeFifo(Path.Combine(p.Dir, "pipe.yaml"));
        AssertFailsAt(Build(p), Path.Combine(p.Dir, "flow.yaml"), 3, 15, "DVF1000", $"cannot read flow file '{Path.Combine(p.Dir, "pipe.yaml")}': the file is empty, or is not a regular file (a pipe or a device, which are never read)");
    }

    [Fact]
    public void ImportingTheRootDirectory()
    {
        // What '/' holds is the machine's (on CI, this repository's samples): the root is refused at the import, never walked.
        using var p = new FlowProject(feed, "package:\n  name: slash\n  imports: [/]\n  tasks:\n  - root: t\n    uses: std.Message\n");
        var r = Build(p);
        Assert.False(r.Succeeded, r.Describe());
        r.AssertOutputContains($"{Path.Combine(p.Dir, "flow.yaml")}(3,13): error DVF2001: import '/': '/' is the root of the file system, which is never searched for packages");
        AssertNoCrash(r);
    }

    [Fact]
    public void SymbolicLinkLoopsInAFragmentDirectory()
    {
        var needs = string.Join(", ", Enumerable.Range(0, HostileFlows.LinkedDirectories).Select(i => $"t{i}"));
        using var p = new FlowProject(feed, $"package:\n  name: links\n  fragments: [frags]\n  tasks:\n  - root: all\n    needs: [{needs}]\n");
        HostileFlows.MakeLinkLoops(Path.Combine(p.Dir, "frags"));
        var r = Build(p);
        Assert.True(r.Succeeded, r.Describe());
        // Each fragment found once: ten tasks and the root, not ten per path that leads to them.
        r.AssertOutputContains($"DvFlow: {HostileFlows.LinkedDirectories + 1} task(s) of package 'links'");
        AssertNoCrash(r);
    }

    [Fact]
    public void TwoHundredThousandNestedBrackets()
    {
        using var p = new FlowProject(feed, HostileFlows.NestedBrackets);
        var r = Build(p);
        AssertFailsAt(r, Path.Combine(p.Dir, "flow.yaml"), 6, 269, "DVF1010", $"YAML is nested more than {FlowLimits.MaxYamlDepth} levels deep here; the file is not read further");
    }

    [Fact]
    public void CompoundsNestedPastTheRunDirectoryLimit()
    {
        using var p = new FlowProject(feed, HostileFlows.NestedCompounds(60, inherit: false));
        var r = Build(p, "-t:c0");
        Assert.False(r.Succeeded, r.Describe());
        var flow = System.Text.RegularExpressions.Regex.Escape(Path.Combine(p.Dir, "flow.yaml"));
        r.AssertOutputMatches(flow + @"\(\d+,\d+\): error DVF1010: task 'deep\.c0(\.c\d+)+': its run directory's path is \d+ bytes long \(at most " + FlowLimits.MaxRunDirPathBytes + @"\); each nested compound adds a directory");
        AssertNoCrash(r);
    }

    [Fact]
    public void CompoundsNestedDeeplyThatShareARunDirectoryBuild()
    {
        using var p = new FlowProject(feed, HostileFlows.NestedCompounds(50, inherit: true));
        var r = Build(p, "-t:c0");
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("deep leaf reached");
        Assert.True(Directory.Exists(Path.Combine(p.RunDir, "deep.c0")));
        AssertNoCrash(r);
    }

    [Fact]
    public void AMutualImport()
    {
        using var p = new FlowProject(feed, "package:\n  name: a\n  imports: [b]\n  tasks:\n  - root: t\n    uses: std.Message\n");
        p.Write("b/flow.yaml", "package:\n  name: b\n  imports: [..]\n  tasks:\n  - name: u\n    uses: std.Message\n");
        AssertFailsAt(Build(p), Path.Combine(p.Dir, "b", "flow.yaml"), 3, 13, "DVF2010", "circular import: a -> b -> a");
    }

    [Fact]
    public void AParameterThatRefersToItselfAndOneThatNamesTheEnclosingScope()
    {
        using var p = new FlowProject(feed, """
            package:
              name: selfref
              with:
                trace: {type: bool, value: true}
              tasks:
              - name: Sim
                with:
                  trace: {type: bool, value: false}
                shell: bash
                run: echo "trace=${{ trace }}"
              - root: top
                uses: Sim
                with:
                  trace: ${{ trace }}
              - root: bad
                uses: std.Message
                with: {msg: "m=${{ this.msg }}"}
            """);
        AssertFailsAt(Build(p, "-t:bad"), Path.Combine(p.Dir, "flow.yaml"), 17, 17, "DVF3002", "parameter 'msg' refers to itself ('this.msg')");
        p.Write("flow.yaml", p.Read("flow.yaml").Replace("m=${{ this.msg }}", "fixed"));
        var ok = Build(p, "-t:top");
        Assert.True(ok.Succeeded, ok.Describe());
        ok.AssertOutputContains("trace=true");
    }

    [Fact]
    public void ManyTasksSharingOneLargeValue()
    {
        var tasks = string.Concat(Enumerable.Range(0, 8).Select(i => $"  - root: t{i}\n    uses: std.Message\n    with: {{msg: \"${{{{ big }}}}\"}}\n"));
        using var p = new FlowProject(feed, "package:\n  name: share\n  with:\n    big: {type: str, value: \"${{ 'x' * 9000000 }}\"}\n  tasks:\n" + tasks);
        AssertFailsAt(Build(p), Path.Combine(p.Dir, "flow.yaml"), 27, 11, "DVF1010", $"the tasks' parameter values and commands exceed {FlowLimits.MaxGraphValueChars} characters together at task 'share.t7'");
    }
}
