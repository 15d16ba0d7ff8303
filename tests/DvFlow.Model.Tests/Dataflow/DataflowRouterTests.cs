using DvFlow.Model.Dataflow;
using DvFlow.Model.Definitions;
using DvFlow.Model.Expressions;
using DvFlow.Model.Graph;
using DvFlow.TaskApi;

namespace DvFlow.Model.Tests.Dataflow;

public class DataflowRouterTests
{
    private static readonly DataItem Sv = DataPatternMatcherTests.FileSet("systemVerilogSource");
    private static readonly DataItem Vhdl = new("std.FileSet", "p.vhd", 0, FlowMap.Of(("filetype", "vhdl")));
    private static readonly DataItem Args = new("hdlsim.SimElabArgs", "p.opts", 0, FlowMap.Of(("args", new object?[] { "--trace-fst" })));
    private static readonly DataItem Env = new(DataflowRouter.EnvType, "p.env", 0, FlowMap.Of(("vals", FlowMap.Of(("A", "1")))));
    private static readonly IReadOnlyList<DataItem> Inputs = [Sv, Vhdl, Args, Env];

    private static DataFilterSpec Patterns(params FlowMap[] p) => new(DataFilterKind.Patterns, p);

    private static string[] Names(IEnumerable<DataItem> items) => items.Select(i => i.Src!).ToArray();

    [Fact]
    public void GatherInputsInNeedsOrderWithoutDuplicates()
    {
        var gathered = DataflowRouter.GatherInputs([[Sv, Args], [Args, Vhdl], [Sv.WithSource("p.src", 1)]]);
        Assert.Equal(["p.src", "p.opts", "p.vhd", "p.src"], Names(gathered));
        Assert.Equal(1, gathered[3].Seq);
    }

    [Fact]
    public void ConsumesAllGivesEverythingAndPassesNothingOnUnused()
    {
        Assert.Equal(4, DataflowRouter.Consumed(Inputs, DataFilterSpec.All).Count);
        Assert.Empty(DataflowRouter.PassedThrough(Inputs, DataFilterSpec.All, DataFilterSpec.Unused));
    }

    [Fact]
    public void ConsumesNoneGivesOnlyEnvAndPassesTheRestOnUnused()
    {
        Assert.Equal(["p.env"], Names(DataflowRouter.Consumed(Inputs, DataFilterSpec.None)));
        Assert.Equal(["p.src", "p.vhd", "p.opts"], Names(DataflowRouter.PassedThrough(Inputs, DataFilterSpec.None, DataFilterSpec.Unused)));
    }

    [Fact]
    public void ConsumesPatternsSelectAndUnusedForwardsTheRest()
    {
        var consumes = Patterns(FlowMap.Of(("type", "std.FileSet"), ("filetype", "systemVerilogSource")));
        Assert.Equal(["p.src", "p.env"], Names(DataflowRouter.Consumed(Inputs, consumes)));
        Assert.Equal(["p.vhd", "p.opts"], Names(DataflowRouter.PassedThrough(Inputs, consumes, DataFilterSpec.Unused)));
    }

    [Fact]
    public void PassthroughKeywordsAndPatterns()
    {
        Assert.Equal(["p.src", "p.vhd", "p.opts"], Names(DataflowRouter.PassedThrough(Inputs, DataFilterSpec.All, DataFilterSpec.All)));
        Assert.Empty(DataflowRouter.PassedThrough(Inputs, DataFilterSpec.None, DataFilterSpec.None));
        var pt = Patterns(FlowMap.Of(("type", "hdlsim.SimElabArgs")));
        Assert.Equal(["p.opts"], Names(DataflowRouter.PassedThrough(Inputs, DataFilterSpec.All, pt)));
    }

    [Fact]
    public void EnvIsNeverPassedThrough()
        => Assert.DoesNotContain(Env, DataflowRouter.PassedThrough(Inputs, DataFilterSpec.None, DataFilterSpec.All));

    [Fact]
    public void SpecSelectiveExample()
    {
        // consumes: FileSet systemVerilogSource; passthrough: hdlsim.SimElabArgs
        var consumes = Patterns(FlowMap.Of(("type", "std.FileSet"), ("filetype", "systemVerilogSource")));
        var pass = Patterns(FlowMap.Of(("type", "hdlsim.SimElabArgs")));
        Assert.Equal(["p.src", "p.env"], Names(DataflowRouter.Consumed(Inputs, consumes)));
        Assert.Equal(["p.opts"], Names(DataflowRouter.PassedThrough(Inputs, consumes, pass)));
    }
}
