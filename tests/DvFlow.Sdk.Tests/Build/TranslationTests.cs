using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

[Collection(SdkCollection.Name)]
public class TranslationTests(SdkFeed feed)
{
    private const string Hello = """
        package:
          name: demo
          with:
            who: {type: str, value: World}
          tasks:
          - root: greet
            uses: std.Message
            with:
              msg: "Hello, ${{ who }}!"
          - name: other
            uses: std.Message
            with:
              msg: other task
        """;

    [Fact]
    public void BuildOnACleanTreeTranslatesInRestoreAndRunsTheTaskByItsShortName()
    {
        using var p = new FlowProject(feed, Hello);
        var r = p.Build("-t:greet");
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("demo.greet: Hello, World!");
        Assert.True(File.Exists(Path.Combine(p.Dir, "obj", "dvflow", "flow.g.targets")));
        Assert.True(File.Exists(Path.Combine(p.RunDir, "demo.greet", "demo.greet.exec_data.json")));
        Assert.NotEmpty(r.Targets("DvFlowTranslate"));
    }

    [Fact]
    public void ADescriptionWithXmlHostileTextStillTranslates()
    {
        // Nothing of a description may break the generated targets (an XML comment, for one, may not contain "--").
        using var p = new FlowProject(feed, """
            package:
              name: dash
              tasks:
              - root: greet
                uses: std.Message
                desc: "runs tool --incr --- then -, <a & b> $(x) @(y)"
                with: {msg: dashes ok}
            """);
        var r = p.Build("-t:greet");
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("dash.greet: dashes ok");
        Assert.Contains("runs tool --incr --- then -, <a & b> $(x) @(y)", File.ReadAllText(Path.Combine(p.Dir, "obj", "dvflow", "plan.jsonl")));
    }

    [Fact]
    public void GeneratedTargetsAreLeftUntouchedWhenNothingChangedAndRegeneratedWhenTheFlowChanges()
    {
        using var p = new FlowProject(feed, Hello);
        Assert.True(p.Build("-t:greet").Succeeded);
        var targets = Path.Combine(p.Dir, "obj", "dvflow", "flow.g.targets");
        var before = File.ReadAllText(targets);
        var stamp = File.GetLastWriteTimeUtc(targets);
        Thread.Sleep(1100);
        var r2 = p.Build("-t:greet");
        Assert.True(r2.Succeeded, r2.Describe());
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(targets));
        r2.AssertOutputContains("the flow is unchanged since its last translation");

        p.Write("flow.yaml", Hello.Replace("name: other", "name: renamed"));
        var r3 = p.Build("-t:renamed");
        Assert.True(r3.Succeeded, r3.Describe());
        Assert.NotEqual(before, File.ReadAllText(targets));
        Assert.Contains("DvFlow_demo__renamed", File.ReadAllText(targets));
    }

    [Fact]
    public void AFileAddedToAFragmentDirectoryIsPickedUp()
    {
        using var p = new FlowProject(feed, """
            package:
              name: frag
              fragments: [parts]
            """);
        p.Write("parts/a/flow.yaml", "fragment:\n  tasks:\n  - root: a\n    uses: std.Message\n    with: {msg: from a}\n");
        Assert.True(p.Build("-t:a").Succeeded);
        Thread.Sleep(1100);
        p.Write("parts/b/flow.yaml", "fragment:\n  tasks:\n  - root: b\n    uses: std.Message\n    with: {msg: from b}\n");
        var r = p.Build("-t:b");
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("frag.b: from b");
        // A file added deeper in a directory that already existed is found too.
        Thread.Sleep(1100);
        p.Write("parts/a/deeper/flow.yaml", "fragment:\n  tasks:\n  - root: c\n    uses: std.Message\n    with: {msg: from c}\n");
        var r2 = p.Build("-t:c");
        Assert.True(r2.Succeeded, r2.Describe());
        r2.AssertOutputContains("frag.c: from c");
    }

    [Fact]
    public void MsbuildWithoutRestoreTranslatesTheFlowItselfAndNeverRunsAStaleGraph()
    {
        using var p = new FlowProject(feed, Hello);
        Assert.True(p.Build("-t:greet").Succeeded);
        Thread.Sleep(1100);
        p.Write("flow.yaml", Hello.Replace("Hello,", "Bye,"));
        // The evaluation imported the old targets: the build translates, then continues in a fresh evaluation of the new ones.
        var r = p.Msbuild("-t:greet");
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("demo.greet: Bye, World!");
        r.AssertOutputContains("the flow targets this project was evaluated with are out of date; translating it now");
        // The translation went where the next evaluation looks, so the next build needs no fresh evaluation.
        var again = p.Msbuild("-t:greet");
        Assert.True(again.Succeeded, again.Describe());
        again.AssertOutputLacks("translating it now");
        again.AssertOutputLacks("fresh evaluation");
        // Overrides given without restore are honoured too, never the targets of other settings.
        var r2 = p.Msbuild("-t:greet", "-p:D_who=Someone");
        Assert.True(r2.Succeeded, r2.Describe());
        r2.AssertOutputContains("demo.greet: Bye, Someone!");
        // A task target named directly on a stale evaluation cannot move to a fresh one: it stops instead of running old tasks.
        Thread.Sleep(1100);
        p.Write("flow.yaml", Hello.Replace("Hello,", "Ciao,"));
        var direct = p.Msbuild("-t:DvFlow_demo__greet");
        Assert.False(direct.Succeeded, direct.Describe());
        direct.AssertOutputMatches(@"flow\.yaml : error DVF0002: the flow changed after this project was evaluated");
        direct.AssertOutputLacks("demo.greet: Bye");
    }

    [Fact]
    public void FlowErrorsFailTheBuildWithFileLineAndColumn()
    {
        using var p = new FlowProject(feed, """
            package:
              name: bad
              tasks:
              - name: a
                uses: std.Mesage
            """);
        var r = p.Build("-t:a");
        Assert.False(r.Succeeded);
        r.AssertOutputMatches(@"flow\.yaml\(5,11\): error DVF2004: .*std\.Mesage.*did you mean 'std\.Message'");
    }

    [Fact]
    public void QualifiedAndStandardTargetNamesHaveDefinedBehaviour()
    {
        using var p = new FlowProject(feed, """
            package:
              name: std_names
              tasks:
              - root: build
                uses: std.Message
                with: {msg: "flow task named build"}
              - root: sim
                uses: std.Message
                with: {msg: "sim ran"}
            """);
        // 'Build' is the standard target: it runs the root tasks, including the flow task named 'build'.
        var r = p.Build();
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("flow task named build");
        r.AssertOutputContains("sim ran");
        // Every task has a canonical target, and DvFlowRun runs any task by its flow name.
        Assert.True(p.Build("-t:DvFlow_std_names__sim", "-p:DvFlowForce=true").Succeeded);
        var run = p.Build("-t:DvFlowRun", "-p:DvFlowTask=std_names.build", "-p:DvFlowForce=true");
        Assert.True(run.Succeeded, run.Describe());
        run.AssertOutputContains("flow task named build");
    }

    [Fact]
    public void ConfigAndParameterOverridesSelectValues()
    {
        using var p = new FlowProject(feed, """
            package:
              name: cfg
              with:
                level: {type: int, value: 1}
                who: {type: str, value: nobody}
              tasks:
              - root: show
                uses: std.Message
                with:
                  msg: "level=${{ level }} who=${{ who }}"
              configs:
              - name: debug
                with:
                  level: {value: 3}
            """);
        var r = p.Build("-t:show", "-p:Config=debug", "-p:D_who=alice");
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("level=3 who=alice");
        var r2 = p.Build("-t:show", "-p:DvFlowDefines=level=7");
        Assert.True(r2.Succeeded, r2.Describe());
        r2.AssertOutputContains("level=7 who=nobody");
        var r3 = p.Build("-t:show", "-p:D_show__msg=direct");
        r3.AssertOutputContains("cfg.show: direct");
    }
}
