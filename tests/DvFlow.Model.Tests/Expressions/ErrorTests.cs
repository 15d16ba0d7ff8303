using DvFlow.Model.Expressions;
using Xunit;
using DvFlow.TaskApi;

namespace DvFlow.Model.Tests.Expressions;

public class ErrorTests
{
    [Theory]
    [InlineData("${{ 1 + }}", 8, "expected an expression but found '}}'")]
    [InlineData("${{ a ", 0, "unterminated expression")]
    [InlineData("${{", 0, "unterminated expression")]
    [InlineData("x ${{ a + b", 2, "unterminated expression")]
    [InlineData("${{ (1 }}", 7, "expected ')' but found '}}'")]
    [InlineData("${{ 1 2 }}", 6, "unexpected number '2'; expected '}}'")]
    [InlineData("${{ }}", 0, "empty expression")]
    [InlineData("ok ${{ 1 }} then ${{ [1, 2 }}", 27, "expected ',' or ']' but found '}}'")]
    [InlineData("${{ 'abc }}", 4, "unterminated string literal")]
    [InlineData("${{ a = 1 }}", 6, "use '=='")]
    [InlineData("${{ a @ b }}", 6, "unexpected character '@'")]
    [InlineData("${{ a & b }}", 6, "unexpected '&'")]
    [InlineData("${{ 1 if true }}", 14, "expected 'else'")]
    [InlineData("${{ a not b }}", 10, "expected 'in' after 'not'")]
    [InlineData("${{ x | }}", 8, "expected a filter name after '|'")]
    [InlineData("${{ x | 3 }}", 8, "expected a filter name after '|'")]
    [InlineData("${{ a. }}", 7, "expected a member name after '.'")]
    [InlineData("${{ a.b(1) }}", 7, "'a.b' is not a function")]
    [InlineData("${{ 1abc }}", 4, "invalid number literal")]
    [InlineData("${{ 0x }}", 4, "invalid number literal")]
    [InlineData("${{ a } }}", 6, "expected '}}'")]
    [InlineData("${{ f(1,, 2) }}", 8, "expected an expression but found ','")]
    [InlineData("${{ {'a' 1} }}", 9, "expected ':'")]
    [InlineData("${{ '\\x4' }}", 5, "invalid escape sequence")]
    public void SyntaxErrorsHaveOffsets(string text, int offset, string messagePart)
    {
        var ex = Assert.Throws<ExpressionException>(() => ExpressionTemplate.Parse(text));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
        Assert.Equal(offset, ex.Offset);
    }

    [Fact]
    public void DeepNestingIsASyntaxErrorNotACrash()
    {
        string text = "${{ " + new string('(', 5000) + "1" + new string(')', 5000) + " }}";
        var ex = Assert.Throws<ExpressionException>(() => ExpressionTemplate.Parse(text));
        Assert.Contains("nested", ex.Message, StringComparison.Ordinal);

        string minus = "${{ " + new string('-', 5000) + "1 }}";
        Assert.Throws<ExpressionException>(() => ExpressionTemplate.Parse(minus));

        string list = "${{ " + new string('[', 5000) + new string(']', 5000) + " }}";
        Assert.Throws<ExpressionException>(() => ExpressionTemplate.Parse(list));
    }

    [Fact]
    public void LongOperatorChainIsRejectedCleanly()
    {
        string text = "${{ " + string.Join(" + ", Enumerable.Repeat("1", 5000)) + " }}";
        var ex = Assert.Throws<ExpressionException>(() => ExpressionTemplate.Parse(text));
        Assert.Contains("too complex", ex.Message, StringComparison.Ordinal);

        // A reasonably long chain is fine.
        string ok = "${{ " + string.Join(" + ", Enumerable.Repeat("1", 300)) + " }}";
        Assert.Equal(300L, ExpressionTemplate.Parse(ok).Evaluate(TestScope.Default()));
    }

    [Fact]
    public void ModerateNestingIsFine()
    {
        string text = "${{ " + new string('(', 50) + "1" + new string(')', 50) + " }}";
        Assert.Equal(1L, ExpressionTemplate.Parse(text).Evaluate(TestScope.Default()));
    }

    [Fact]
    public void UndefinedVariableNamesTheVariable()
    {
        var ex = Assert.Throws<ExpressionException>(() =>
            ExpressionTemplate.Parse("size: ${{ width + undefined_var }}").Evaluate(TestScope.Default()));
        Assert.Equal("undefined variable 'undefined_var'", ex.Message);
        Assert.Equal(18, ex.Offset);
    }

    [Fact]
    public void UndefinedDottedVariableNamesTheFullName()
    {
        var ex = Expr.Fails("foo.bar.baz");
        Assert.Contains("undefined variable 'foo.bar.baz'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, ex.Offset);
    }

    [Fact]
    public void MissingMemberOfResolvedMapNamesFullNameAndMember()
    {
        var ex = Expr.Fails("params.nope");
        Assert.Contains("undefined variable 'params.nope'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'params' has no member 'nope'", ex.Message, StringComparison.Ordinal);

        var ex2 = Expr.Fails("name.length");
        Assert.Contains("'name' is str, not a map", ex2.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DottedNamesResolveLongestPrefixFirst()
    {
        var scope = new TestScope
        {
            ["a"] = FlowMap.Of(("b", FlowMap.Of(("c", "from-a")))),
            ["a.b"] = FlowMap.Of(("c", "from-a.b")),
        };

        Assert.Equal("from-a.b", Expr.Eval("a.b.c", scope));
        Assert.Equal(new[] { "a.b.c", "a.b" }, scope.Lookups);

        scope.Lookups.Clear();
        scope["a.b.c"] = "exact";
        Assert.Equal("exact", Expr.Eval("a.b.c", scope));
        Assert.Equal(new[] { "a.b.c" }, scope.Lookups);
    }

    [Fact]
    public void DottedNamesFallBackToRootAndWalkMaps()
    {
        var scope = TestScope.Default();
        Assert.Equal(7L, Expr.Eval("matrix.inner.deep", scope));
        Assert.Equal(new[] { "matrix.inner.deep", "matrix.inner", "matrix" }, scope.Lookups);
    }

    [Fact]
    public void KeywordsCanBeMemberNames()
    {
        var scope = new TestScope { ["cfg"] = FlowMap.Of(("if", 1L), ("in", 2L), ("true", 3L)) };
        Assert.Equal(6L, Expr.Eval("cfg.if + cfg.in + cfg.true", scope));
    }

    [Fact]
    public void ScopeValuesOfOtherClrTypesAreNormalized()
    {
        var scope = new TestScope
        {
            ["i"] = 5,
            ["f"] = 2.5f,
            ["list"] = new List<int> { 1, 2, 3 },
            ["dict"] = new Dictionary<string, string> { ["k"] = "v" },
        };
        Assert.Equal(10L, Expr.Eval("i * 2", scope));
        Assert.Equal(5.0, Expr.Eval("f * 2", scope));
        Assert.Equal(6L, Expr.Eval("list[0] + list[1] + list[-1]", scope));
        Assert.Equal("v", Expr.Eval("dict.k", scope));
        Assert.Equal("[1, 2, 3]", Expr.Json(Expr.Eval("list", scope)));
    }

    [Fact]
    public void CyclicScopeValueFailsCleanly()
    {
        var list = new List<object?>();
        list.Add(list);
        var scope = new TestScope { ["loop"] = list };
        var ex = Assert.Throws<ExpressionException>(() => ExpressionTemplate.Parse("x ${{ loop }}").Evaluate(scope));
        Assert.Contains("nested", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Offset);
    }

    [Fact]
    public void ScopeExceptionsAreWrapped()
    {
        var ex = Assert.Throws<ExpressionException>(() =>
            ExpressionTemplate.Parse("${{ boom }}").Evaluate(new ThrowingScope()));
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Equal(4, ex.Offset);
    }

    private sealed class ThrowingScope : IExpressionScope
    {
        public bool TryResolve(string name, out object? value) => throw new InvalidOperationException("scope failed");
    }
}
