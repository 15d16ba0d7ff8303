using DvFlow.Model.Dataflow;
using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Graph;

/// <summary>The flow examples of spec 003 (dataflow and produces).</summary>
public class Spec003ExampleTests
{
    private static TaskGraph G(string tasks)
    {
        using var f = new FlowFiles();
        var yaml = "package:\n  name: my_flow\n  tasks:\n" + string.Join("\n", tasks.ReplaceLineEndings("\n").Split('\n').Select(l => "  " + l)) + "\n";
        return FlowAssert.Graph(f.Load(yaml));
    }

    [Fact]
    public void OverviewProducerAndConsumerAreCompatible()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: my_flow
              tasks:
                # Producer declares what it outputs
                - name: VerilogCompiler
                  produces:
                    - type: std.FileSet
                      filetype: verilog
                  run: |
                    # ... compile verilog files

                # Consumer declares what it needs
                - name: Simulator
                  needs: [VerilogCompiler]
                  consumes:
                    - type: std.FileSet
                      filetype: verilog
                  run: |
                    # ... run simulation
            """));
        Assert.Empty(ProducesValidator.Validate(g));
        Assert.Equal("verilog", g.ByName["my_flow.VerilogCompiler"].Produces![0]["filetype"]);
    }

    [Fact]
    public void BasicAndMultipleDeclarations()
    {
        var g = G("""
            - name: MyTask
              produces:
                - type: std.FileSet
                  filetype: verilog
              run: echo "produce verilog files"
            - name: Compiler
              produces:
                - type: std.FileSet
                  filetype: verilog
                - type: std.FileSet
                  filetype: verilogInclude
                - type: custom.BuildLog
                  format: json
            """);
        Assert.Single(g.ByName["my_flow.MyTask"].Produces!);
        var c = g.ByName["my_flow.Compiler"].Produces!;
        Assert.Equal(["verilog", "verilogInclude"], c.Take(2).Select(p => p["filetype"]));
        Assert.Equal("json", c[2]["format"]);
    }

    [Fact]
    public void ParameterReferences()
    {
        var n = G("""
            - name: GenericProducer
              with:
                output_type:
                  type: str
                  value: verilog
              produces:
                - type: std.FileSet
                  filetype: "${{ params.output_type }}"
              run: echo "produce ${{ output_type }} files"
            """).ByName["my_flow.GenericProducer"];
        Assert.Equal("verilog", n.Produces![0]["filetype"]);
        Assert.Equal("echo \"produce verilog files\"", n.Run);
    }

    [Fact]
    public void ParameterizedOutputs()
    {
        var n = G("""
            - name: GenericBuilder
              with:
                target:
                  type: str
                  value: debug
                format:
                  type: str
                  value: elf
              produces:
                - type: std.FileSet
                  filetype: executable
                  target: "${{ params.target }}"
                  format: "${{ params.format }}"
              run: echo "build for ${{ target }}"
            """).ByName["my_flow.GenericBuilder"];
        Assert.Equal(("debug", "elf"), (n.Produces![0]["target"], n.Produces[0]["format"]));
        Assert.Equal("echo \"build for debug\"", n.Run);
    }

    [Fact]
    public void ComplexPatternsAndOptionalDeclaration()
    {
        var g = G("""
            - name: VendorTool
              produces:
                - type: std.FileSet
                  filetype: verilog
                  vendor: synopsys
                  version: "2023.09"
                  optimization: speed
              run: echo "vendor-specific output"
            # No produces declared - that's OK
            - name: DynamicTask
              run: echo "outputs vary at runtime"

            # Explicitly declare no outputs
            - name: SideEffectTask
              produces: []
              run: echo "only side effects, no data output"
            """);
        Assert.Equal(5, g.ByName["my_flow.VendorTool"].Produces![0].Count);
        Assert.Null(g.ByName["my_flow.DynamicTask"].Produces);
        Assert.Empty(g.ByName["my_flow.SideEffectTask"].Produces!);
    }

    [Fact]
    public void Inheritance()
    {
        var g = G("""
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
        Assert.Equal(["verilog", "coverage"], g.ByName["my_flow.AdvancedCompiler"].Produces!.Select(p => p["filetype"]));
    }

    [Fact]
    public void ValidationWarningExample()
    {
        var g = G("""
            - name: Producer
              produces:
                - type: std.FileSet
                  filetype: verilog
              run: echo
            - name: Consumer
              needs: [Producer]
              consumes:
                - type: std.FileSet
                  filetype: vhdl
              run: echo
            """);
        var w = Assert.Single(ProducesValidator.Validate(g));
        Assert.Equal("Task 'Consumer' consumes [{'type': 'std.FileSet', 'filetype': 'vhdl'}] but 'Producer' produces [{'type': 'std.FileSet', 'filetype': 'verilog'}]. No consume pattern matches any produce pattern.", w.Message);
    }

    [Fact]
    public void OrLogicExample()
    {
        var g = G("""
            # Producer outputs both verilog and vhdl
            - name: MultiProducer
              produces:
                - type: std.FileSet
                  filetype: verilog
                - type: std.FileSet
                  filetype: vhdl

            # Consumer accepts either
            - name: FlexibleConsumer
              needs: [MultiProducer]
              consumes:
                - type: std.FileSet
                  filetype: verilog  # This matches, so it's valid!
                - type: std.FileSet
                  filetype: systemverilog
            """);
        Assert.Empty(ProducesValidator.Validate(g));
    }

    [Fact]
    public void FileTransformationPipeline()
    {
        var g = G("""
            - name: PreProcess
              produces:
                - type: std.FileSet
                  filetype: verilog
                  stage: preprocessed
              run: echo "preprocess"

            - name: Compile
              needs: [PreProcess]
              consumes:
                - type: std.FileSet
                  filetype: verilog
              produces:
                - type: std.FileSet
                  filetype: verilog
                  stage: compiled
              run: echo "compile"

            - name: Optimize
              needs: [Compile]
              consumes:
                - type: std.FileSet
                  filetype: verilog
                  stage: compiled
              produces:
                - type: std.FileSet
                  filetype: verilog
                  stage: optimized
              run: echo "optimize"
            """);
        Assert.Empty(ProducesValidator.Validate(g));
        Assert.Equal(["my_flow.PreProcess", "my_flow.Compile", "my_flow.Optimize"], g.Nodes.Select(n => n.Name));
    }

    [Fact]
    public void MultiOutputAndDocumentedTasks()
    {
        var g = G("""
            - name: BuildAndAnalyze
              produces:
                - type: std.FileSet
                  filetype: executable
                - type: std.FileSet
                  filetype: coverage
                  format: lcov
                - type: std.FileSet
                  filetype: log
              run: |
                # Build creates executable, coverage data, and logs
            - name: AdvancedCompiler
              desc: Compiles Verilog with vendor-specific optimizations
              doc: |
                This task compiles Verilog RTL using vendor-specific tools,
                producing optimized netlists and optional coverage databases.
              produces:
                - type: std.FileSet
                  filetype: verilog
                  optimization: speed
                - type: std.FileSet
                  filetype: coverage
                  format: ucdb
            """);
        Assert.Equal(3, g.ByName["my_flow.BuildAndAnalyze"].Produces!.Count);
        var a = g.ByName["my_flow.AdvancedCompiler"];
        Assert.Equal("Compiles Verilog with vendor-specific optimizations", a.Desc);
        Assert.StartsWith("This task compiles", a.Doc);
    }

    [Fact]
    public void SpecificityLevels()
    {
        var g = G("""
            - name: Generic
              produces:
                - type: std.FileSet
            - name: Better
              produces:
                - type: std.FileSet
                  filetype: verilog
                  stage: compiled
            - name: Consumer
              needs: [Generic, Better]
              consumes:
                - type: std.FileSet
                  filetype: verilog
                  stage: compiled
            """);
        // The generic producer lacks the consumer's attributes: a warning for that edge only.
        var w = Assert.Single(ProducesValidator.Validate(g));
        Assert.Contains("but 'Generic' produces", w.Message);
    }
}
