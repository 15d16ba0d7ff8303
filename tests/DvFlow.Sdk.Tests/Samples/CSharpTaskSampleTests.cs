using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Samples;

/// <summary>samples/csharp-task: a flow whose tasks are C# code in a ProjectReference'd class library.</summary>
[Collection(SdkCollection.Name)]
public class CSharpTaskSampleTests(SdkFeed feed)
{
    [Fact]
    public void CSharpTaskSampleBuildsItsLibraryRunsEveryTaskAndIsIncremental()
    {
        using var p = SampleCopy.Create(feed, "csharp-task");
        var r = p.Build();
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("cstask.greet: Hello, C# task author!");
        r.AssertOutputContains("cstask.compile: wrote all.txt");
        r.AssertOutputContains("cstask.todos: 1 TODO(s) in 2 file(s)");
        r.AssertOutputMatches(@"src/a\.txt\(2\): warning TODO: cstask\.todos: // TODO: tidy this up");
        r.AssertOutputContains("cstask.stamp: stamped version 1.0");
        // The generator made one greet task per entry of people.json.
        r.AssertOutputContains("cstask.greetings.greet_Ada: Hello, Ada!");
        r.AssertOutputContains("cstask.greetings.greet_Linus: Hello, Linus!");
        // Class task parameters: upper=true, repeat=2.
        const string once = "ALPHA\n// TODO: TIDY THIS UP\nBETA\nGAMMA\n";
        Assert.Equal(once + once, File.ReadAllText(Path.Combine(p.RunDir, "cstask.compile", "all.txt")));

        var again = p.Build("-v:n");
        Assert.True(again.Succeeded, again.Describe());
        again.AssertOutputContains("cstask.stamp: skipped, up to date");
        again.AssertOutputContains("cstask.compile: skipped, up to date");

        p.Write("VERSION", "1.1\n");
        var changed = p.Build("-v:n");
        Assert.True(changed.Succeeded, changed.Describe());
        changed.AssertOutputContains("cstask.stamp: running (custom up-to-date check 'MyTasks.Checks.VersionUnchanged' said changed)");
        changed.AssertOutputContains("cstask.stamp: stamped version 1.1");
        changed.AssertOutputContains("cstask.compile: skipped, up to date");

        // Editing the generator's input adds a task on the next plain build.
        p.Write("people.json", "[\"Ada\", \"Grace\", \"Linus\", \"Barbara\"]");
        var more = p.Build();
        Assert.True(more.Succeeded, more.Describe());
        more.AssertOutputContains("cstask.greetings.greet_Barbara: Hello, Barbara!");
    }
}
