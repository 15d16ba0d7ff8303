using System.Diagnostics;
using System.Text;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Graph;
using DvFlow.Model.Loading;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Limits;

/// <summary>
/// Inputs that once exhausted memory or time (issue #16): each ends in a located diagnostic, at the limit named in
/// <see cref="FlowLimits"/>. The same inputs run through a real, memory-capped <c>dotnet build</c> in DvFlow.Sdk.Tests
/// (Build/HostileInputTests).
/// </summary>
public class InputLimitTests
{
    private static (FlowModel Model, TaskGraph Graph) LoadAndBuild(FlowFiles f, string yaml)
    {
        var m = f.Load(yaml);
        return (m, new TaskGraphBuilder(m).BuildAll());
    }

    private static IEnumerable<Diagnostic> All(FlowModel m, TaskGraph g) => m.Diagnostics.Concat(g.Diagnostics);

    [Fact]
    public void AliasesAreCountedInCharactersNotOnlyNodes()
    {
        // Few nodes, many bytes: a 100,000-character anchor repeated 10 x 10 x 10 times is 30 nodes and 100 M characters.
        using var f = new FlowFiles();
        var (m, _) = LoadAndBuild(f, HostileFlows.AliasBombInCharacters);
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.LimitExceeded, $"YAML aliases expand to more than {FlowLimits.MaxAliasExpandedChars} characters of text at '*a2'");
        FlowAssert.At(e, "flow.yaml", 19, 17);
    }

    [Fact]
    public void TemplatesThatDoubleAStringStopAtTheValueLimit()
    {
        using var f = new FlowFiles();
        var (m, _) = LoadAndBuild(f, HostileFlows.TemplateDoubling);
        // p0 is 1,000,000 characters: p1..p3 fit in the limit, p4 would be 16,000,000.
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.ExpressionEval, "result is too large (16000000 characters or items");
        FlowAssert.At(e, "flow.yaml", 8, 38); // the second ${{ }} of p4's value, where the text passed the limit
        Assert.Equal(8_000_000, ((string)m.Root!.ParamValues["p3"]!).Length);
    }

    [Theory]
    [InlineData("imports: [/dev/zero]", "/dev/zero", 13)]
    [InlineData("fragments: [/dev/urandom]", "/dev/urandom", 15)]
    [InlineData("fragments: [/dev/null]", "/dev/null", 15)]
    public void DevicesAreNeverRead(string line, string device, int column)
    {
        using var f = new FlowFiles();
        var (m, _) = LoadAndBuild(f, $"package:\n  name: p\n  {line}\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.FileNotFound, $"cannot read flow file '{device}': the file is empty, or is not a regular file");
        FlowAssert.At(e, "flow.yaml", 3, column);
    }

    [Fact]
    public void ANamedPipeIsNeverOpened()
    {
        using var f = new FlowFiles();
        HostileFlows.MakeFifo(f.PathOf("pipe.yaml"));
        var clock = Stopwatch.StartNew();
        var (m, _) = LoadAndBuild(f, "package:\n  name: p\n  fragments: [pipe.yaml]\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.FileNotFound, "pipe.yaml': the file is empty, or is not a regular file (a pipe or a device, which are never read)");
        FlowAssert.At(e, "flow.yaml", 3, 15);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "opening the pipe would have blocked until a writer came");
    }

    [Fact]
    public void APackageMapThatIsAPipeOrADeviceIsNeverOpened()
    {
        using var f = new FlowFiles();
        HostileFlows.MakeFifo(f.PathOf("pipe.map"));
        Assert.Empty(new PackageRegistry().AddMapFile(f.PathOf("pipe.map")));
        Assert.Empty(new PackageRegistry().AddMapFile("/dev/zero"));
    }

    [Fact]
    public void AnEmptyFileSaysSo()
    {
        using var f = new FlowFiles();
        f.Write("empty.yaml", "");
        var (m, _) = LoadAndBuild(f, "package:\n  name: p\n  fragments: [empty.yaml]\n");
        FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.FileNotFound, "empty.yaml': the file is empty");
    }

    [Fact]
    public void AFlowFileLargerThanTheLimitIsNotRead()
    {
        using var f = new FlowFiles();
        var big = f.Write("big.yaml", "fragment:\n  tasks: []\n");
        using (var s = new FileStream(big, FileMode.Append)) s.SetLength(FlowLimits.MaxFlowFileBytes + 1);
        var (m, _) = LoadAndBuild(f, "package:\n  name: p\n  fragments: [big.yaml]\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.LimitExceeded, $"the file is {FlowLimits.MaxFlowFileBytes + 1} bytes; flow files are read up to {FlowLimits.MaxFlowFileBytes} bytes");
        FlowAssert.At(e, "flow.yaml", 3, 15);
    }

    [Fact]
    public void TheFlowFilesOfOneLoadAreBoundedTogether()
    {
        // Nine fragments just under the per-file limit (a comment, which the YAML scanner passes quickly) exceed the total.
        using var f = new FlowFiles();
        var pad = "#" + new string('x', (int)FlowLimits.MaxFlowFileBytes - 64) + "\n";
        var count = (int)(FlowLimits.MaxTotalFlowBytes / FlowLimits.MaxFlowFileBytes) + 1;
        for (var i = 0; i < count; i++) f.Write($"frags/f{i}/flow.yaml", $"fragment:\n  tasks:\n  - name: t{i}\n{pad}");
        var (m, _) = LoadAndBuild(f, "package:\n  name: p\n  fragments: [frags]\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.LimitExceeded, $"the flow files of this load exceed {FlowLimits.MaxTotalFlowBytes} bytes together");
        FlowAssert.At(e, "flow.yaml", 3, 15);
    }

    [Fact]
    public void ImportingTheRootDirectoryIsRefusedAtTheImport()
    {
        // dfm would import the first package anywhere below '/', which is whatever this machine holds (on CI, a sample of
        // this repository): the root is refused instead, without a walk of the file system.
        using var f = new FlowFiles();
        var (m, _) = LoadAndBuild(f, "package:\n  name: p\n  imports: [/]\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.ImportNotFound, "import '/': '/' is the root of the file system, which is never searched for packages");
        FlowAssert.At(e, "flow.yaml", 3, 13);
        Assert.Single(m.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void ADirectoryImportSearchesAtMostTheDirectoryLimit()
    {
        using var f = new FlowFiles();
        HostileFlows.MakeWideTree(f.PathOf("huge"), FlowLimits.MaxDirectoriesSearched + 1);
        var (m, _) = LoadAndBuild(f, "package:\n  name: p\n  imports: [huge]\n  fragments: [huge]\n");
        var imp = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.LimitExceeded, $"import 'huge': no package in the first {FlowLimits.MaxDirectoriesSearched} directories below");
        FlowAssert.At(imp, "flow.yaml", 3, 13);
        var frag = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.LimitExceeded, $"fragment directory 'huge' has more than {FlowLimits.MaxDirectoriesSearched} directories below it");
        FlowAssert.At(frag, "flow.yaml", 4, 15);
    }

    [Fact]
    public void SymbolicLinkLoopsInAFragmentDirectoryFindEachFileOnce()
    {
        using var f = new FlowFiles();
        HostileFlows.MakeLinkLoops(f.PathOf("frags"));
        var (m, g) = LoadAndBuild(f, "package:\n  name: p\n  fragments: [frags]\n");
        FlowAssert.NoErrors(m);
        FlowAssert.NoErrors(g);
        // Ten directories that each link to all the others (and to themselves and their parent): found once each.
        Assert.Equal(Enumerable.Range(0, HostileFlows.LinkedDirectories).Select(i => $"p.t{i}").Order(StringComparer.Ordinal),
            g.Nodes.Select(n => n.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TwoHundredThousandNestedBracketsStopAtTheDepthLimit()
    {
        using var f = new FlowFiles();
        var clock = Stopwatch.StartNew();
        var (m, _) = LoadAndBuild(f, HostileFlows.NestedBrackets);
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.LimitExceeded, $"YAML is nested more than {FlowLimits.MaxYamlDepth} levels deep here; the file is not read further");
        Assert.Equal(6, e.Location!.Line);
        // The rest of the document is not scanned (it took YamlDotNet's scanner 95 s, quadratically).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void DeeplyNestedCompoundsStopAtTheRunDirectoryLimit()
    {
        using var f = new FlowFiles();
        var (_, g) = LoadAndBuild(f, HostileFlows.NestedCompounds(60, inherit: false));
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.LimitExceeded, $"run directory's path is");
        Assert.Contains($"(at most {FlowLimits.MaxRunDirPathBytes}); each nested compound adds a directory named with its full task name", e.Message, StringComparison.Ordinal);
        Assert.Single(g.Diagnostics, d => d.IsError);
        // The outermost task past the limit, at its own line.
        var name = e.Message[(e.Message.IndexOf('\'') + 1)..e.Message.IndexOf("':", StringComparison.Ordinal)];
        var depth = name.Count(c => c == '.') - 1;
        Assert.Equal(HostileFlows.NestedCompoundLine(depth), e.Location!.Line);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(g.ByName[name].RunDirFull) > FlowLimits.MaxRunDirPathBytes);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(g.ByName[name].Parent!.RunDirFull) <= FlowLimits.MaxRunDirPathBytes);
    }

    [Fact]
    public void NestedCompoundsThatShareTheirRunDirectoryMayNestDeeper()
    {
        using var f = new FlowFiles();
        var (m, g) = LoadAndBuild(f, HostileFlows.NestedCompounds(50, inherit: true));
        FlowAssert.NoErrors(m);
        FlowAssert.NoErrors(g);
        Assert.Equal("deep.c0", g.Nodes.Single(n => n.Name.EndsWith(".leaf", StringComparison.Ordinal)).RunDir);
    }

    [Fact]
    public void ATaskNameLongerThanItsFilesMayBeNamedIsReported()
    {
        using var f = new FlowFiles();
        var name = new string('n', 300);
        var (_, g) = LoadAndBuild(f, $"package:\n  name: p\n  tasks:\n  - name: {name}\n    uses: std.Message\n");
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.LimitExceeded, $"task 'p.{name}': its full name is 302 bytes long (at most {FlowLimits.MaxTaskNameBytes}: its run directory and the files it writes there are named after it)");
        FlowAssert.At(e, "flow.yaml", 4, 11);
    }

    [Fact]
    public void CompoundsThatShareTheirRunDirectoryStopAtTheTaskNameLimit()
    {
        using var f = new FlowFiles();
        var (_, g) = LoadAndBuild(f, HostileFlows.NestedCompounds(70, inherit: true));
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.LimitExceeded, "its full name is");
        Assert.Single(g.Diagnostics, d => d.IsError);
        var name = e.Message[(e.Message.IndexOf('\'') + 1)..e.Message.IndexOf("':", StringComparison.Ordinal)];
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(name) > FlowLimits.MaxTaskNameBytes);
    }

    [Fact]
    public void ManyTasksSharingOneLargeValueExceedTheGraphBudget()
    {
        // Each task holds a reference to one 9 M-character string: nothing in memory, 9 M characters each in the plan.
        using var f = new FlowFiles();
        var tasks = string.Concat(Enumerable.Range(0, 8).Select(i => $"  - name: t{i}\n    uses: std.Message\n    with: {{msg: \"${{{{ big }}}}\"}}\n"));
        var (m, g) = LoadAndBuild(f, "package:\n  name: p\n  with:\n    big: {type: str, value: \"${{ 'x' * 9000000 }}\"}\n  tasks:\n" + tasks);
        FlowAssert.NoErrors(m);
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.LimitExceeded, $"exceed {FlowLimits.MaxGraphValueChars} characters together at task 'p.t7' (its parameter 'msg' holds at least");
        Assert.Equal(6 + (7 * 3), e.Location!.Line);
        Assert.Single(g.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void AListRepeatingALargeValueIsNotRenderedPastTheLimit()
    {
        using var f = new FlowFiles();
        var (_, g) = LoadAndBuild(f, "package:\n  name: p\n  tasks:\n  - name: t\n    uses: std.Message\n    with: {msg: \"${{ ['x' * 1000000] * 1000 }} and more\"}\n");
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.ExpressionEval, "result is too large");
        FlowAssert.At(e, "flow.yaml", 6, 18);
    }

    [Fact]
    public void ThisParamInsideItsOwnValueIsAnError()
    {
        using var f = new FlowFiles();
        var (_, g) = LoadAndBuild(f, "package:\n  name: p\n  tasks:\n  - name: t\n    uses: std.Message\n    with: {msg: \"m=${{ this.msg }}\"}\n  - name: u\n    uses: std.Message\n    with:\n      msg:\n        value: \"${{ params.msg | upper }}\"\n");
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.ExpressionEval, "parameter 'msg' refers to itself ('this.msg')");
        FlowAssert.At(e, "flow.yaml", 6, 17);
        var e2 = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.ExpressionEval, "parameter 'msg' refers to itself ('params.msg')");
        FlowAssert.At(e2, "flow.yaml", 11, 16);
    }

    [Fact]
    public void AParameterMayUseAnotherOfItsTasksParametersThroughThis()
    {
        using var f = new FlowFiles();
        var (_, g) = LoadAndBuild(f, "package:\n  name: p\n  tasks:\n  - name: t\n    uses: std.Message\n    with:\n      who: {type: str, value: world}\n      msg: \"hello ${{ this.who }}, ${{ who }}\"\n");
        FlowAssert.NoErrors(g);
        Assert.Equal("hello world, world", g.ByName["p.t"].ParamValues["msg"]);
    }

    [Fact]
    public void AParametersOwnNameInItsValueNamesTheEnclosingScope()
    {
        // As in dfm, which binds a parameter only once its value is known: 'trace: ${{ trace }}' passes the enclosing
        // compound's trace on (else the package's), never the task's own default.
        using var f = new FlowFiles();
        var (m, g) = LoadAndBuild(f, """
            package:
              name: p
              with:
                trace: {type: bool, value: true}
              tasks:
              - name: Sim
                with:
                  trace: {type: bool, value: false}
                run: echo ${{ trace }}
              - name: top
                uses: Sim
                with:
                  trace: ${{ trace }}
              - name: wrap
                with:
                  trace: {type: bool, value: false}
                body:
                - name: inner
                  uses: Sim
                  with:
                    trace: ${{ trace }}
              - name: noouter
                uses: std.Message
                with:
                  msg: "m=${{ msg }}"
            """);
        FlowAssert.NoErrors(m);
        Assert.Equal(true, g.ByName["p.top"].ParamValues["trace"]);
        Assert.Equal(false, g.ByName["p.wrap.inner"].ParamValues["trace"]);
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.ExpressionEval, "undefined variable 'msg'");
        FlowAssert.At(e, "flow.yaml", 25, 19);
    }
}
