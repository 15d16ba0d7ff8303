using DvFlow.Model.Dataflow;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Expressions;
using DvFlow.Model.Tests.TestSupport;
using DvFlow.TaskApi;

namespace DvFlow.Model.Tests.Dataflow;

/// <summary>The produces/consumes check of spec 003.</summary>
public class ProducesValidatorTests
{
    private static IReadOnlyList<Diagnostic> Validate(string tasks)
    {
        using var f = new FlowFiles();
        var yaml = "package:\n  name: my_flow\n  tasks:\n" + string.Join("\n", tasks.ReplaceLineEndings("\n").Split('\n').Select(l => "  " + l)) + "\n";
        return ProducesValidator.Validate(FlowAssert.Graph(f.Load(yaml)));
    }

    [Fact]
    public void MismatchWarnsInDfmsWords()
    {
        var w = Validate("""
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
        var d = Assert.Single(w);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(DiagnosticCodes.DataflowMismatch, d.Code);
        Assert.Equal("Task 'Consumer' consumes [{'type': 'std.FileSet', 'filetype': 'vhdl'}] but 'Producer' produces [{'type': 'std.FileSet', 'filetype': 'verilog'}]. No consume pattern matches any produce pattern.", d.Message);
        FlowAssert.At(d, "flow.yaml", 9, 11);
    }

    [Fact]
    public void ExactAndSubsetMatchesAreCompatible()
    {
        Assert.Empty(Validate("""
            - name: Producer
              produces:
              - type: std.FileSet
                filetype: verilog
                vendor: synopsys
              run: echo
            - name: Consumer
              needs: [Producer]
              consumes:
              - type: std.FileSet
                filetype: verilog
              run: echo
            """));
    }

    [Fact]
    public void OrLogicAnyConsumePatternMatchingAnyProducePattern()
    {
        Assert.Empty(Validate("""
            - name: MultiProducer
              produces:
              - type: std.FileSet
                filetype: verilog
              - type: std.FileSet
                filetype: vhdl
              run: echo
            - name: FlexibleConsumer
              needs: [MultiProducer]
              consumes:
              - type: std.FileSet
                filetype: verilog  # This matches, so it's valid!
              - type: std.FileSet
                filetype: systemverilog
              run: echo
            """));
    }

    [Fact]
    public void NoMatchInAnyCombinationWarns()
    {
        var d = Assert.Single(Validate("""
            - name: P
              produces:
              - {type: std.FileSet, filetype: verilog}
              - {type: std.FileSet, filetype: systemverilog}
              run: echo
            - name: C
              needs: [P]
              consumes:
              - {type: std.FileSet, filetype: vhdl}
              - {type: std.FileSet, filetype: c}
              run: echo
            """));
        Assert.Contains("No consume pattern matches any produce pattern", d.Message);
    }

    [Fact]
    public void ConsumesAllOrUndeclaredProducesAreCompatible()
    {
        Assert.Empty(Validate("""
            - name: P
              produces: [{type: std.FileSet, filetype: verilog}]
              run: echo
            - name: AllConsumer
              needs: [P]
              run: echo
            - name: Unknown
              run: echo
            - name: C
              needs: [Unknown]
              consumes: [{type: std.FileSet, filetype: vhdl}]
              run: echo
            - name: Empty
              produces: []
              run: echo
            - name: C2
              needs: [Empty]
              consumes: [{type: std.FileSet, filetype: vhdl}]
              run: echo
            """));
    }

    [Fact]
    public void PipelineWithStages()
    {
        Assert.Empty(Validate("""
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
            """));
    }

    [Fact]
    public void ProducerInsideACompoundIsFound()
    {
        var d = Assert.Single(Validate("""
            - name: Gen
              body:
              - name: inner
                produces: [{type: std.FileSet, filetype: verilog}]
                run: echo
            - name: C
              needs: [Gen]
              consumes: [{type: std.FileSet, filetype: vhdl}]
              run: echo
            """));
        Assert.Contains("but 'Gen.inner' produces", d.Message);
    }

    [Fact]
    public void ProducesEvaluatedFromParametersAreChecked()
    {
        var d = Assert.Single(Validate("""
            - name: P
              with:
                ft: {type: str, value: vhdl}
              produces: [{type: std.FileSet, filetype: "${{ params.ft }}"}]
              run: echo
            - name: C
              needs: [P]
              consumes: [{type: std.FileSet, filetype: verilog}]
              run: echo
            """));
        Assert.Contains("produces [{'type': 'std.FileSet', 'filetype': 'vhdl'}]", d.Message);
    }

    [Fact]
    public void PyReprMatchesPython()
    {
        Assert.Equal("[{'a': 1, 'b': True, 'c': None, 'd': ['x', 'y'], 'e': \"it's\", 'f': 'say \"\\'hi\\'\"', 'g': 'a\\nb', 'h': 1.5, 'i': 2.0}]",
            ProducesValidator.PyRepr(new object?[] { FlowMap.Of(("a", 1L), ("b", true), ("c", null), ("d", new object?[] { "x", "y" }), ("e", "it's"),
                ("f", "say \"'hi'\""), ("g", "a\nb"), ("h", 1.5), ("i", 2.0)) }));
    }
}
