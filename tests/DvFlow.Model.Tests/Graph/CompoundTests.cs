using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Graph;

/// <summary>Compound tasks: input sentinel, terminal subtasks, parent parameters, inheritance and run directories.</summary>
public class CompoundTests
{
    private const string BuildAndTest = """
        package:
          name: p
          with:
            seed: {type: int, value: 7}
          tasks:
          - name: sources
            uses: std.FileSet
            with: {include: "*.sv"}
          - name: build_and_test
            needs: [sources]
            with:
              top: {type: str, value: tb_top}
            body:
            - name: build
              uses: std.Message
              with:
                msg: "build ${{ top }}"
            - name: test
              uses: std.Message
              needs: [build]
              with:
                msg: "test ${{ top }} seed=${{ seed }}"
            - name: lint
              uses: std.Message
        """;

    [Fact]
    public void CompoundIsAnInputSentinelSubtasksAndAnOutputNode()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load(BuildAndTest), "build_and_test");
        var c = g.ByName["p.build_and_test"];
        var input = g.ByName["p.build_and_test.in"];
        Assert.Equal(TaskNodeKind.Compound, c.Kind);
        Assert.Equal(TaskNodeKind.CompoundInput, input.Kind);
        // The compound's own needs move to its input node.
        Assert.Equal(["p.sources"], FlowAssert.Needs(input));
        Assert.Equal(DataFilterKind.None, input.Consumes.Kind);
        Assert.Equal(DataFilterKind.All, input.Passthrough.Kind);
        // Subtasks without a sibling need get the input node; others depend on their siblings.
        Assert.Equal(["p.build_and_test.in"], FlowAssert.Needs(g.ByName["p.build_and_test.build"]));
        Assert.Equal(["p.build_and_test.build"], FlowAssert.Needs(g.ByName["p.build_and_test.test"]));
        Assert.Equal(["p.build_and_test.in"], FlowAssert.Needs(g.ByName["p.build_and_test.lint"]));
        // The output node waits for the terminal subtasks (those no sibling needs): its output is their union.
        Assert.Equal(["p.build_and_test.test", "p.build_and_test.lint"], FlowAssert.Needs(c));
        Assert.Equal(["p.build_and_test.in", "p.build_and_test.build", "p.build_and_test.test", "p.build_and_test.lint"], c.Children.Select(x => x.Name));
        Assert.All(c.Children, x => Assert.Same(c, x.Parent));
        // Dependency order: sources first, the compound last.
        Assert.Equal("p.sources", g.Nodes[0].Name);
        Assert.Equal("p.build_and_test", g.Nodes[^1].Name);
    }

    [Fact]
    public void SubtasksSeeTheParentsParametersAndThePackages()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load(BuildAndTest), "build_and_test");
        Assert.Equal("build tb_top", g.ByName["p.build_and_test.build"].ParamValues["msg"]);
        Assert.Equal("test tb_top seed=7", g.ByName["p.build_and_test.test"].ParamValues["msg"]);
    }

    [Fact]
    public void SubtasksSeeThisAsTheParentsParameters()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: p
              tasks:
              - name: outer
                with:
                  a: {type: str, value: A}
                body:
                - name: mid
                  with:
                    b: {type: str, value: B}
                  body:
                  - name: leaf
                    uses: std.Message
                    with:
                      msg: "${{ a }}${{ b }}${{ this.a }}${{ this.b }}"
            """), "outer");
        Assert.Equal("ABAB", g.ByName["p.outer.mid.leaf"].ParamValues["msg"]);
    }

    [Fact]
    public void CompoundRunDirectoriesNest()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load(BuildAndTest), "build_and_test");
        Assert.Equal("p.build_and_test", g.ByName["p.build_and_test"].RunDir);
        Assert.Equal("p.build_and_test/p.build_and_test.build", g.ByName["p.build_and_test.build"].RunDir);
        Assert.Equal(Path.Combine(g.RunRoot, "p.build_and_test", "p.build_and_test.test"), g.ByName["p.build_and_test.test"].RunDirFull);
        Assert.Equal(Path.Combine(f.Root, "rundir"), g.RunRoot);
    }

    [Fact]
    public void RundirInheritSharesTheCompoundsDirectory()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: p
              tasks:
              - name: CreateTestFiles
                rundir: inherit   # Share directory across all subtasks
                body:
                - name: create_file1
                  uses: std.CreateFile
                  with:
                    filename: test1.sv
                    content: "module test1; endmodule"
                - name: create_file2
                  uses: std.CreateFile
                  with:
                    filename: test2.sv
                    content: "module test2; endmodule"
                - name: gather
                  uses: std.FileSet
                  needs: [create_file1, create_file2]
                  with:
                    include: "*.sv"
            """), "CreateTestFiles");
        // An inheriting top-level task runs in the run root, and so do its subtasks.
        Assert.All(g.Nodes, n => Assert.Equal("", n.RunDir));
        Assert.Equal(RundirMode.Inherit, g.ByName["p.CreateTestFiles"].RundirMode);
        Assert.Equal(["p.CreateTestFiles.gather"], FlowAssert.Needs(g.ByName["p.CreateTestFiles"]));
    }

    [Fact]
    public void ChildWithRundirInheritUsesTheParentsDirectory()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: p
              tasks:
              - name: parent_task
                rundir: unique
                body:
                - name: child_task
                  rundir: inherit
                - name: other_child
            """), "parent_task");
        Assert.Equal("p.parent_task", g.ByName["p.parent_task.child_task"].RunDir);
        Assert.Equal("p.parent_task/p.parent_task.other_child", g.ByName["p.parent_task.other_child"].RunDir);
    }

    [Fact]
    public void NestedCompounds()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: p
              tasks:
              - name: top
                body:
                - name: mid
                  body:
                  - name: leaf
                - name: after
                  needs: [mid]
            """), "top");
        Assert.Equal(["p.top.mid.in"], FlowAssert.Needs(g.ByName["p.top.mid.leaf"]));
        Assert.Equal(["p.top.in"], FlowAssert.Needs(g.ByName["p.top.mid.in"]));
        Assert.Equal(["p.top.mid"], FlowAssert.Needs(g.ByName["p.top.after"]));
        Assert.Equal(["p.top.after"], FlowAssert.Needs(g.ByName["p.top"]));
        Assert.Equal("p.top/p.top.mid/p.top.mid.leaf", g.ByName["p.top.mid.leaf"].RunDir);
    }

    [Fact]
    public void SubtaskNeedsATopLevelTask()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: p
              tasks:
              - name: rtl
              - name: c
                body:
                - name: s
                  needs: [rtl]
            """), "c");
        // A subtask with only external needs still gets the compound's inputs.
        Assert.Equal(["p.c.in", "p.rtl"], FlowAssert.Needs(g.ByName["p.c.s"]));
        Assert.Equal("p.rtl", g.ByName["p.rtl"].RunDir);
    }

    [Fact]
    public void CompoundUsingACompoundInheritsItsBody()
    {
        using var f = new FlowFiles();
        var m = f.Load("""
            package:
              name: p
              tasks:
              - name: base_flow
                with:
                  top: {type: str, value: base_top}
                body:
                - name: compile
                  uses: std.Message
                  with: {msg: "compile ${{ top }}"}
                - name: run
                  uses: std.Message
                  needs: [compile]
              - name: derived_flow
                uses: base_flow
                with:
                  top: derived_top
                body:
                - name: report
                  uses: std.Message
                  needs: [run]
                - name: run
                  uses: std.Message
                  needs: [compile]
                  with: {msg: "replaced run"}
            """);
        var g = FlowAssert.Graph(m, "derived_flow");
        Assert.Equal("compile derived_top", g.ByName["p.derived_flow.compile"].ParamValues["msg"]);
        Assert.Equal("replaced run", g.ByName["p.derived_flow.run"].ParamValues["msg"]);
        Assert.Equal(["p.derived_flow.run"], FlowAssert.Needs(g.ByName["p.derived_flow.report"]));
        Assert.Equal(["p.derived_flow.report"], FlowAssert.Needs(g.ByName["p.derived_flow"]));
        Assert.Equal(TaskNodeKind.Compound, g.ByName["p.derived_flow"].Kind);
    }

    [Fact]
    public void CompoundInheritedFromAnotherPackage()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", """
            package:
              name: lib
              with:
                tool: {type: str, value: libtool}
              tasks:
              - export: Flow
                body:
                - name: step
                  uses: std.Message
                  with: {msg: "${{ tool }}"}
            """);
        var g = FlowAssert.Graph(f.Load("package:\n  name: p\n  imports: [lib]\n  tasks:\n  - name: mine\n    uses: lib.Flow\n    body:\n    - name: extra\n      needs: [step]\n"), "mine");
        Assert.Equal("libtool", g.ByName["p.mine.step"].ParamValues["msg"]);
        Assert.Equal(["p.mine.step"], FlowAssert.Needs(g.ByName["p.mine.extra"]));
    }

    [Fact]
    public void UnknownSiblingInABodyIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  tasks:\n  - name: c\n    body:\n    - name: a\n      needs: [b]\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.UnknownTask, "task 'b' not found");
        FlowAssert.At(e, "flow.yaml", 7, 15);
    }

    [Fact]
    public void FeedsIntoACompoundGoToItsInput()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("package:\n  name: p\n  tasks:\n  - name: c\n    body:\n    - name: s\n  - name: gen\n    feeds: [c]\n"), "c");
        Assert.Equal(["p.gen"], FlowAssert.Needs(g.ByName["p.c.in"]));
    }

    [Fact]
    public void FeedsOnASubtaskWarns()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  tasks:\n  - name: t\n  - name: c\n    body:\n    - name: s\n      feeds: [t]\n");
        var w = FlowAssert.HasWarning(m.Diagnostics, DiagnosticCodes.BadValue, "'feeds' of subtask 'p.c.s' is ignored");
        FlowAssert.At(w, "flow.yaml", 8, 15);
    }

    [Fact]
    public void SubtaskNamedLikeANamedFragmentTaskIsAnError()
    {
        using var f = new FlowFiles();
        f.Write("rtl/flow.yaml", "fragment:\n  name: rtl\n  tasks:\n  - name: build\n");
        var m = f.Load("package:\n  name: p\n  fragments: [rtl/flow.yaml]\n  tasks:\n  - name: rtl\n    body:\n    - name: build\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.DuplicateName, "subtask 'p.rtl.build' has the same name as the task declared at");
        FlowAssert.At(e, "flow.yaml", 7, 13);
    }

    [Fact]
    public void SubtaskCanBeRequestedByPath()
    {
        using var f = new FlowFiles();
        var m = f.Load(BuildAndTest);
        FlowAssert.NoErrors(m);
        var g = FlowAssert.Graph(m, "build_and_test.test");
        Assert.Equal("p.build_and_test.test", Assert.Single(g.Roots).Name);
    }

    [Fact]
    public void DisabledSubtaskLeavesTheCompoundOutputEmpty()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: p
              with:
                on: {type: bool, value: false}
              tasks:
              - name: c
                body:
                - name: s
                  iff: ${{ on }}
            """), "c");
        var s = g.ByName["p.c.s"];
        Assert.False(s.Enabled);
        Assert.Empty(s.Needs);
        Assert.Equal(["p.c.s"], FlowAssert.Needs(g.ByName["p.c"]));
    }
}

public class SubtaskInheritanceTests
{
    [Fact]
    public void SubtaskMayUseASibling()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: p
              tasks:
              - name: c
                body:
                - name: base_msg
                  uses: std.Message
                  with: {msg: base}
                - name: derived
                  uses: base_msg
                - name: more
                  uses: derived
                  with: {msg: more}
            """), "c");
        Assert.Equal("base", g.ByName["p.c.derived"].ParamValues["msg"]);
        Assert.Equal("more", g.ByName["p.c.more"].ParamValues["msg"]);
        Assert.Equal(["p.c.derived", "p.c.base_msg", "std.Message"], g.ByName["p.c.more"].BaseChain);
    }

    [Fact]
    public void SiblingUsesCycleIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  tasks:\n  - name: c\n    body:\n    - name: a\n      uses: b\n    - name: b\n      uses: a\n");
        var g = new TaskGraphBuilder(m).Build(["c"]);
        FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.CircularDefinition, "inherits from itself");
    }
}
