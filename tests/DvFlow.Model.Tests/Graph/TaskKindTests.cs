using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;
using DvFlow.TaskApi;

namespace DvFlow.Model.Tests.Graph;

/// <summary>Task kinds and their defaults: implementation, DataItem, no implementation, iff, uptodate, run.</summary>
public class TaskKindTests
{
    private static TaskGraph G(string yaml, params string[] tasks)
    {
        using var f = new FlowFiles();
        return FlowAssert.Graph(f.Load(yaml, new ElaborationOptions { Registry = f.HdlsimRegistry() }), tasks);
    }

    [Fact]
    public void DefaultsPerTaskKind()
    {
        var g = G("""
            package:
              name: p
              types:
              - name: Opts
                with:
                  flag: {type: bool}
              tasks:
              - name: shell_task
                shell: bash
                run: echo hi
              - name: derived_impl
                uses: std.Message
              - name: data_item
                uses: Opts
              - name: no_impl
              - name: compound
                body:
                - name: s
            """);
        Assert.Equal((TaskNodeKind.Leaf, DataFilterKind.All, DataFilterKind.Unused), Kinds(g.ByName["p.shell_task"]));
        Assert.Equal((TaskNodeKind.Leaf, DataFilterKind.All, DataFilterKind.Unused), Kinds(g.ByName["p.derived_impl"]));
        Assert.Equal((TaskNodeKind.DataItem, DataFilterKind.None, DataFilterKind.Unused), Kinds(g.ByName["p.data_item"]));
        Assert.Equal((TaskNodeKind.Null, DataFilterKind.None, DataFilterKind.Unused), Kinds(g.ByName["p.no_impl"]));
        Assert.Equal(TaskNodeKind.Compound, g.ByName["p.compound"].Kind);

        static (TaskNodeKind, DataFilterKind, DataFilterKind) Kinds(TaskNode n) => (n.Kind, n.Consumes.Kind, n.Passthrough.Kind);
    }

    [Fact]
    public void ConsumesAndPassthroughAreInheritedAndOverridden()
    {
        var g = G("""
            package:
              name: p
              tasks:
              - name: base
                run: echo
                consumes:
                - type: std.FileSet
                  filetype: verilogSource
                passthrough: none
              - name: derived
                uses: base
              - name: again
                uses: base
                consumes: all
                passthrough: all
            """);
        var d = g.ByName["p.derived"];
        Assert.Equal(DataFilterKind.Patterns, d.Consumes.Kind);
        Assert.Equal("verilogSource", d.Consumes.Patterns[0]["filetype"]);
        Assert.Equal(DataFilterKind.None, d.Passthrough.Kind);
        Assert.Equal(DataFilterKind.All, g.ByName["p.again"].Consumes.Kind);
        Assert.Equal(DataFilterKind.All, g.ByName["p.again"].Passthrough.Kind);
    }

    [Fact]
    public void PatternValuesAreEvaluatedPerTask()
    {
        var g = G("""
            package:
              name: p
              tasks:
              - name: t
                run: echo
                with:
                  ft: {type: str, value: vhdl}
                consumes:
                - type: std.FileSet
                  filetype: "${{ ft }}"
                  attributes: [uvm]
            """);
        var pat = g.ByName["p.t"].Consumes.Patterns[0];
        Assert.Equal("vhdl", pat["filetype"]);
        Assert.Equal(new object?[] { "uvm" }, (IEnumerable<object?>)pat["attributes"]!);
        Assert.Equal("[{\"type\": \"std.FileSet\", \"filetype\": \"vhdl\", \"attributes\": [\"uvm\"]}]", g.ByName["p.t"].Consumes.ToString());
    }

    [Fact]
    public void DataItemTaskProducesItsType()
    {
        var g = G("""
            package:
              name: p
              tasks:
              - name: SimOptionsTrace
                uses: hdlsim.SimElabArgs
                with:
                  args: [--trace-fst]
              - name: sim_img
                uses: hdlsim.vlt.SimImage
                needs: [SimOptionsTrace]
            """, "sim_img");
        var item = g.ByName["p.SimOptionsTrace"];
        Assert.Equal(TaskNodeKind.DataItem, item.Kind);
        Assert.Equal("hdlsim.SimElabArgs", item.DataType);
        Assert.Equal(new object?[] { "--trace-fst" }, (IEnumerable<object?>)item.ParamValues["args"]!);
        Assert.Equal(["p.SimOptionsTrace"], FlowAssert.Needs(g.ByName["p.sim_img"]));
    }

    [Fact]
    public void TypeInheritanceGivesFieldsBaseFirst()
    {
        var g = G("""
            package:
              name: p
              types:
              - name: MyOptions
                with:
                  flag1:
                    type: bool
                    value: false
                  value1:
                    type: str
                    value: "default"
              - name: ExtendedOptions
                uses: MyOptions             # Inherit from MyOptions
                with:
                  flag2:
                    type: bool
                    value: true
              tasks:
              - name: my_options
                uses: MyOptions
                with:
                  flag1: true
              - name: ext
                uses: ExtendedOptions
                with:
                  value1: changed
            """);
        var mine = g.ByName["p.my_options"];
        Assert.Equal(true, mine.ParamValues["flag1"]);
        Assert.Equal("default", mine.ParamValues["value1"]);
        var ext = g.ByName["p.ext"];
        Assert.Equal(["flag1", "value1", "flag2"], ext.Parameters.Select(x => x.Name));
        Assert.Equal("changed", ext.ParamValues["value1"]);
        Assert.Equal("p.ExtendedOptions", ext.DataType);
        Assert.Equal(["p.ExtendedOptions", "p.MyOptions"], ext.BaseChain);
    }

    [Fact]
    public void DataItemTaskDerivedFromADataItemTask()
    {
        var g = G("""
            package:
              name: p
              tasks:
              - name: base_opts
                uses: hdlsim.SimElabArgs
                with: {args: [a]}
              - name: more_opts
                uses: base_opts
                with:
                  args: {append: [b]}
            """);
        var n = g.ByName["p.more_opts"];
        Assert.Equal(TaskNodeKind.DataItem, n.Kind);
        Assert.Equal("hdlsim.SimElabArgs", n.DataType);
        Assert.Equal(new object?[] { "a", "b" }, (IEnumerable<object?>)n.ParamValues["args"]!);
    }

    [Fact]
    public void StdFileSetIsABuiltinLeaf()
    {
        var g = G("package:\n  name: p\n  tasks:\n  - name: files\n    uses: std.FileSet\n    with:\n      type: verilogSource\n      include: \"*.sv\"\n");
        var n = g.ByName["p.files"];
        Assert.Equal((TaskNodeKind.Leaf, "builtin", "std.FileSet"), (n.Kind, n.Shell, n.Run));
        Assert.Equal(new object?[] { "*.sv" }, (IEnumerable<object?>)n.ParamValues["include"]!);
    }

    [Fact]
    public void RunIsExpandedWithParameters()
    {
        var g = G("""
            package:
              name: p
              with:
                ver: {type: str, value: "1.2"}
              tasks:
              - name: t
                shell: bash
                run: |
                  echo "${{ greeting }} v${{ ver }}"
                  cd ${{ rundir }}
                with:
                  greeting: {type: str, value: hello}
            """);
        var n = g.ByName["p.t"];
        Assert.Equal("bash", n.Shell);
        Assert.Equal($"echo \"hello v1.2\"\ncd {n.RunDirFull}\n", n.Run);
    }

    [Fact]
    public void ShellDefaultsToBash()
    {
        var n = G("package:\n  name: p\n  tasks:\n  - name: t\n    run: make build\n").ByName["p.t"];
        Assert.Equal(("bash", "make build"), (n.Shell, n.Run));
    }

    [Fact]
    public void InheritedRunIsExpandedWithTheDerivedParameters()
    {
        var g = G("""
            package:
              name: p
              tasks:
              - name: base
                shell: bash
                run: echo ${{ word }}
                with:
                  word: {type: str, value: base}
              - name: derived
                uses: base
                with:
                  word: derived
            """);
        Assert.Equal("echo derived", g.ByName["p.derived"].Run);
        Assert.Equal("echo base", g.ByName["p.base"].Run);
    }

    [Fact]
    public void PytaskRunIsNotExpanded()
    {
        var n = G("package:\n  name: p\n  tasks:\n  - name: t\n    pytask: my.Mod\n").ByName["p.t"];
        Assert.Equal(("pytask", "my.Mod"), (n.Shell, n.Run));
    }

    [Fact]
    public void BadExpressionInRunIsAnErrorInsideTheBlock()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: t\n    run: |\n      echo a\n      echo ${{ nope }}\n"));
        var g = new TaskGraphBuilder(m).Build(["t"]);
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.ExpressionEval, "undefined variable 'nope'");
        Assert.Equal(7, e.Location!.Line);
    }

    [Fact]
    public void IffFalseDisablesTheTaskAndItsNeeds()
    {
        var g = G("""
            package:
              name: p
              with:
                debug_level: {type: int, value: 0}
              tasks:
              - name: dep
              - name: debug_options
                uses: hdlsim.SimElabArgs
                iff: ${{ debug_level > 0 }}
                needs: [dep]
                with:
                  args: [--trace-fst]
              - name: always
                iff: true
              - name: never
                iff: false
            """, "debug_options", "always", "never");
        var n = g.ByName["p.debug_options"];
        Assert.False(n.Enabled);
        Assert.Empty(n.Needs);
        Assert.False(g.ByName.ContainsKey("p.dep"));
        Assert.True(g.ByName["p.always"].Enabled);
        Assert.False(g.ByName["p.never"].Enabled);
    }

    [Fact]
    public void IffTrueWithOverride()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  with:\n    debug_level: {type: int}\n  tasks:\n  - name: t\n    iff: ${{ debug_level > 0 }}\n", null, "debug_level=2");
        Assert.True(FlowAssert.Graph(m, "t").ByName["p.t"].Enabled);
    }

    [Theory]
    [InlineData("\"false\"", false)]
    [InlineData("\"no\"", false)]
    [InlineData("\"\"", false)]
    [InlineData("\"yes\"", true)]
    [InlineData("\"${{ flag }}\"", true)]
    [InlineData("\"${{ not flag }}\"", false)]
    [InlineData("\"${{ 'a' if flag else '' }}\"", true)]
    [InlineData("0", false)]
    [InlineData("1", true)]
    public void IffValues(string iff, bool enabled)
    {
        var g = G($"package:\n  name: p\n  with:\n    flag: {{type: bool, value: true}}\n  tasks:\n  - name: t\n    iff: {iff}\n");
        Assert.Equal(enabled, g.ByName["p.t"].Enabled);
    }

    [Fact]
    public void IffErrorDisablesWithAnError()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: t\n    iff: ${{ nope > 1 }}\n"));
        var g = new TaskGraphBuilder(m).Build(["t"]);
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.ExpressionEval, "undefined variable 'nope'");
        FlowAssert.At(e, "flow.yaml", 5, 14);
        Assert.False(g.ByName["p.t"].Enabled);
    }

    [Fact]
    public void UptodateSettings()
    {
        var g = G("""
            package:
              name: p
              tasks:
              - name: never
                uptodate: false
              - name: custom
                uptodate: my_pkg.checks.IsCurrent
              - name: plain
              - name: inherits
                uses: never
              - name: explicit_true
                uses: never
                uptodate: true
            """);
        Assert.Equal(UptodateKind.Never, g.ByName["p.never"].Uptodate.Kind);
        Assert.Equal(new UptodateSpec(UptodateKind.Custom, "my_pkg.checks.IsCurrent"), g.ByName["p.custom"].Uptodate);
        Assert.Equal(UptodateKind.Default, g.ByName["p.plain"].Uptodate.Kind);
        Assert.Equal(UptodateKind.Never, g.ByName["p.inherits"].Uptodate.Kind);
        Assert.Equal(UptodateKind.Default, g.ByName["p.explicit_true"].Uptodate.Kind);
    }

    [Fact]
    public void DescDocAndScopeAreKept()
    {
        var g = G("package:\n  name: p\n  tasks:\n  - root: t\n    desc: one line\n    doc: |\n      long\n  - name: d\n    uses: std.Message\n");
        var t = g.ByName["p.t"];
        Assert.Equal(("one line", "long\n", TaskScope.Root), (t.Desc, t.Doc, t.Scope));
        Assert.Equal("Print a message", g.ByName["p.d"].Desc); // inherited from the base
        Assert.Equal(("t", "p"), (t.LeafName, t.Package));
    }

    [Fact]
    public void UsesMayBeAnExpression()
    {
        var g = G("package:\n  name: p\n  with:\n    sim: {type: str, value: vlt}\n  tasks:\n  - name: s\n    uses: hdlsim.${{ sim }}.SimImage\n");
        Assert.Equal("hdlsim.vlt.SimImage", g.ByName["p.s"].Run);
    }
}
