using DvFlow.Model.Expressions;
using Xunit;
using DvFlow.TaskApi;

namespace DvFlow.Model.Tests.Expressions;

public class ArithmeticTests
{
    [Theory]
    [InlineData("1 + 2", 3L)]
    [InlineData("1 + 2 * 3", 7L)]
    [InlineData("(1 + 2) * 3", 9L)]
    [InlineData("10 - 4 - 3", 3L)]
    [InlineData("2 ** 3 ** 2", 512L)]
    [InlineData("-2 ** 2", -4L)]
    [InlineData("(-2) ** 2", 4L)]
    [InlineData("2 ** -1", 0.5)]
    [InlineData("-3 + +5", 2L)]
    [InlineData("- -4", 4L)]
    [InlineData("7 // 2", 3L)]
    [InlineData("-7 // 2", -4L)]
    [InlineData("7 // -2", -4L)]
    [InlineData("7 % 3", 1L)]
    [InlineData("-7 % 3", 2L)]
    [InlineData("7 % -3", -2L)]
    [InlineData("7.5 // 2", 3.0)]
    [InlineData("-7.5 % 2", 0.5)]
    [InlineData("1 / 4", 0.25)]
    [InlineData("0x1F + 1", 32L)]
    [InlineData("0b101", 5L)]
    [InlineData("0o17", 15L)]
    [InlineData("1.5e3", 1500.0)]
    [InlineData("2 * 3 + 4 * 5", 26L)]
    [InlineData("2 + 3 * 4 ** 2 // 5", 11L)]
    [InlineData("true + 1", 2L)]
    [InlineData("width * 2", 64L)]
    [InlineData("width / height", 4.0)]
    [InlineData("ratio * 2", 3.0)]
    [InlineData("width + ratio", 33.5)]
    [InlineData("2 ** 62", 4611686018427387904L)]
    public void Arithmetic(string expr, object expected)
    {
        var actual = Expr.Eval(expr);
        Assert.Equal(expected.GetType(), actual!.GetType());
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TrueDivisionOfWholeNumbersIsStillDouble()
    {
        var v = Expr.Eval("6 / 3");
        Assert.IsType<double>(v);
        Assert.Equal(2.0, v);
        Assert.Equal("2.0", FlowValues.ToDisplayString(v));
    }

    [Fact]
    public void FloorDivisionOfIntsStaysLong() => Assert.IsType<long>(Expr.Eval("9 // 2"));

    [Theory]
    [InlineData("'ab' + 'cd'", "abcd")]
    [InlineData("'ab' * 3", "ababab")]
    [InlineData("3 * 'ab'", "ababab")]
    [InlineData("'ab' * -1", "")]
    [InlineData("name + '-' + params.target", "core-debug")]
    public void StringOperators(string expr, string expected) => Assert.Equal(expected, Expr.Eval(expr));

    [Theory]
    [InlineData("[1, 2] + [3]", "[1, 2, 3]")]
    [InlineData("[0] * 3", "[0, 0, 0]")]
    [InlineData("items + ['d']", "[\"a\", \"b\", \"c\", \"d\"]")]
    [InlineData("[]", "[]")]
    [InlineData("[1, 'a', true, null, 1.5,]", "[1, \"a\", true, null, 1.5]")]
    [InlineData("{'k': 1, \"j\": [2]}", "{\"k\": 1, \"j\": [2]}")]
    [InlineData("{}", "{}")]
    public void ListAndMapValues(string expr, string expectedJson) => Assert.Equal(expectedJson, Expr.Json(Expr.Eval(expr)));

    [Theory]
    [InlineData("'a' + 1", "cannot add str and int")]
    [InlineData("1 + 'a'", "cannot add int and str")]
    [InlineData("'a' - 'b'", "cannot subtract str from str")]
    [InlineData("[1] + 1", "cannot add list and int")]
    [InlineData("null + 1", "cannot add null and int")]
    [InlineData("1 / 0", "division by zero")]
    [InlineData("1.0 / 0", "division by zero")]
    [InlineData("1 // 0", "division by zero")]
    [InlineData("1 % 0", "modulo by zero")]
    [InlineData("9223372036854775807 + 1", "integer overflow")]
    [InlineData("-9223372036854775807 - 2", "integer overflow")]
    [InlineData("4611686018427387904 * 2", "integer overflow")]
    [InlineData("2 ** 64", "integer overflow")]
    [InlineData("0 ** -1", "negative power")]
    [InlineData("(-8) ** 0.5", "fractional power")]
    [InlineData("-'a'", "bad operand type for unary -: str")]
    [InlineData("'abc' * 'x'", "cannot multiply str by str")]
    [InlineData("'x' * 100000000", "too large")]
    public void ArithmeticErrors(string expr, string messagePart)
    {
        var ex = Expr.Fails(expr);
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorOffsetPointsAtOperator()
    {
        // "${{ " is 4 chars, so '+' in "'a' + 1" is at 4 + 4 = 8.
        var ex = Expr.Fails("'a' + 1");
        Assert.Equal(8, ex.Offset);
    }

    [Fact]
    public void IntegerLiteralTooLargeIsSyntaxError()
    {
        var ex = Assert.Throws<ExpressionException>(() => ExpressionTemplate.Parse("${{ 99999999999999999999 }}"));
        Assert.Contains("too large", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, ex.Offset);
    }
}
