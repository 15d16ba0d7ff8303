using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Graph;

/// <summary>produces: evaluated per task instance, inherited and extended through uses.</summary>
public class ProducesTests
{
    private static TaskGraph G(string yaml)
    {
        using var f = new FlowFiles();
        return FlowAssert.Graph(f.Load(yaml));
    }

    [Fact]
    public void NotDeclaredIsNullAndEmptyIsEmpty()
    {
        var g = G("""
            package:
              name: my_flow
              tasks:
              # No produces declared - that's OK
              - name: DynamicTask
                run: echo "outputs vary at runtime"
              # Explicitly declare no outputs
              - name: SideEffectTask
                produces: []
                run: echo "only side effects, no data output"
            """);
        Assert.Null(g.ByName["my_flow.DynamicTask"].Produces);
        Assert.Empty(g.ByName["my_flow.SideEffectTask"].Produces!);
    }

    [Fact]
    public void ParameterReferencesAreEvaluatedPerTask()
    {
        var g = G("""
            package:
              name: my_flow
              tasks:
              - name: GenericProducer
                with:
                  output_type:
                    type: str
                    value: verilog
                produces:
                - type: std.FileSet
                  filetype: "${{ params.output_type }}"
                run: echo "produce ${{ output_type }} files"
              - name: VhdlProducer
                uses: GenericProducer
                with:
                  output_type: vhdl
            """);
        var gp = g.ByName["my_flow.GenericProducer"];
        Assert.Equal("verilog", gp.Produces![0]["filetype"]);
        Assert.Equal("echo \"produce verilog files\"", gp.Run);
        var vp = g.ByName["my_flow.VhdlProducer"];
        Assert.Equal("vhdl", Assert.Single(vp.Produces!)["filetype"]);
        Assert.Equal("echo \"produce vhdl files\"", vp.Run);
    }

    [Fact]
    public void InheritedAndExtended()
    {
        var g = G("""
            package:
              name: my_flow
              tasks:
              - name: BaseCompiler
                produces:
                - type: std.FileSet
                  filetype: verilog
                run: echo "base compilation"
              - name: AdvancedCompiler
                uses: BaseCompiler
                produces:
                - type: std.FileSet
                  filetype: coverage
                  format: ucdb
                run: echo "advanced compilation with coverage"
            """);
        var p = g.ByName["my_flow.AdvancedCompiler"].Produces!;
        Assert.Equal(2, p.Count);
        Assert.Equal("verilog", p[0]["filetype"]);
        Assert.Equal("ucdb", p[1]["format"]);
    }

    [Fact]
    public void ComplexPatternsKeepAllAttributesAndTypes()
    {
        var g = G("""
            package:
              name: my_flow
              tasks:
              - name: VendorTool
                produces:
                - type: std.FileSet
                  filetype: verilog
                  vendor: synopsys
                  version: "2023.09"
                  optimization: speed
                  attributes: [a, b]
                run: echo "vendor-specific output"
            """);
        var p = Assert.Single(g.ByName["my_flow.VendorTool"].Produces!);
        Assert.Equal(["type", "filetype", "vendor", "version", "optimization", "attributes"], p.Keys);
        Assert.Equal("2023.09", p["version"]);
    }

    [Fact]
    public void MatrixCellsEvaluateTheirOwnProduces()
    {
        var g = G("""
            package:
              name: p
              tasks:
              - name: m
                strategy:
                  matrix: {ft: [verilog, vhdl]}
                body:
                - name: gen
                  run: echo
                  produces:
                  - type: std.FileSet
                    filetype: "${{ matrix.ft }}"
            """);
        Assert.Equal("verilog", g.ByName["p.m.gen_0"].Produces![0]["filetype"]);
        Assert.Equal("vhdl", g.ByName["p.m.gen_1"].Produces![0]["filetype"]);
    }

    [Fact]
    public void ProducesThatFailToEvaluateKeepTheirTextWithAWarning()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  tasks:\n  - name: t\n    run: echo\n    produces:\n    - type: std.FileSet\n      filetype: \"${{ params.nope }}\"\n"));
        var g = FlowAssert.NoErrors(new TaskGraphBuilder(m).Build(["t"]));
        Assert.Equal("${{ params.nope }}", g.ByName["p.t"].Produces![0]["filetype"]);
        var w = FlowAssert.HasWarning(g.Diagnostics, DvFlow.Model.Diagnostics.DiagnosticCodes.ExpressionEval, "undefined variable 'params.nope'");
        FlowAssert.At(w, "flow.yaml", 8, 22);
    }

    [Fact]
    public void StdFileSetProducesItsFiletype()
    {
        var g = G("package:\n  name: p\n  tasks:\n  - name: f\n    uses: std.FileSet\n    with: {type: systemVerilogSource}\n");
        Assert.Equal("systemVerilogSource", g.ByName["p.f"].Produces![0]["filetype"]);
        Assert.Equal("std.FileSet", g.ByName["p.f"].Produces![0]["type"]);
    }
}
