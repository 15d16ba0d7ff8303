using DvFlow.Model.Dataflow;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Model.Tests.Dataflow;

public class DataPatternMatcherTests
{
    internal static DataItem FileSet(string filetype, params string[] attributes) => new("std.FileSet", "p.src", 0,
        FlowMap.Of(("filetype", filetype), ("basedir", "/src"), ("files", new object?[] { "a.sv" }), ("attributes", attributes.Cast<object?>().ToArray())));

    [Fact]
    public void EveryFieldMustMatch()
    {
        var item = FileSet("systemVerilogSource", "uvm");
        Assert.True(DataPatternMatcher.Matches(item, FlowMap.Of(("type", "std.FileSet"))));
        Assert.True(DataPatternMatcher.Matches(item, FlowMap.Of(("type", "std.FileSet"), ("filetype", "systemVerilogSource"))));
        Assert.False(DataPatternMatcher.Matches(item, FlowMap.Of(("type", "std.FileSet"), ("filetype", "verilogSource"))));
        Assert.False(DataPatternMatcher.Matches(item, FlowMap.Of(("type", "hdlsim.SimElabArgs"))));
    }

    [Fact]
    public void FieldMissingOnTheItemDoesNotMatch()
        => Assert.False(DataPatternMatcher.Matches(FileSet("v"), FlowMap.Of(("vendor", "synopsys"))));

    [Fact]
    public void EmptyPatternMatchesEverything() => Assert.True(DataPatternMatcher.Matches(FileSet("v"), FlowMap.Empty));

    [Fact]
    public void ListsMatchAsSubsets()
    {
        var item = FileSet("systemVerilogSource", "uvm", "tb");
        Assert.True(DataPatternMatcher.Matches(item, FlowMap.Of(("attributes", new object?[] { "uvm" }))));
        Assert.True(DataPatternMatcher.Matches(item, FlowMap.Of(("attributes", new object?[] { "tb", "uvm" }))));
        Assert.False(DataPatternMatcher.Matches(item, FlowMap.Of(("attributes", new object?[] { "uvm", "rtl" }))));
        Assert.True(DataPatternMatcher.Matches(item, FlowMap.Of(("attributes", new object?[0]))));
    }

    [Fact]
    public void ScalarMatchesAListContainingIt()
        => Assert.True(DataPatternMatcher.Matches(FileSet("v", "uvm"), FlowMap.Of(("attributes", "uvm"))));

    [Fact]
    public void SingleElementListMatchesAScalar()
        => Assert.True(DataPatternMatcher.Matches(FileSet("verilog"), FlowMap.Of(("filetype", new object?[] { "verilog" }))));

    [Fact]
    public void NumbersAndTextCompareByValue()
    {
        var item = new DataItem("x.T", "p.t", 0, FlowMap.Of(("version", 2L), ("ratio", 1.5)));
        Assert.True(DataPatternMatcher.Matches(item, FlowMap.Of(("version", "2"))));
        Assert.True(DataPatternMatcher.Matches(item, FlowMap.Of(("version", 2L))));
        Assert.False(DataPatternMatcher.Matches(item, FlowMap.Of(("version", 3L))));
        Assert.True(DataPatternMatcher.Matches(item, FlowMap.Of(("ratio", 1.5))));
    }

    [Fact]
    public void HeaderFieldsAreMatchable()
    {
        var item = FileSet("v");
        Assert.True(DataPatternMatcher.Matches(item, FlowMap.Of(("src", "p.src"))));
        Assert.True(DataPatternMatcher.Matches(item, FlowMap.Of(("seq", 0L))));
    }

    [Fact]
    public void MatchesAnyIsOrOverPatterns()
    {
        var item = FileSet("vhdl");
        Assert.True(DataPatternMatcher.MatchesAny(item, [FlowMap.Of(("filetype", "verilog")), FlowMap.Of(("filetype", "vhdl"))]));
        Assert.False(DataPatternMatcher.MatchesAny(item, [FlowMap.Of(("filetype", "verilog"))]));
        Assert.False(DataPatternMatcher.MatchesAny(item, []));
    }

    [Fact]
    public void ProducerPatternSubsetMatch()
    {
        var producer = FlowMap.Of(("type", "std.FileSet"), ("filetype", "verilog"), ("vendor", "synopsys"));
        Assert.True(DataPatternMatcher.PatternMatches(FlowMap.Of(("type", "std.FileSet"), ("filetype", "verilog")), producer));
        Assert.False(DataPatternMatcher.PatternMatches(FlowMap.Of(("type", "std.FileSet"), ("filetype", "vhdl")), producer));
        Assert.False(DataPatternMatcher.PatternMatches(FlowMap.Of(("type", "std.FileSet"), ("stage", "compiled")), producer));
        Assert.False(DataPatternMatcher.PatternMatches(FlowMap.Of(("vendor", "synopsys")), FlowMap.Of(("type", "std.FileSet"))));
    }

    [Fact]
    public void DataItemMapRoundTrip()
    {
        var item = FileSet("v", "uvm");
        var map = item.ToMap();
        Assert.Equal(["type", "src", "seq", "filetype", "basedir", "files", "attributes"], map.Keys);
        var back = DataItem.FromMap(map)!;
        Assert.Equal(("std.FileSet", "p.src", 0), (back.Type, back.Src, back.Seq));
        Assert.Equal(["uvm"], back.GetStrings("attributes"));
        Assert.Equal("v", back.GetString("filetype"));
        Assert.Null(DataItem.FromMap(FlowMap.Of(("filetype", "v"))));
        Assert.Equal(("p.t", 3), (item.WithSource("p.t", 3).Src, item.WithSource("p.t", 3).Seq));
    }
}
