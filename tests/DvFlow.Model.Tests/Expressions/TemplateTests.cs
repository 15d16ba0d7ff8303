using DvFlow.Model.Expressions;
using Xunit;

namespace DvFlow.Model.Tests.Expressions;

public class TemplateTests
{
    [Fact]
    public void InterpolationProducesString()
    {
        var t = ExpressionTemplate.Parse("w=${{ width * 2 }}");
        Assert.True(t.HasExpressions);
        Assert.False(t.IsSingleExpression);
        Assert.Equal("w=64", t.Evaluate(TestScope.Default()));
    }

    [Fact]
    public void SingleExpressionKeepsType()
    {
        var t = ExpressionTemplate.Parse("${{ width * 2 }}");
        Assert.True(t.IsSingleExpression);
        var v = t.Evaluate(TestScope.Default());
        Assert.IsType<long>(v);
        Assert.Equal(64L, v);
    }

    [Theory]
    [InlineData("${{ flag }}", true)]
    [InlineData("  ${{ flag }}  ", true)]
    [InlineData("\n${{off}}\t", false)]
    public void SingleExpressionBoolIgnoresSurroundingWhitespace(string text, bool expected)
    {
        var t = ExpressionTemplate.Parse(text);
        Assert.True(t.IsSingleExpression);
        Assert.Equal(expected, t.Evaluate(TestScope.Default()));
    }

    [Fact]
    public void SingleExpressionListStaysList()
    {
        var v = ExpressionTemplate.Parse("${{ items }}").Evaluate(TestScope.Default());
        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(v);
        Assert.Equal(new object?[] { "a", "b", "c" }, list);
    }

    [Fact]
    public void SingleExpressionMapStaysMap()
    {
        var v = ExpressionTemplate.Parse("${{ params }}").Evaluate(TestScope.Default());
        var map = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(v);
        Assert.Equal("debug", map["target"]);
    }

    [Theory]
    [InlineData("x ${{ flag }}", "x true")]
    [InlineData("x ${{ off }}", "x false")]
    [InlineData("v=${{ nothing }}", "v=null")]
    [InlineData("r=${{ ratio }}", "r=1.5")]
    [InlineData("f=${{ 2.0 }}", "f=2.0")]
    [InlineData("list: ${{ items }}", "list: [\"a\", \"b\", \"c\"]")]
    [InlineData("map: ${{ {'k': 1} }}", "map: {\"k\": 1}")]
    [InlineData("map: ${{ {'k': 1}}}", "map: {\"k\": 1}")]
    [InlineData("nested: ${{ [[1], {'a': [true, null]}] }}", "nested: [[1], {\"a\": [true, null]}]")]
    [InlineData("${{ width }}x${{ height }}", "32x8")]
    [InlineData("${{ name }}-${{ params.target }}-${{ params.level + 1 }}", "core-debug-3")]
    [InlineData("a ${{ name }} b ${{ name }} c", "a core b core c")]
    [InlineData("<${{width}}>", "<32>")]
    [InlineData("[${{   width   }}]", "[32]")]
    [InlineData("[${{\n  width\n}}]", "[32]")]
    [InlineData("[${{ '}}' }}]", "[}}]")]
    [InlineData("[${{ \"${{\" }}]", "[${{]")]
    [InlineData("${{ 'a' }}${{ 'b' }}", "ab")]
    [InlineData("Version ${{ str(width) + '.' + str(height) }}", "Version 32.8")]
    public void Interpolation(string text, string expected) =>
        Assert.Equal(expected, ExpressionTemplate.Parse(text).Evaluate(TestScope.Default()));

    [Theory]
    [InlineData("plain text")]
    [InlineData("")]
    [InlineData("costs $5")]
    [InlineData("a lone $ sign")]
    [InlineData("{{ not an expression }}")]
    [InlineData("${ not one either }")]
    [InlineData("$${ x }")]
    public void LiteralTextWithoutExpressions(string text)
    {
        var t = ExpressionTemplate.Parse(text);
        Assert.False(t.HasExpressions);
        Assert.False(t.IsSingleExpression);
        Assert.Empty(t.ReferencedNames);
        Assert.Same(text, t.Evaluate(TestScope.Default()));
    }

    [Theory]
    [InlineData("price: $${{ width }} {{x}}", "price: $32 {{x}}")]
    [InlineData("{{ ${{ name }} }}", "{{ core }}")]
    [InlineData("$ ${{ name }} $", "$ core $")]
    public void LiteralDollarAndBracesAroundExpressions(string text, string expected) =>
        Assert.Equal(expected, ExpressionTemplate.Parse(text).Evaluate(TestScope.Default()));

    [Fact]
    public void TwoExpressionsAreNotSingle()
    {
        var t = ExpressionTemplate.Parse("${{ width }} ${{ height }}");
        Assert.False(t.IsSingleExpression);
        Assert.Equal("32 8", t.Evaluate(TestScope.Default()));
    }

    [Fact]
    public void ReferencedNamesAreDistinctDottedNamesInOrder()
    {
        var t = ExpressionTemplate.Parse(
            "${{ params.target }} ${{ len(items) + width * width }} ${{ matrix.inner.deep | str }} ${{ (params).level }} ${{ items[0] }}");
        Assert.Equal(new[] { "params.target", "items", "width", "matrix.inner.deep", "params" }, t.ReferencedNames);
    }

    [Fact]
    public void ReferencedNamesSkipFunctionsFiltersAndKeywords()
    {
        var t = ExpressionTemplate.Parse("${{ upper(name) if flag and not off else 'x' | lower }}");
        Assert.Equal(new[] { "name", "flag", "off" }, t.ReferencedNames);
    }

    [Fact]
    public void ContainsExpressionIsACheapPreCheck()
    {
        Assert.True(ExpressionTemplate.ContainsExpression("a ${{ b }}"));
        Assert.False(ExpressionTemplate.ContainsExpression("a { b }"));
        Assert.False(ExpressionTemplate.ContainsExpression(null));
    }

    [Fact]
    public void ParsedTemplateCanBeReusedWithDifferentScopes()
    {
        var t = ExpressionTemplate.Parse("${{ width * 2 }}");
        var a = TestScope.Default();
        var b = TestScope.Default();
        b["width"] = 5L;
        Assert.Equal(64L, t.Evaluate(a));
        Assert.Equal(10L, t.Evaluate(b));
        Assert.Equal("${{ width * 2 }}", t.Text);
    }

    [Fact]
    public void EvaluateToStringRendersTypedResults()
    {
        Assert.Equal("true", ExpressionTemplate.Parse("${{ flag }}").EvaluateToString(TestScope.Default()));
        Assert.Equal("[1, 2]", ExpressionTemplate.Parse("${{ [1, 2] }}").EvaluateToString(TestScope.Default()));
    }

    [Fact]
    public void DictionaryScopeFallsBackToParent()
    {
        var parent = new DictionaryExpressionScope(new Dictionary<string, object?> { ["a"] = 1L, ["b"] = 2L });
        var child = new DictionaryExpressionScope(new Dictionary<string, object?> { ["b"] = 20L }, parent);
        Assert.Equal(21L, ExpressionTemplate.Evaluate("${{ a + b }}", child));
    }

    [Fact]
    public void StringEscapes()
    {
        Assert.Equal("a\"b'c\\d\ne\tf", Expr.Eval("'a\"b\\'c\\\\d\\ne\\tf'"));
        Assert.Equal("A\u00e9", Expr.Eval("'\\x41\\u00e9'"));
        Assert.Equal("keep \\q", Expr.Eval("'keep \\q'"));
    }
}
