using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Samples;

/// <summary>Every sample in samples/ runs as a user would run it: a copy of its folder, 'dotnet build'.</summary>
[Collection(SdkCollection.Name)]
public class SampleTests(SdkFeed feed)
{
    private FlowProject Copy(string sample) => SampleCopy.Create(feed, sample);

    [Fact]
    public void HelloRunsEndToEnd()
    {
        using var p = Copy("hello");
        var r = p.Build();
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("hello.greet: Hello, World!");
        r.AssertOutputContains("HELLO, WORLD!");
        Assert.Equal("HELLO, WORLD!\n", File.ReadAllText(Path.Combine(p.RunDir, "hello.shout", "greeting.txt")));
    }

    [Fact]
    public void DataflowRunsEndToEnd()
    {
        using var p = Copy("dataflow");
        var r = p.Build();
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("top=adder: 4 source files");
        r.AssertOutputContains("\"filetype\": \"systemVerilogInclude\"");
        r.AssertOutputContains("\"filetype\": \"verilogFileList\"");
        var files = File.ReadAllLines(Path.Combine(p.RunDir, "dataflow.filelist", "files.f"));
        Assert.Contains(files, f => f.EndsWith("gen_pkg.sv"));
        Assert.Contains(files, f => f.EndsWith("rtl/adder.sv"));
        Assert.DoesNotContain(files, f => f.EndsWith(".svh"));
    }
}
