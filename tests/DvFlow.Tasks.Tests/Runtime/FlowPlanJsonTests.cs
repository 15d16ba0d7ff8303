using DvFlow.Model.Definitions;
using DvFlow.Model.Graph;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;
using DvFlow.Tasks.Runtime;

namespace DvFlow.Tasks.Tests.Runtime;

public class FlowPlanJsonTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dvflow-plan").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void APlanRoundTripsWithEveryFieldAndItsDefaults()
    {
        var full = new NodeSpec
        {
            Name = "p.sim", Target = "DvFlow_p__sim", Package = "p", Kind = DvFlow.Model.Graph.TaskNodeKind.Leaf, Shell = "bash", Run = "echo \"$x\"\nexit 0", DataType = "p.Item",
            Params = FlowMap.Of(("n", 3L), ("args", new object?[] { "-a", "b" }), ("nested", FlowMap.Of(("k", true)))),
            Needs = ["p.a", "p.b"],
            Consumes = new DataFilterSpec(DataFilterKind.Patterns, [FlowMap.Of(("type", "std.FileSet"))]), Passthrough = DataFilterSpec.None, Produces = [FlowMap.Of(("type", "x"))],
            RunDir = "/r/p.sim", SrcDir = "/s", Enabled = false, Uptodate = "never", Parent = "p.top", Location = new DvFlow.Model.Diagnostics.SourceLocation("/s/fl(o)w.yaml", 3, 5),
            RunLocation = "/s/flow.yaml(4,10)", Desc = "runs -- the sim", Heavy = true, Shared = true,
        };
        var bare = new NodeSpec { Name = "p.a", Target = "DvFlow_p__a", Package = "p", Kind = DvFlow.Model.Graph.TaskNodeKind.Null, RunDir = "/r/p.a", SrcDir = "/s" };
        var file = Path.Combine(_dir, FlowPlanJson.FileName);
        File.WriteAllText(file, FlowPlanJson.Write(new FlowPlan("p", "/r/", "/s", [bare, full], "/s/flow.yaml")));

        var read = FlowPlanJson.Read(file);
        Assert.Equal(("p", "/r/", "/s", "/s/flow.yaml"), (read.RootPackage, read.RunRoot, read.ProjectDir, read.FlowFile));
        Assert.Equal(2, File.ReadAllLines(file).Length - 1); // a header line, then one line a node
        var a = read.ByName["p.a"];
        Assert.Equal((FlowMap.Empty.Count, 0, DataFilterSpec.All, DataFilterSpec.Unused, true, "default", false, false, (IReadOnlyList<object?>?)null),
            (a.Params.Count, a.Needs.Count, a.Consumes, a.Passthrough, a.Enabled, a.Uptodate, a.Heavy, a.Shared, a.Produces));
        var s = read.ByName["p.sim"];
        Assert.True(FlowValues.ValueEquals(full.Params, s.Params));
        Assert.Equal(DataFilterKind.Patterns, s.Consumes.Kind);
        Assert.True(FlowValues.ValueEquals(full.Consumes.Patterns, s.Consumes.Patterns));
        Assert.True(FlowValues.ValueEquals(full.Produces, s.Produces));
        Assert.Equal(full.Needs, s.Needs);
        Assert.Equal((full.Target, full.Package, full.Kind, full.DataType, full.RunDir, full.SrcDir), (s.Target, s.Package, s.Kind, s.DataType, s.RunDir, s.SrcDir));
        Assert.Equal((bare.Target, bare.Kind, bare.RunDir, (string?)null, (string?)null), (a.Target, a.Kind, a.RunDir, a.Shell, a.DataType));
        Assert.Equal((full.Shell, full.Run, DataFilterSpec.None, false, "never", "p.top", full.Location, full.RunLocation, full.Desc, true, true),
            (s.Shell, s.Run, s.Passthrough, s.Enabled, s.Uptodate, s.Parent, s.Location, s.RunLocation, s.Desc, s.Heavy, s.Shared));
    }

    [Fact]
    public void ABrokenPlanIsReportedWithItsLine()
    {
        var file = Path.Combine(_dir, FlowPlanJson.FileName);
        File.WriteAllText(file, "{\"rootPackage\":\"p\",\"runRoot\":\"/r\",\"projectDir\":\"/s\"}\n{\"name\":\"p.a\"\n");
        var ex = Assert.Throws<InvalidDataException>(() => FlowPlanJson.Read(file));
        Assert.Contains("line 2", ex.Message);
    }
}
