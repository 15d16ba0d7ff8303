using DvFlow.Model.Diagnostics;
using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Graph;

/// <summary>Task tags as dfm writes them: a type name or a one-entry mapping to field values; the type derives from std.Tag.</summary>
public class TagTests
{
    private const string Tagged = """
        package:
          name: p
          with:
            team: {type: str, value: verif}
          types:
          - name: Check
            uses: std.Tag
            with:
              category: test
              owner: {type: str, value: nobody}
          - name: Smoke
            uses: Check
            with: {value: smoke}
          tasks:
          - name: lint
            tags: [p.Check]
            run: echo lint
          - name: smoke
            tags:
            - Smoke: {owner: "${{ team }}"}
            - std.Tag: {category: priority, value: high}
            run: echo smoke
          - name: deep
            uses: smoke
          - name: plain
            run: echo plain
        """;

    [Fact]
    public void TagsTakeTheirTypesDefaultsThenTheirOwnValues()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.NoErrors(FlowAssert.Graph(f.Load(Tagged), "lint", "smoke", "deep", "plain"));
        var lint = Assert.Single(g.ByName["p.lint"].Tags);
        Assert.Equal("p.Check", lint.Type);
        Assert.Equal(("test", ""), (lint.Category, lint.Value));
        Assert.Equal("nobody", lint.Values["owner"]);

        var smoke = g.ByName["p.smoke"].Tags;
        Assert.Equal(["p.Smoke", "std.Tag"], smoke.Select(t => t.Type));
        Assert.Equal(("test", "smoke", "verif"), (smoke[0].Category, smoke[0].Value, smoke[0].Values["owner"]));
        Assert.Equal(("priority", "high"), (smoke[1].Category, smoke[1].Value));
        Assert.Equal((20, 7), (smoke[0].Location.Line, smoke[0].Location.Column));

        // A task carries the tags of the task it uses.
        Assert.Equal(["p.Smoke", "std.Tag"], g.ByName["p.deep"].Tags.Select(t => t.Type));
        Assert.Empty(g.ByName["p.plain"].Tags);
    }

    [Fact]
    public void ATagWhoseTypeIsNoTagIsAnErrorAtTheTag()
    {
        using var f = new FlowFiles();
        var m = f.Load("""
            package:
              name: p
              types:
              - name: Owner
                with: {name: {type: str}}
              tasks:
              - name: t
                tags: [p.Owner]
                run: echo t
            """);
        var g = new TaskGraphBuilder(m).Build(["t"]);
        var e = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.NotATag, "tag type 'p.Owner' does not derive from std.Tag");
        FlowAssert.At(e, "flow.yaml", 8, 12);
    }

    [Fact]
    public void UnknownTagTypesFieldsAndShapesAreErrors()
    {
        using var f = new FlowFiles();
        var m = f.Load("""
            package:
              name: p
              tasks:
              - name: t
                tags:
                - std.Tagg
                - std.Tag: {categroy: test}
                - [std.Tag]
                run: echo t
            """);
        var g = new TaskGraphBuilder(m).Build(["t"]);
        FlowAssert.HasError(g.Diagnostics.Concat(m.Diagnostics), DiagnosticCodes.UnknownType, "type 'std.Tagg' not found");
        var field = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.UnknownParameter, "tag type 'std.Tag' has no field 'categroy' (did you mean 'category'?)");
        FlowAssert.At(field, "flow.yaml", 7, 17);
        var shape = FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.WrongType, "a tag is a type name, or a mapping of one type name to its field values");
        FlowAssert.At(shape, "flow.yaml", 8, 7);
    }
}
