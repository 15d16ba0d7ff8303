using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

[Collection(SdkCollection.Name)]
public class InspectTests(SdkFeed feed)
{
    private const string Flow = """
        package:
          name: my_flow
          tasks:
          - name: VerilogCompiler
            desc: Compiles Verilog RTL
            produces:
            - type: std.FileSet
              filetype: verilog
            shell: bash
            run: echo compile
          - name: Consumer
            needs: [VerilogCompiler]
            consumes:
            - type: std.FileSet
              filetype: vhdl
            shell: bash
            run: echo consume
        """;

    [Fact]
    public void ValidatePrintsDfmsSummaryWithTheDataflowWarning()
    {
        using var p = new FlowProject(feed, Flow);
        var r = p.Build("-t:DvFlowValidate");
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("Package: my_flow");
        r.AssertOutputContains("WARNING: Task 'Consumer' consumes [{'type': 'std.FileSet', 'filetype': 'vhdl'}] but 'VerilogCompiler' produces [{'type': 'std.FileSet', 'filetype': 'verilog'}]. No consume pattern matches any produce pattern.");
        r.AssertOutputContains("✓ Validation passed (1 warning(s))");
    }

    [Fact]
    public void ShowListsTasksFiltersByProducesAndWritesJson()
    {
        using var p = new FlowProject(feed, Flow);
        var r = p.Build("-t:DvFlowShow", "-p:DvFlowProduces=type=std.FileSet filetype=verilog");
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("my_flow.VerilogCompiler  Compiles Verilog RTL");
        r.AssertOutputLacks("my_flow.Consumer ");
        var j = p.Build("-t:DvFlowShow", "-p:DvFlowTask=Consumer", "-p:DvFlowJson=true", "-p:DvFlowOutput=consumer.json");
        Assert.True(j.Succeeded, j.Describe());
        var json = p.Read("consumer.json");
        Assert.Contains("\"name\": \"my_flow.Consumer\"", json);
        Assert.Contains("\"needs\": [", json);
        Assert.Contains("\"my_flow.VerilogCompiler\"", json);
        var t = p.Build("-t:DvFlowShow", "-p:DvFlowTask=VerilogCompiler");
        t.AssertOutputContains("Produces:");
        t.AssertOutputContains("  - type=std.FileSet, filetype=verilog");
    }

    [Fact]
    public void GraphWritesADotFile()
    {
        using var p = new FlowProject(feed, Flow);
        var r = p.Build("-t:DvFlowGraph", "-p:DvFlowTask=Consumer", "-p:DvFlowOutput=g.dot");
        Assert.True(r.Succeeded, r.Describe());
        var dot = p.Read("g.dot");
        Assert.StartsWith("digraph flow {", dot);
        Assert.Contains("\"my_flow.VerilogCompiler\" -> \"my_flow.Consumer\";", dot);
    }
}
