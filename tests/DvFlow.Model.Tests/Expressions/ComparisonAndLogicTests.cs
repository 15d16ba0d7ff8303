using DvFlow.Model.Expressions;
using Xunit;

namespace DvFlow.Model.Tests.Expressions;

public class ComparisonAndLogicTests
{
    [Theory]
    [InlineData("1 == 1", true)]
    [InlineData("1 == 1.0", true)]
    [InlineData("1 != 2", true)]
    [InlineData("'a' == 'a'", true)]
    [InlineData("'a' == 1", false)]
    [InlineData("null == None", true)]
    [InlineData("nothing == null", true)]
    [InlineData("[1, 2] == [1, 2.0]", true)]
    [InlineData("{'a': 1, 'b': 2} == {'b': 2, 'a': 1}", true)]
    [InlineData("2 < 3", true)]
    [InlineData("3 <= 3", true)]
    [InlineData("4 > 5", false)]
    [InlineData("5 >= 5.5", false)]
    [InlineData("'abc' < 'abd'", true)]
    [InlineData("'B' < 'a'", true)]
    [InlineData("[1, 2] < [1, 3]", true)]
    [InlineData("[1, 2] < [1, 2, 0]", true)]
    [InlineData("1 < 2 < 3", true)]
    [InlineData("1 < 3 < 2", false)]
    [InlineData("3 > 2 > 1 >= 1", true)]
    [InlineData("1 == 1 == 1", true)]
    [InlineData("(1 < 2) == true", true)]
    [InlineData("'b' in items", true)]
    [InlineData("'z' not in items", true)]
    [InlineData("'or' in 'core'", true)]
    [InlineData("'target' in params", true)]
    [InlineData("'missing' in params", false)]
    [InlineData("2 in [1, 2.0]", true)]
    [InlineData("width > 16 and height < 10", true)]
    [InlineData("9007199254740993 > 9007199254740992.0", true)]
    public void Comparisons(string expr, bool expected) => Assert.Equal(expected, Expr.Eval(expr));

    [Theory]
    [InlineData("true and false", false)]
    [InlineData("true or false", true)]
    [InlineData("not true", false)]
    [InlineData("not not 1", true)]
    [InlineData("!flag", false)]
    [InlineData("flag && !off", true)]
    [InlineData("off || flag", true)]
    [InlineData("1 and 'x'", true)]
    [InlineData("0 or ''", false)]
    [InlineData("not 1 == 2", true)]
    [InlineData("true or false and false", true)]
    [InlineData("not empty", true)]
    [InlineData("not []", true)]
    [InlineData("not {}", true)]
    [InlineData("not 0.0", true)]
    [InlineData("not nothing", true)]
    public void Logic(string expr, bool expected)
    {
        var value = Expr.Eval(expr);
        Assert.IsType<bool>(value);
        Assert.Equal(expected, value);
    }

    [Fact]
    public void LogicShortCircuits()
    {
        // The right-hand sides reference undefined names and must not be evaluated.
        Assert.Equal(false, Expr.Eval("false and undefined_thing"));
        Assert.Equal(true, Expr.Eval("true or undefined_thing"));
        Assert.Equal(false, Expr.Eval("1 > 2 > undefined_thing"));
    }

    [Theory]
    [InlineData("'yes' if flag else 'no'", "yes")]
    [InlineData("'yes' if off else 'no'", "no")]
    [InlineData("1 if false else 2 if false else 3", 3L)]
    [InlineData("1 if true else 2 if false else 3", 1L)]
    [InlineData("'big' if width > 16 else 'small'", "big")]
    [InlineData("(1 if flag else 2) + 10", 11L)]
    [InlineData("'x' if flag else undefined_thing", "x")]
    public void Ternary(string expr, object expected) => Assert.Equal(expected, Expr.Eval(expr));

    [Theory]
    [InlineData("1 < 'a'", "'<' is not supported between int and str")]
    [InlineData("null > 1", "'>' is not supported between null and int")]
    [InlineData("1 in 5", "not iterable")]
    [InlineData("1 in 'abc'", "requires str as left operand")]
    public void ComparisonErrors(string expr, string messagePart)
    {
        var ex = Expr.Fails(expr);
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChainedComparisonErrorPointsAtFailingOperator()
    {
        // "${{ 1 < 2 < 'a' }}": the second '<' is at offset 10.
        var ex = Expr.Fails("1 < 2 < 'a'");
        Assert.Equal(10, ex.Offset);
    }

    [Fact]
    public void NaNIsUnordered()
    {
        var scope = TestScope.Default();
        scope["nan"] = double.NaN;
        Assert.Equal(false, Expr.Eval("nan < 1", scope));
        Assert.Equal(false, Expr.Eval("nan >= 1", scope));
        Assert.Equal(false, Expr.Eval("nan == nan", scope));
    }
}
