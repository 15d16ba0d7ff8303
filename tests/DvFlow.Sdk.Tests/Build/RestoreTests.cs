using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>The flow project's NuGet restore: run when the references need it, skipped when the last one still holds.</summary>
[Collection(SdkCollection.Name)]
public class RestoreTests(SdkFeed feed)
{
    private const string Flow = """
        package:
          name: rs
          imports:
          - name: hdlsim
          tasks:
          - root: hello
            uses: std.Message
            with: {msg: "restored"}
        """;

    [Fact]
    public void NuGetRestoreRunsWhenNeededAndIsSkippedOtherwise()
    {
        using var p = new FlowProject(feed, Flow, FlowProject.HdlSimReference);
        var first = p.Build("-v:n");
        Assert.True(first.Succeeded, first.Describe());
        first.AssertOutputContains("running NuGet's restore (no record of an earlier restore)");
        first.AssertOutputContains("restored");

        var again = p.Build("-v:n");
        Assert.True(again.Succeeded, again.Describe());
        again.AssertOutputContains("NuGet's restore is skipped");

        // Any edit of the project file may change what is referenced.
        File.SetLastWriteTimeUtc(p.ProjectFile, DateTime.UtcNow.AddSeconds(2));
        var edited = p.Build("-v:n");
        Assert.True(edited.Succeeded, edited.Describe());
        edited.AssertOutputContains("running NuGet's restore (the package or project references changed)");

        File.Delete(Path.Combine(p.Dir, "obj", "project.assets.json"));
        var noAssets = p.Build("-v:n");
        Assert.True(noAssets.Succeeded, noAssets.Describe());
        noAssets.AssertOutputContains("running NuGet's restore (the assets file is missing)");

        var forced = p.Build("-v:n", "-p:RestoreForce=true");
        Assert.True(forced.Succeeded, forced.Describe());
        forced.AssertOutputContains("running NuGet's restore (forced)");
    }
}
