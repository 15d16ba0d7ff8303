using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>
/// Everything that decides what a task does is in its up-to-date key: an edit to any of it reruns the task on the
/// next plain build (reliability issue: an edited run: body used to be skipped as up to date).
/// </summary>
[Collection(SdkCollection.Name)]
public class UpToDateKeyTests(SdkFeed feed)
{
    private static void Edit(FlowProject p, string from, string to)
    {
        var flow = p.Read("flow.yaml");
        Assert.Contains(from, flow);
        p.Write("flow.yaml", flow.Replace(from, to));
    }

    [Fact]
    public void EditingAShellTasksCommandReruns()
    {
        using var p = new FlowProject(feed, """
            package:
              name: key
              with:
                greeting: {type: str, value: hi}
              tasks:
              - root: one
                shell: bash
                run: echo ok > out.txt
              - root: multi
                shell: bash
                run: |
                  echo first > out.txt
                  echo "${{ greeting }}" >> out.txt
              - name: env
                uses: std.SetEnv
                with:
                  setenv: {WHO: alice}
              - root: consumer
                needs: [env]
                shell: bash
                run: echo "$WHO" > who.txt
            """);
        var first = p.Build("-t:one;multi;consumer");
        Assert.True(first.Succeeded, first.Describe());

        // The one-line body: 'exit 5' must run (and fail), never be skipped as up to date.
        Edit(p, "run: echo ok > out.txt", "run: exit 5");
        var failed = p.Build("-t:one");
        Assert.False(failed.Succeeded, failed.Describe());
        Assert.Contains(failed.MessagesUnder("DvFlow_key__one"), m => m.StartsWith("key.one: running (its command changed (shell or run: body))"));
        failed.AssertOutputContains("status 5");

        // The shell alone.
        Edit(p, "run: exit 5", "run: echo ok > out.txt");
        Assert.True(p.Build("-t:one").Succeeded);
        Edit(p, "  shell: bash\n    run: echo ok > out.txt", "  shell: sh\n    run: echo ok > out.txt");
        var sh = p.Build("-t:one");
        Assert.True(sh.Succeeded, sh.Describe());
        Assert.Contains(sh.MessagesUnder("DvFlow_key__one"), m => m.StartsWith("key.one: running (its command changed"));

        // A multi-line body, and a parameter expanded into it by ${{ }} (-D on the command line).
        Edit(p, "echo first > out.txt", "echo second > out.txt");
        var multi = p.Build("-t:multi");
        Assert.True(multi.Succeeded, multi.Describe());
        Assert.Equal("second\nhi\n", File.ReadAllText(Path.Combine(p.RunDir, "key.multi", "out.txt")));
        var greeted = p.Build("-t:multi", "-p:D_greeting=hello");
        Assert.True(greeted.Succeeded, greeted.Describe());
        Assert.Equal("second\nhello\n", File.ReadAllText(Path.Combine(p.RunDir, "key.multi", "out.txt")));

        // The environment a task receives from std.SetEnv.
        Edit(p, "setenv: {WHO: alice}", "setenv: {WHO: bob}");
        var env = p.Build("-t:consumer");
        Assert.True(env.Succeeded, env.Describe());
        Assert.Equal("bob", File.ReadAllText(Path.Combine(p.RunDir, "key.consumer", "who.txt")).Trim());

        // And nothing else reruns: a plain rebuild is a no-op.
        var noop = p.Build("-t:one;multi;consumer");
        Assert.True(noop.Succeeded, noop.Describe());
        Assert.DoesNotContain(noop.MessagesUnder("DvFlow_key__one").Concat(noop.MessagesUnder("DvFlow_key__consumer")), m => m.Contains(": running ("));
    }

    [Fact]
    public void RebuildingACSharpTaskLibraryWithChangedCodeRerunsItsTasks()
    {
        const string v1 = """
            using DvFlow.TaskApi;
            namespace Lib;
            public static class Fns
            {
                public static Task<TaskDataResult> Write(TaskRunCtxt ctxt, TaskDataInput input)
                {
                    File.WriteAllText(Path.Combine(input.RunDir, "v.txt"), "v1");
                    return Task.FromResult(new TaskDataResult());
                }
            }
            """;
        using var p = new FlowProject(feed, """
            package:
              name: key
              tasks:
              - root: write
                shell: csharp
                run: Lib.Fns.Write
              - root: inline
                shell: csharp
                run: |
                  File.WriteAllText(Path.Combine(input.RunDir, "v.txt"), "inline v1");
            """, CSharpTestLibrary.ProjectReference);
        CSharpTestLibrary.WriteInto(p, v1);
        var first = p.Build("-t:write;inline");
        Assert.True(first.Succeeded, first.Describe());
        Assert.Equal("v1", File.ReadAllText(Path.Combine(p.RunDir, "key.write", "v.txt")));

        var same = p.Build("-t:write;inline");
        Assert.True(same.Succeeded, same.Describe());
        Assert.Contains(same.MessagesUnder("DvFlow_key__write"), m => m.StartsWith("key.write: skipped, up to date"));

        p.Write("lib/Lib.cs", v1.Replace("\"v1\"", "\"v2\""));
        Edit(p, "\"inline v1\"", "\"inline v2\"");
        var changed = p.Build("-t:write;inline");
        Assert.True(changed.Succeeded, changed.Describe());
        Assert.Contains(changed.MessagesUnder("DvFlow_key__write"), m => m.StartsWith("key.write: running (its implementation changed (Lib.Fns was rebuilt or replaced))"));
        Assert.Equal("v2", File.ReadAllText(Path.Combine(p.RunDir, "key.write", "v.txt")));
        Assert.Contains(changed.MessagesUnder("DvFlow_key__inline"), m => m.StartsWith("key.inline: running (its command changed"));
        Assert.Equal("inline v2", File.ReadAllText(Path.Combine(p.RunDir, "key.inline", "v.txt")));
    }
}
