using DvFlow.Model.Expressions;
using DvFlow.Tasks.Runtime;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Tests.Runtime;

public class ShellTaskUnitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dvflow-shell").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(null, "")]
    [InlineData("text", "text")]
    [InlineData(true, "true")]
    [InlineData(42L, "42")]
    [InlineData(1.5, "1.5")]
    public void ParamEnvValuesFollowDfm(object? value, string expected) => Assert.Equal(expected, ShellTask.ParamEnvValue(value));

    [Fact]
    public void ListAndMapParamsAreCompactJson()
    {
        Assert.Equal("[\"a\",\"b\"]", ShellTask.ParamEnvValue(new object?[] { "a", "b" }));
        Assert.Equal("{\"k\":1}", ShellTask.ParamEnvValue(FlowMap.Of(("k", 1L))));
    }

    [Fact]
    public void EnvFileSupportsAssignmentsAndHeredocs()
    {
        var f = Path.Combine(_dir, "dfm.env");
        File.WriteAllText(f, "A=1\n\nB=x=y\nMULTI<<EOF\nline1\nline2\nEOF\nA=2\n");
        var env = ShellTask.ReadEnvFile(f);
        Assert.Equal("2", env["A"]);
        Assert.Equal("x=y", env["B"]);
        Assert.Equal("line1\nline2", env["MULTI"]);
    }

    [Fact]
    public void HarvestReadsOutputsMarkersPathAndMementoAndWarnsOnBadLines()
    {
        File.WriteAllText(Path.Combine(_dir, "dfm.output.jsonl"),
            "{\"type\": \"std.FileSet\", \"filetype\": \"x\", \"basedir\": \".\", \"files\": [\"a\"]}\nnot json\n{\"filetype\": \"no type\"}\n");
        File.WriteAllText(Path.Combine(_dir, "dfm.markers.jsonl"), "{\"severity\": \"error\", \"msg\": \"bad\", \"loc\": {\"path\": \"f.sv\", \"line\": 3, \"pos\": 4}}\n");
        File.WriteAllText(Path.Combine(_dir, "dfm.path"), "/opt/a\n\n/opt/b\n");
        File.WriteAllText(Path.Combine(_dir, "dfm.env"), "");
        File.WriteAllText(Path.Combine(_dir, "dfm.memento.out.json"), "{\"n\": 1}");
        var r = new TaskDataResult();
        ShellTask.Harvest(_dir, r);
        Assert.Equal(2, r.Output.Count);
        Assert.Equal(_dir, r.Output[0].GetString("basedir"));
        Assert.Equal("std.Env", r.Output[1].Type);
        Assert.Equal($"/opt/a{Path.PathSeparator}/opt/b", ((IReadOnlyDictionary<string, object?>)r.Output[1].Fields["prepend_path"]!)["PATH"]);
        Assert.Contains(r.Markers, m => m.Severity == MarkerSeverity.Error && m.Path == "f.sv" && m.Line == 3 && m.Column == 4);
        Assert.Contains(r.Markers, m => m.Message.StartsWith("Malformed DFM_OUTPUT line 2"));
        Assert.Contains(r.Markers, m => m.Message == "DFM_OUTPUT line 3 missing 'type'");
        Assert.True(FlowValues.ValueEquals(FlowMap.Of(("n", 1L)), r.Memento));
    }
}
