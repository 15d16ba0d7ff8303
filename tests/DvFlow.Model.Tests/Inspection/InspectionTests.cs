using DvFlow.Model.Expressions;
using DvFlow.Model.Graph;
using DvFlow.Model.Inspection;
using DvFlow.Model.Tests.TestSupport;
using DvFlow.TaskApi;

namespace DvFlow.Model.Tests.Inspection;

/// <summary>What validate, show and graph print, from the model alone.</summary>
public class InspectionTests
{
    private const string Flow = """
        package:
          name: p
          tasks:
          - name: rtl
            uses: std.FileSet
            desc: the design
            with: {type: systemVerilogSource, include: "*.sv"}
          - name: build
            desc: compile it
            needs: [rtl]
            produces: [{type: std.FileSet, filetype: simImage}]
            run: echo build
          - name: off
            iff: false
            needs: [build]
            run: echo off
          - name: top
            body:
            - name: a
              run: echo a
        """;

    private static TaskGraph G()
    {
        using var f = new FlowFiles();
        return FlowAssert.Graph(f.Load(Flow));
    }

    [Fact]
    public void DotHasANodePerTaskAnEdgePerNeedAndShapesByKind()
    {
        var dot = TaskGraphDotWriter.Write(G());
        Assert.StartsWith("digraph flow {", dot);
        Assert.Contains("\"p.rtl\" -> \"p.build\";", dot);
        Assert.Contains("\"p.top.a\" -> \"p.top\";", dot);
        Assert.Contains("\"p.top\" [shape=box3d];", dot);
        Assert.Contains("\"p.top.in\" [shape=point];", dot);
        Assert.Matches("\"p.off\" \\[shape=box, style=dashed\\];", dot);
        Assert.EndsWith("}\n", dot.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ListFiltersByProducesAndSortsByName()
    {
        var g = G();
        Assert.Equal(["p.build", "p.off", "p.rtl", "p.top"], TaskDescription.List(g, null).Select(n => n.Name));
        var images = TaskDescription.List(g, FlowMap.Of(("filetype", "simImage")));
        Assert.Equal(["p.build"], images.Select(n => n.Name));
        var text = TaskDescription.ListText(images);
        Assert.Contains("p.build  compile it", text);
        var json = TaskDescription.ListJson(images, "filetype=simImage");
        Assert.Equal(1L, json["count"]);
    }

    [Fact]
    public void OneTaskShowsItsBaseParametersProducesAndNeeds()
    {
        var g = G();
        var text = TaskDescription.Text(g.ByName["p.rtl"]);
        Assert.Contains("Base: std.FileSet", text);
        Assert.Contains("  include list [\"*.sv\"]", text);
        var build = TaskDescription.Text(g.ByName["p.build"]);
        Assert.Contains("  - type=std.FileSet, filetype=simImage", build);
        Assert.Contains("Direct Needs:\n  - p.rtl", build.ReplaceLineEndings("\n"));
        var json = TaskDescription.Json(g.ByName["p.build"], verbose: true);
        Assert.Equal(new object?[] { "p.rtl" }, (object?[])json["needs"]!);
        Assert.Equal("unique", json["rundir"]);
    }

    [Fact]
    public void ValidationReportCountsAndGivesTheVerdict()
    {
        using var f = new FlowFiles();
        var model = f.Load(Flow);
        var ok = ValidationReport.Format(model, []);
        Assert.Contains("Package: p", ok);
        Assert.EndsWith("✓ Validation passed", ok);
    }
}
