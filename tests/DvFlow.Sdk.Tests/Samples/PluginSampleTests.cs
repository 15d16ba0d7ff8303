using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Samples;

/// <summary>
/// samples/plugin: a plugin NuGet package (an abstract package my_tool and its Verilator implementation my_tool.vlt,
/// with C# tasks) is packed, then consumed by a flow project through PackageReference in one 'dotnet build'.
/// </summary>
[Collection(SdkCollection.Name)]
public class PluginSampleTests(SdkFeed feed)
{
    private FlowProject PackedSample()
    {
        RequiredTool.Ensure("verilator", "verilator");
        var p = SampleCopy.Create(feed, "plugin");
        // The test's feed instead of the repository's artifacts/packages, plus the sample's own plugin feed.
        p.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="dvflow-test" value="{feed.Feed}" />
                <add key="plugin-sample-feed" value="feed" />
              </packageSources>
            </configuration>
            """);
        Directory.CreateDirectory(Path.Combine(p.Dir, "feed"));
        var pack = p.RunDotnet("pack", "MyTool/MyTool.csproj", "-c", "Release", "-o", "feed", $"-p:DvFlowVersion={feed.Version}", "-nologo");
        Assert.True(pack.ExitCode == 0, pack.Output);
        return p;
    }

    [Fact]
    public void PluginPackageIsPackedRestoredAndItsConcreteTasksRun()
    {
        using var p = PackedSample();
        var r = p.Build();
        Assert.True(r.Succeeded, r.Describe());
        Assert.Contains("hello, plugin: sum=55", p.Read("rundir/plugin_demo.run/sim.log"));
        Assert.True(File.Exists(Path.Combine(p.RunDir, "plugin_demo.build", "obj", "Vsim")));
        Assert.NotEmpty(r.Targets("DvFlow_plugin_demo__run"));

        var again = p.Build("-v:n");
        Assert.True(again.Succeeded, again.Describe());
        again.AssertOutputContains("plugin_demo.build: skipped, up to date");
        again.AssertOutputContains("plugin_demo.run: running (uptodate: false)");
    }

    [Fact]
    public void ThePluginsLogParserPutsCompileErrorsAtTheirSourceLine()
    {
        using var p = PackedSample();
        p.Write("src/hello.sv", "module hello;\n  initial begin\n    undefined_task();\n  end\nendmodule\n");
        var r = p.Build();
        Assert.False(r.Succeeded);
        r.AssertOutputMatches(@"src/hello\.sv\(3,\d+\): error");
        r.AssertOutputContains("plugin_demo.build");
    }

    [Fact]
    public void WithoutThePackageReferenceThePluginsPackagesAreNotFound()
    {
        using var p = PackedSample();
        File.WriteAllText(p.ProjectFile, $"<Project Sdk=\"DvFlow.Sdk/{feed.Version}\" />\n");
        var r = p.Build();
        Assert.False(r.Succeeded);
        r.AssertOutputMatches(@"flow\.yaml\(6,\d+\): error DVF2001: import .my_tool\.vlt. not found: .*PackageReference");
    }
}
