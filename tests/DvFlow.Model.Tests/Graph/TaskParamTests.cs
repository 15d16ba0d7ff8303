using DvFlow.Model.Diagnostics;
using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Graph;

/// <summary>Task parameters along the uses chain: overrides, declarations, list operations, -D.</summary>
public class TaskParamTests
{
    private static TaskNode Build(string yaml, string task, params string[] overrides)
    {
        using var f = new FlowFiles();
        var m = f.Load(yaml, null, overrides);
        var g = FlowAssert.Graph(m, task);
        return g.ByName[m.Root!.Name + "." + task];
    }

    private static IEnumerable<object?> List(TaskNode n, string p) => (IEnumerable<object?>)n.ParamValues[p]!;

    [Fact]
    public void OverrideInheritedValue()
    {
        var n = Build("""
            package:
              name: p
              tasks:
              - name: PrintHello
                uses: std.Message
                with:
                  msg: Hello, World!
            """, "PrintHello");
        Assert.Equal("Hello, World!", n.ParamValues["msg"]);
        var msg = n.Parameters.Single(x => x.Name == "msg");
        Assert.Equal("str", msg.Type);
        Assert.Equal("The message to print", msg.Doc);
    }

    [Fact]
    public void InheritedValueIsKeptWhenNotOverridden()
    {
        var n = Build("""
            package:
              name: p
              tasks:
              - name: a
                uses: std.Message
                with: {msg: from_a}
              - name: b
                uses: a
            """, "b");
        Assert.Equal("from_a", n.ParamValues["msg"]);
        Assert.Equal(["p.a", "std.Message"], n.BaseChain);
    }

    [Fact]
    public void DeclareNewParameters()
    {
        var n = Build("""
            package:
              name: p
              tasks:
              - name: t
                uses: std.Message
                with:
                  count:
                    type: int
                    value: 3
                    doc: How many
                  flags: {type: list}
                  opts: {type: map, value: {a: 1}}
                  on: {type: bool, value: "yes"}
            """, "t");
        Assert.Equal(3L, n.ParamValues["count"]);
        Assert.Empty(List(n, "flags"));
        Assert.Equal(1L, ((IReadOnlyDictionary<string, object?>)n.ParamValues["opts"]!)["a"]);
        Assert.Equal(true, n.ParamValues["on"]);
        Assert.Equal(["msg", "count", "flags", "opts", "on"], n.Parameters.Select(x => x.Name));
        Assert.Equal("How many", n.Parameters[1].Doc);
        Assert.Equal(["str", "int", "list", "map", "bool"], n.Parameters.Select(x => x.Type));
    }

    [Fact]
    public void TaskWithoutBaseDeclaresUntypedParameters()
    {
        var n = Build("package:\n  name: p\n  tasks:\n  - name: t\n    run: echo\n    with:\n      a: 1\n      b: [x]\n      c: text\n", "t");
        Assert.Equal(["int", "list", "str"], n.Parameters.Select(x => x.Type));
    }

    [Fact]
    public void UnknownParameterOfDerivedTaskIsAnError()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: t\n    uses: std.Message\n    with:\n      mgs: hi\n"));
        var g = new TaskGraphBuilder(m).Build(["t"]);
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.UnknownParameter, "parameter 'mgs' not found in base task 'std.Message' (did you mean 'msg'?)");
        FlowAssert.At(e, "flow.yaml", 7, 7);
    }

    [Fact]
    public void UnknownParameterWithValueOnlyLongFormIsAnError()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: t\n    uses: std.Message\n    with:\n      zzz: {value: 1}\n"));
        var g = new TaskGraphBuilder(m).Build(["t"]);
        FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.UnknownParameter, "parameter 'zzz' not found in base task 'std.Message'; its parameters are: msg");
    }

    [Fact]
    public void WrongTypeForInheritedParameterIsAnError()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: t\n    uses: hdlsim.vlt.SimImage\n    with:\n      debug: maybe\n",
            new DvFlow.Model.Elaboration.ElaborationOptions { Registry = f.HdlsimRegistry() }));
        var g = new TaskGraphBuilder(m).Build(["t"]);
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.ParamType, "parameter 'debug' of task 'p.t' is of type bool: expected true or false, found 'maybe'");
        FlowAssert.At(e, "flow.yaml", 7, 14);
    }

    [Fact]
    public void ListAppendAndPrepend()
    {
        var n = Build("""
            package:
              name: p
              tasks:
              - name: base
                with:
                  args: {type: list, value: [b]}
              - name: mid
                uses: base
                with:
                  args: {append: [c], prepend: a}
              - name: leaf
                uses: mid
                with:
                  args:
                    append: [d, e]
            """, "leaf");
        Assert.Equal(new object?[] { "a", "b", "c", "d", "e" }, List(n, "args"));
    }

    [Fact]
    public void PlainValueResetsAList()
    {
        var n = Build("""
            package:
              name: p
              tasks:
              - name: base
                with:
                  args: {type: list, value: [a, b]}
              - name: leaf
                uses: base
                with:
                  args: [z]
            """, "leaf");
        Assert.Equal(new object?[] { "z" }, List(n, "args"));
    }

    [Fact]
    public void ValueWithAppendReplacesThenAppends()
    {
        var n = Build("""
            package:
              name: p
              tasks:
              - name: base
                with:
                  args: {type: list, value: [a]}
              - name: leaf
                uses: base
                with:
                  args: {value: [x], append: [y]}
            """, "leaf");
        Assert.Equal(new object?[] { "x", "y" }, List(n, "args"));
    }

    [Fact]
    public void PathAppendOnAString()
    {
        var n = Build("""
            package:
              name: p
              tasks:
              - name: base
                with:
                  path: {type: str, value: /usr/bin}
              - name: leaf
                uses: base
                with:
                  path: {path-append: /opt/bin, path-prepend: /home/bin}
            """, "leaf");
        Assert.Equal($"/home/bin{Path.PathSeparator}/usr/bin{Path.PathSeparator}/opt/bin", n.ParamValues["path"]);
    }

    [Fact]
    public void AppendOnAStringIsAnError()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: t\n    uses: std.Message\n    with:\n      msg: {append: [x]}\n"));
        var g = new TaskGraphBuilder(m).Build(["t"]);
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.ParamType, "'append' and 'prepend' apply to list parameters, but 'msg' is a non-list (str) parameter");
        FlowAssert.At(e, "flow.yaml", 7, 7);
    }

    [Fact]
    public void ParametersSeeEarlierParametersAndPackageParameters()
    {
        var n = Build("""
            package:
              name: p
              with:
                width: {type: int, value: 16}
              tasks:
              - name: t
                with:
                  w2: {type: int, value: "${{ width * 2 }}"}
                  label: {type: str, value: "w=${{ w2 }}"}
                  wide: {type: bool, value: "${{ w2 > 16 }}"}
                  items: {type: list, value: ["${{ width }}", "b"]}
            """, "t");
        Assert.Equal(32L, n.ParamValues["w2"]);
        Assert.Equal("w=32", n.ParamValues["label"]);
        Assert.Equal(true, n.ParamValues["wide"]);
        Assert.Equal(new object?[] { 16L, "b" }, List(n, "items"));
    }

    [Fact]
    public void TaskParameterShadowsPackageParameter()
    {
        var n = Build("""
            package:
              name: p
              with:
                mode: {type: str, value: pkg}
              tasks:
              - name: t
                with:
                  mode: {type: str, value: task}
                  seen: {type: str, value: "${{ mode }}/${{ p.mode }}"}
            """, "t");
        Assert.Equal("task/pkg", n.ParamValues["seen"]);
    }

    [Fact]
    public void InheritedValuesAreEvaluatedInTheBasesPackage()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", "package:\n  name: lib\n  with:\n    tag: {type: str, value: libtag}\n  tasks:\n  - export: t\n    uses: std.Message\n    with:\n      msg: \"${{ tag }}\"\n");
        var m = f.Load("package:\n  name: p\n  imports: [lib]\n  with:\n    tag: {type: str, value: ptag}\n  tasks:\n  - name: d\n    uses: lib.t\n");
        Assert.Equal("libtag", FlowAssert.Graph(m, "d").ByName["p.d"].ParamValues["msg"]);
    }

    [Fact]
    public void CommandLineTaskParameter()
    {
        const string yaml = """
            package:
              name: p
              tasks:
              - name: t
                uses: std.Message
                with: {msg: a}
              - name: u
                uses: std.Message
                with: {msg: a}
            """;
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load(yaml, null, "t.msg=short"), "t", "u");
        Assert.Equal("short", g.ByName["p.t"].ParamValues["msg"]);
        Assert.Equal("a", g.ByName["p.u"].ParamValues["msg"]);
        g = FlowAssert.Graph(f.Load(yaml, null, "p.u.msg=full"), "t", "u");
        Assert.Equal("a", g.ByName["p.t"].ParamValues["msg"]);
        Assert.Equal("full", g.ByName["p.u"].ParamValues["msg"]);
        // A bare name that is no package parameter applies to every task that has it.
        g = FlowAssert.Graph(f.Load(yaml, null, "msg=all"), "t", "u");
        Assert.Equal("all", g.ByName["p.t"].ParamValues["msg"]);
        Assert.Equal("all", g.ByName["p.u"].ParamValues["msg"]);
    }

    [Fact]
    public void CommandLineTaskParameterIsCoercedAndSeenByRun()
    {
        var n = Build("""
            package:
              name: p
              tasks:
              - name: t
                shell: bash
                run: echo ${{ count }} ${{ opts }}
                with:
                  count: {type: int, value: 1}
                  opts: {type: list}
            """, "t", "t.count=0x10", "t.opts=a,b");
        Assert.Equal(16L, n.ParamValues["count"]);
        Assert.Equal("echo 16 [\"a\", \"b\"]", n.Run);
    }

    [Fact]
    public void CommandLineSubtaskParameter()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  tasks:\n  - name: c\n    body:\n    - name: s\n      uses: std.Message\n", null, "c.s.msg=deep");
        Assert.Equal("deep", FlowAssert.Graph(m, "c").ByName["p.c.s"].ParamValues["msg"]);
    }

    [Fact]
    public void CommandLineUnknownTaskParameterIsAnError()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: t\n    uses: std.Message\n", null, "t.mgs=x"));
        var g = new TaskGraphBuilder(m).Build(["t"]);
        FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.UnknownParameter, "-D t.mgs: task 'p.t' has no parameter 'mgs' (did you mean 'msg'?)");
    }

    [Fact]
    public void CommandLineTaskParameterOfWrongTypeIsAnError()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: t\n    with:\n      n: {type: int}\n", null, "t.n=x"));
        var g = new TaskGraphBuilder(m).Build(["t"]);
        FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.ParamType, "-D t.n=x: expected an integer, found 'x'");
    }
}
