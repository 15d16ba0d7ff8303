using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Elaboration;

/// <summary>Package parameters: types, values, docs, expressions, and -D overrides.</summary>
public class PackageParamTests
{
    private const string Params = """
        package:
          name: p
          with:
            s: {type: str, value: hello, doc: "A string"}
            i: {type: int, value: 3}
            b: {type: bool, value: true}
            l: {type: list, value: [a, b]}
            m: {type: map, value: {k: v}}
            f: {type: float, value: 1.5}
            s0: {type: str}
            i0: {type: int}
            b0: {type: bool}
            l0: {type: list}
            m0: {type: map}
            bare: 7
            bare_list: [x]
        """;

    [Fact]
    public void ValuesAndTypes()
    {
        using var f = new FlowFiles();
        var p = FlowAssert.NoErrors(f.Load(Params)).Root!;
        var v = p.ParamValues;
        Assert.Equal("hello", v["s"]);
        Assert.Equal(3L, v["i"]);
        Assert.Equal(true, v["b"]);
        Assert.Equal(new object?[] { "a", "b" }, (IEnumerable<object?>)v["l"]!);
        Assert.Equal("v", ((IReadOnlyDictionary<string, object?>)v["m"]!)["k"]);
        Assert.Equal(1.5, v["f"]);
        Assert.Equal(["str", "int", "bool", "list", "map", "float", "str", "int", "bool", "list", "map", "int", "list"], p.Params.Select(x => x.Type));
        Assert.Equal("A string", p.Params[0].Doc);
        FlowAssert.At(new Diagnostic(DiagnosticSeverity.Info, "", "", p.Params[1].Location), "flow.yaml", 5, 5);
    }

    [Fact]
    public void MissingValuesTakeTheTypeDefault()
    {
        using var f = new FlowFiles();
        var v = FlowAssert.NoErrors(f.Load(Params)).Root!.ParamValues;
        Assert.Equal("", v["s0"]);
        Assert.Equal(0L, v["i0"]);
        Assert.Equal(false, v["b0"]);
        Assert.Empty((IEnumerable<object?>)v["l0"]!);
        Assert.Empty((IReadOnlyDictionary<string, object?>)v["m0"]!);
    }

    [Fact]
    public void StringsAreCoercedToTheDeclaredType()
    {
        using var f = new FlowFiles();
        var v = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              with:
                i: {type: int, value: "0x10"}
                b: {type: bool, value: "yes"}
                s: {type: str, value: 42}
                l: {type: list, value: single}
            """)).Root!.ParamValues;
        Assert.Equal(16L, v["i"]);
        Assert.Equal(true, v["b"]);
        Assert.Equal("42", v["s"]);
        Assert.Equal(new object?[] { "single" }, (IEnumerable<object?>)v["l"]!);
    }

    [Fact]
    public void WrongValueTypeIsAnErrorAtTheValue()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  with:\n    width:\n      type: int\n      value: wide\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.ParamType, "parameter 'width' is of type int: expected an integer, found 'wide'");
        FlowAssert.At(e, "flow.yaml", 6, 14);
    }

    [Fact]
    public void MapForAListIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  with:\n    l: {type: list, value: {a: 1}}\n");
        FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.ParamType, "expected a list, found a map");
    }

    [Fact]
    public void ParameterExpressionsSeeEarlierParameters()
    {
        using var f = new FlowFiles();
        var v = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              with:
                width: {type: int, value: 32}
                double: {type: int, value: "${{ width * 2 }}"}
                label: {type: str, value: "w${{ width }}"}
                wide: {type: bool, value: "${{ width > 16 }}"}
            """)).Root!.ParamValues;
        Assert.Equal(64L, v["double"]);
        Assert.Equal("w32", v["label"]);
        Assert.Equal(true, v["wide"]);
    }

    [Fact]
    public void GlobalNames()
    {
        using var f = new FlowFiles();
        var v = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              with:
                home: {type: str, value: "${{ env.HOME }}"}
                src: {type: str, value: "${{ srcdir }}"}
                rd: {type: str, value: "${{ rootdir }}"}
                rf: {type: str, value: "${{ root }}"}
                fallback: {type: str, value: "${{ env.NOPE:-none }}"}
            """)).Root!.ParamValues;
        Assert.Equal("/home/test", v["home"]);
        Assert.Equal(f.Root, v["src"]);
        Assert.Equal(f.Root, v["rd"]);
        Assert.Equal(f.PathOf("flow.yaml"), v["rf"]);
        Assert.Equal("none", v["fallback"]);
    }

    [Fact]
    public void UndefinedVariableIsAnErrorAtItsColumn()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  with:\n    x: {type: str, value: \"a ${{ nope }}\"}\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.ExpressionEval, "undefined variable 'nope'");
        // The quote is at column 27; the name inside the expression at column 34.
        FlowAssert.At(e, "flow.yaml", 4, 34);
    }

    [Fact]
    public void BadExpressionSyntaxIsAnErrorAtItsColumn()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  with:\n    x:\n      type: int\n      value: ${{ 1 + }}\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.ExpressionSyntax, "bad expression");
        FlowAssert.At(e, "flow.yaml", 6, 22);
    }

    [Fact]
    public void UnterminatedExpressionIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  with:\n    x: {type: str, value: \"${{ a \"}\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.ExpressionSyntax, "unterminated");
        FlowAssert.At(e, "flow.yaml", 4, 28);
    }

    [Fact]
    public void OtherPackagesParametersByQualifiedName()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", "package:\n  name: lib\n  with:\n    depth: {type: int, value: 4}\n");
        var v = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              imports:
              - name: lib/flow.yaml
                as: l
              with:
                d2: {type: int, value: "${{ lib.depth * 2 }}"}
                d3: {type: int, value: "${{ l.depth + 1 }}"}
            """)).Root!.ParamValues;
        Assert.Equal(8L, v["d2"]);
        Assert.Equal(5L, v["d3"]);
    }

    [Fact]
    public void InstalledPackageParametersAreVisibleWithoutImport()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              with:
                which: {type: str, value: "${{ hdlsim.sim }}"}
              tasks:
              - name: t
                uses: std.Message
                with:
                  msg: "sim=${{ hdlsim.sim }}"
            """, new ElaborationOptions { Registry = f.HdlsimRegistry() }));
        Assert.Equal("unset", m.Root!.ParamValues["which"]);
        Assert.Equal("sim=unset", FlowAssert.Graph(m, "t").ByName["p.t"].ParamValues["msg"]);
        // Named only by a task parameter, the package is loaded all the same.
        var m2 = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: t\n    uses: std.Message\n    with:\n      msg: \"sim=${{ hdlsim.sim }}\"\n",
            new ElaborationOptions { Registry = f.HdlsimRegistry() }));
        Assert.Contains("hdlsim", m2.Packages.Keys);
        Assert.Equal("sim=unset", FlowAssert.Graph(m2, "t").ByName["p.t"].ParamValues["msg"]);
    }

    [Theory]
    [InlineData("s=world", "s", "world")]
    [InlineData("i=0x20", "i", 32L)]
    [InlineData("i=12", "i", 12L)]
    [InlineData("b=false", "b", false)]
    [InlineData("b=1", "b", true)]
    [InlineData("f=2.25", "f", 2.25)]
    [InlineData("p.s=qualified", "s", "qualified")]
    [InlineData("-Ds=dashed", "s", "dashed")]
    [InlineData(" s = spaced ", "s", "spaced")]
    public void CommandLineOverrides(string d, string param, object expected)
    {
        using var f = new FlowFiles();
        var v = FlowAssert.NoErrors(f.Load(Params, null, d)).Root!.ParamValues;
        Assert.Equal(expected, v[param]);
    }

    [Fact]
    public void CommandLineListIsCommaSeparated()
    {
        using var f = new FlowFiles();
        var v = FlowAssert.NoErrors(f.Load(Params, null, "l=x, y,,z", "m={\"a\": 1}")).Root!.ParamValues;
        Assert.Equal(new object?[] { "x", "y", "z" }, (IEnumerable<object?>)v["l"]!);
        Assert.Equal(1L, ((IReadOnlyDictionary<string, object?>)v["m"]!)["a"]);
    }

    [Fact]
    public void CommandLineJsonList()
    {
        using var f = new FlowFiles();
        var v = FlowAssert.NoErrors(f.Load(Params, null, "l=[1, \"two\"]")).Root!.ParamValues;
        Assert.Equal(new object?[] { 1L, "two" }, (IEnumerable<object?>)v["l"]!);
    }

    [Fact]
    public void CommandLineOverrideIsSeenByLaterExpressions()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              with:
                width: {type: int, value: 32}
              tasks:
              - name: t
                uses: std.Message
                with:
                  msg: "w=${{ width }}"
            """, null, "width=8"));
        Assert.Equal("w=8", FlowAssert.Graph(m, "t").ByName["p.t"].ParamValues["msg"]);
    }

    [Fact]
    public void CommandLineBareNameAppliesToEveryPackageWithTheParameter()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", "package:\n  name: lib\n  with:\n    debug: {type: bool}\n");
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  imports: [lib]\n  with:\n    debug: {type: bool}\n", null, "debug=true"));
        Assert.Equal(true, m.Packages["p"].ParamValues["debug"]);
        Assert.Equal(true, m.Packages["lib"].ParamValues["debug"]);
        var m2 = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  imports: [lib]\n  with:\n    debug: {type: bool}\n", null, "lib.debug=true"));
        Assert.Equal(false, m2.Packages["p"].ParamValues["debug"]);
        Assert.Equal(true, m2.Packages["lib"].ParamValues["debug"]);
    }

    [Fact]
    public void CommandLineOverrideOfADottedPackage()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: s\n    uses: hdlsim.vlt.SimImage\n",
            new ElaborationOptions { Registry = f.HdlsimRegistry(), ParameterOverrides = ["hdlsim.sim=vlt"] }));
        Assert.Equal("vlt", m.Packages["hdlsim"].ParamValues["sim"]);
    }

    [Fact]
    public void CommandLineValueOfWrongTypeIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load(Params, null, "i=many");
        FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.ParamType, "-D i=many: expected an integer, found 'many'");
    }

    [Fact]
    public void CommandLineOverrideWithoutEqualsIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load(Params, null, "justaname");
        FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.BadValue, "must have the form name=value");
    }

    [Fact]
    public void CommandLineOverrideOfUnknownQualifierIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load(Params, null, "nothere.x=1");
        FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.UnknownParameter, "'nothere' is neither a package nor a task");
    }

    [Fact]
    public void CommandLineOverrideMatchingNothingWarnsWhenBuilding()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: t\n    uses: std.Message\n", null, "nothing=1"));
        var g = new DvFlow.Model.Graph.TaskGraphBuilder(m).Build(["t"]);
        FlowAssert.HasWarning(g.Diagnostics, DiagnosticCodes.UnknownParameter, "-D nothing=1 matches no package parameter");
    }

    [Fact]
    public void ParameterOverrideParsing()
    {
        Assert.Equal(new ParameterOverride("a.b", "c=d"), ParameterOverride.Parse("-D a.b=c=d"));
        Assert.Null(ParameterOverride.Parse("=x"));
        var o = ParameterOverride.Parse("pkg.task.param=1")!;
        Assert.Equal(("pkg.task", "param", true), (o.Qualifier, o.ParamName, o.IsQualified));
    }
}
