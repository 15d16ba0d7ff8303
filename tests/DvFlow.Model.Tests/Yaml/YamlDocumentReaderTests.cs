using DvFlow.Model.Diagnostics;
using DvFlow.Model.Tests.TestSupport;
using DvFlow.Model.Yaml;

namespace DvFlow.Model.Tests.Yaml;

public class YamlDocumentReaderTests
{
    private static (YNode? Root, DiagnosticBag Diags) Read(string text)
    {
        var bag = new DiagnosticBag();
        return (YamlDocumentReader.Read("/p/flow.yaml", text.ReplaceLineEndings("\n"), bag), bag);
    }

    private static YMapping Map(string text)
    {
        var (root, bag) = Read(text);
        Assert.Empty(bag.Items);
        return Assert.IsType<YMapping>(root);
    }

    [Theory]
    [InlineData("v: hello", "hello")]
    [InlineData("v: 42", 42L)]
    [InlineData("v: -7", -7L)]
    [InlineData("v: 0x1F", 31L)]
    [InlineData("v: 0o17", 15L)]
    [InlineData("v: 017", 15L)]
    [InlineData("v: 1_000", 1000L)]
    [InlineData("v: 1.5", 1.5)]
    [InlineData("v: 1e3", "1e3")]
    [InlineData("v: true", true)]
    [InlineData("v: yes", true)]
    [InlineData("v: On", true)]
    [InlineData("v: no", false)]
    [InlineData("v: off", false)]
    [InlineData("v: \"yes\"", "yes")]
    [InlineData("v: '42'", "42")]
    [InlineData("v: !!str 42", "42")]
    [InlineData("v: ~", null)]
    [InlineData("v: null", null)]
    [InlineData("v:", null)]
    [InlineData("v: 99999999999999999999999", "99999999999999999999999")]
    [InlineData("v: 0777777777777777777777777777", "0777777777777777777777777777")]
    [InlineData("v: 0xFFFFFFFFFFFFFFFFFF", "0xFFFFFFFFFFFFFFFFFF")]
    public void ScalarsAreTypedLikePyYaml(string yaml, object? expected)
    {
        var s = Assert.IsType<YScalar>(Map(yaml).Find("v")!.Value);
        Assert.Equal(expected, s.Value);
    }

    [Fact]
    public void LocationsAreOneBasedLineAndColumn()
    {
        var m = Map("""
            package:
              name: p
              tasks:
              - name: t1
                uses: std.Message
            """);
        var pkg = (YMapping)m.Find("package")!.Value;
        var task = (YMapping)((YSequence)pkg.Find("tasks")!.Value).Items[0];
        var uses = task.Find("uses")!;
        Assert.Equal(new SourceLocation("/p/flow.yaml", 5, 5), uses.Key.Location);
        Assert.Equal(new SourceLocation("/p/flow.yaml", 5, 11), uses.Value.Location);
        Assert.Equal("/p/flow.yaml(5,11)", uses.Value.Location.ToString());
    }

    [Fact]
    public void EntriesKeepSourceOrder()
    {
        var m = Map("b: 1\na: 2\nc: 3");
        Assert.Equal(["b", "a", "c"], m.Entries.Select(e => e.Name));
    }

    [Fact]
    public void AnchorsAndAliasesShareTheNode()
    {
        var m = Map("""
            base: &b [a, b]
            copy: *b
            """);
        var copy = Assert.IsType<YSequence>(m.Find("copy")!.Value);
        Assert.Equal(2, copy.Items.Count);
    }

    [Fact]
    public void UnknownAliasIsAnError()
    {
        var (_, bag) = Read("a: *nothing");
        var d = FlowAssert.HasError(bag.Items, DiagnosticCodes.YamlSyntax, "nothing");
        Assert.Equal(1, d.Location!.Line);
    }

    [Fact]
    public void MergeKeyAddsMissingEntries()
    {
        var m = Map("""
            defaults: &d
              uses: std.Message
              rundir: inherit
            task:
              <<: *d
              name: t
            """);
        var t = (YMapping)m.Find("task")!.Value;
        Assert.Equal(["name", "uses", "rundir"], t.Entries.Select(e => e.Name));
    }

    [Fact]
    public void ExplicitKeysOverrideMergedOnesWhateverTheirOrder()
    {
        var m = Map("""
            defaults: &d
              uses: std.Message
              rundir: inherit
            before:
              rundir: unique
              <<: *d
            after:
              <<: *d
              rundir: unique
            """);
        foreach (var key in new[] { "before", "after" })
        {
            var t = (YMapping)m.Find(key)!.Value;
            Assert.Equal("unique", ((YScalar)t.Find("rundir")!.Value).Text);
            Assert.Equal("std.Message", ((YScalar)t.Find("uses")!.Value).Text);
        }
    }

    [Fact]
    public void MergeKeyTakesAListOfMappingsEarlierFirst()
    {
        var m = Map("""
            a: &a {x: 1, y: 1}
            b: &b {y: 2, z: 2}
            c:
              <<: [*a, *b]
            """);
        var c = (YMapping)m.Find("c")!.Value;
        Assert.Equal(1L, ((YScalar)c.Find("y")!.Value).Value);
        Assert.Equal(2L, ((YScalar)c.Find("z")!.Value).Value);
    }

    [Fact]
    public void MergeOfAScalarIsAnError()
    {
        var (_, bag) = Read("a:\n  <<: 5\n");
        FlowAssert.HasError(bag.Items, DiagnosticCodes.YamlSyntax, "merge key");
    }

    [Fact]
    public void DuplicateKeyIsAnErrorAtTheSecondKey()
    {
        var (_, bag) = Read("""
            a: 1
            b: 2
            a: 3
            """);
        var d = FlowAssert.HasError(bag.Items, DiagnosticCodes.DuplicateKey, "duplicate key 'a'");
        Assert.Equal(new SourceLocation("/p/flow.yaml", 3, 1), d.Location);
    }

    [Fact]
    public void MalformedYamlIsAnErrorWithLineAndColumn()
    {
        var (root, bag) = Read("""
            package:
              name: p
              tasks: [a, b
            """);
        Assert.Null(root);
        var d = FlowAssert.HasError(bag.Items, DiagnosticCodes.YamlSyntax, "invalid YAML");
        Assert.Equal("/p/flow.yaml", d.Location!.File);
        Assert.True(d.Location.Line >= 3, d.ToString());
        Assert.True(d.Location.Column >= 1);
        Assert.DoesNotContain("(Line:", d.Message);
    }

    [Fact]
    public void BadIndentationIsAnError()
    {
        var (_, bag) = Read("""
            package:
              name: p
             tasks: []
            """);
        var d = FlowAssert.HasError(bag.Items, DiagnosticCodes.YamlSyntax, "invalid YAML");
        Assert.Equal(3, d.Location!.Line);
    }

    [Fact]
    public void TabIndentationIsAnError()
    {
        var (_, bag) = Read("package:\n\tname: p\n");
        var d = FlowAssert.HasError(bag.Items, DiagnosticCodes.YamlSyntax, "tab");
        Assert.Equal((2, 1), (d.Location!.Line, d.Location.Column));
    }

    [Fact]
    public void UnclosedFlowMappingIsAnErrorNotACrash()
    {
        var (root, bag) = Read("a: {x: 1\nb: 2\n");
        Assert.Null(root);
        var d = FlowAssert.HasError(bag.Items, DiagnosticCodes.YamlSyntax, "invalid YAML");
        Assert.True(d.Location!.Line >= 1);
    }

    [Fact]
    public void UnterminatedQuoteIsAnError()
    {
        var (_, bag) = Read("a: 'abc\nb: 1\n");
        var d = FlowAssert.HasError(bag.Items, DiagnosticCodes.YamlSyntax, "quoted scalar");
        Assert.Equal((1, 4), (d.Location!.Line, d.Location.Column));
    }

    [Fact]
    public void EmptyFileIsAnError()
    {
        var (root, bag) = Read("");
        Assert.Null(root);
        FlowAssert.HasError(bag.Items, DiagnosticCodes.YamlSyntax, "empty");
    }

    [Fact]
    public void SecondDocumentIsIgnoredWithAWarning()
    {
        var (root, bag) = Read("a: 1\n---\nb: 2\n");
        Assert.NotNull(root);
        var w = FlowAssert.HasWarning(bag.Items, DiagnosticCodes.YamlSyntax, "first YAML document");
        Assert.Equal(2, w.Location!.Line);
    }

    [Fact]
    public void ComplexKeyIsAnError()
    {
        var (_, bag) = Read("? [a, b]\n: 1\n");
        FlowAssert.HasError(bag.Items, DiagnosticCodes.YamlSyntax, "mapping keys must be plain names");
    }

    [Fact]
    public void BlockScalarKeepsText()
    {
        var m = Map("""
            run: |
              echo a
              echo b
            """);
        var s = (YScalar)m.Find("run")!.Value;
        Assert.Equal("echo a\necho b", s.Value);
        Assert.False(s.IsPlain);
    }
}
