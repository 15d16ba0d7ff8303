using DvFlow.Model.Expressions;
using Xunit;

namespace DvFlow.Model.Tests.Expressions;

public class FunctionAndPipeTests
{
    [Theory]
    [InlineData("len('abc')", 3L)]
    [InlineData("len(items)", 3L)]
    [InlineData("len(params)", 3L)]
    [InlineData("len([])", 0L)]
    [InlineData("str(42)", "42")]
    [InlineData("str(1.0)", "1.0")]
    [InlineData("str(true)", "true")]
    [InlineData("str(null)", "null")]
    [InlineData("str(items)", "[\"a\", \"b\", \"c\"]")]
    [InlineData("int('42')", 42L)]
    [InlineData("int('  -17 ')", -17L)]
    [InlineData("int('+5')", 5L)]
    [InlineData("int(3.9)", 3L)]
    [InlineData("int(-3.9)", -3L)]
    [InlineData("int(true)", 1L)]
    [InlineData("int(false)", 0L)]
    [InlineData("int('ff', 16)", 255L)]
    [InlineData("int('0x10', 0)", 16L)]
    [InlineData("float('1.5')", 1.5)]
    [InlineData("float(2)", 2.0)]
    [InlineData("float(' -2.5e1 ')", -25.0)]
    [InlineData("bool('false')", false)]
    [InlineData("bool('False')", false)]
    [InlineData("bool('0')", false)]
    [InlineData("bool('')", false)]
    [InlineData("bool('true')", true)]
    [InlineData("bool('True')", true)]
    [InlineData("bool('1')", true)]
    [InlineData("bool('anything')", true)]
    [InlineData("bool(0)", false)]
    [InlineData("bool([1])", true)]
    [InlineData("bool(null)", false)]
    [InlineData("min(3, 1, 2)", 1L)]
    [InlineData("max(3, 1, 2)", 3L)]
    [InlineData("min(nums)", 1L)]
    [InlineData("max(['b', 'c', 'a'])", "c")]
    [InlineData("max(1, 2.5)", 2.5)]
    [InlineData("join(items, ',')", "a,b,c")]
    [InlineData("join([1, true, 'x'], '-')", "1-true-x")]
    [InlineData("upper('abc')", "ABC")]
    [InlineData("lower('AbC')", "abc")]
    [InlineData("contains('hello', 'ell')", true)]
    [InlineData("contains(items, 'c')", true)]
    [InlineData("contains(params, 'nope')", false)]
    [InlineData("startswith('hello', 'he')", true)]
    [InlineData("endswith('hello', 'lo')", true)]
    [InlineData("endswith('hello', 'he')", false)]
    [InlineData("length(null)", 0L)]
    [InlineData("type(1.5)", "number")]
    public void Functions(string expr, object expected)
    {
        var actual = Expr.Eval(expr);
        Assert.Equal(expected.GetType(), actual!.GetType());
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("range(4)", "[0, 1, 2, 3]")]
    [InlineData("range(2, 5)", "[2, 3, 4]")]
    [InlineData("range(5, 0, -2)", "[5, 3, 1]")]
    [InlineData("range(0)", "[]")]
    [InlineData("split('a,b,,c', ',')", "[\"a\", \"b\", \"\", \"c\"]")]
    [InlineData("split('  a  b ')", "[\"a\", \"b\"]")]
    [InlineData("items[0]", "\"a\"")]
    [InlineData("items[-1]", "\"c\"")]
    [InlineData("items[1:]", "[\"b\", \"c\"]")]
    [InlineData("items[:2]", "[\"a\", \"b\"]")]
    [InlineData("items[-2:]", "[\"b\", \"c\"]")]
    [InlineData("items[::-1]", "[\"c\", \"b\", \"a\"]")]
    [InlineData("items[5:10]", "[]")]
    [InlineData("'hello'[1]", "\"e\"")]
    [InlineData("'hello'[1:3]", "\"el\"")]
    [InlineData("'hello'[-3:]", "\"llo\"")]
    [InlineData("params['target']", "\"debug\"")]
    [InlineData("params['missing']", "null")]
    [InlineData("{'a': {'b': [10, 20]}}['a']['b'][1]", "20")]
    [InlineData("{'a': {'b': 5}}.a.b", "5")]
    [InlineData("[[1, 2], [3]][0][1]", "2")]
    public void IndexingSlicingAndLists(string expr, string expectedJson) =>
        Assert.Equal(expectedJson, Expr.Json(Expr.Eval(expr)));

    [Theory]
    [InlineData("items | length", "3")]
    [InlineData("'abc' | length", "3")]
    [InlineData("params | keys", "[\"format\", \"level\", \"target\"]")]
    [InlineData("items | keys", "[0, 1, 2]")]
    [InlineData("params | values", "[\"debug\", \"elf\", 2]")]
    [InlineData("nums | sort", "[1, 2, 3]")]
    [InlineData("['b', 'a', 'c'] | sort", "[\"a\", \"b\", \"c\"]")]
    [InlineData("[3, 1, 3, 2, 1] | unique", "[3, 1, 2]")]
    [InlineData("items | reverse", "[\"c\", \"b\", \"a\"]")]
    [InlineData("'abc' | reverse", "\"cba\"")]
    [InlineData("items | first", "\"a\"")]
    [InlineData("items | last", "\"c\"")]
    [InlineData("[] | first", "null")]
    [InlineData("[[1, 2], [3, [4]]] | flatten", "[1, 2, 3, [4]]")]
    [InlineData("[[1, 2], [3, [4]]] | flatten(2)", "[1, 2, 3, 4]")]
    [InlineData("{} | type", "\"object\"")]
    [InlineData("[] | type", "\"array\"")]
    [InlineData("'s' | type", "\"string\"")]
    [InlineData("null | type", "\"null\"")]
    [InlineData("true | type", "\"boolean\"")]
    [InlineData("'a.b.c' | split('.')", "[\"a\", \"b\", \"c\"]")]
    [InlineData("items | join('+')", "\"a+b+c\"")]
    [InlineData("'Mixed' | upper", "\"MIXED\"")]
    [InlineData("'Mixed' | lower", "\"mixed\"")]
    [InlineData("nums | sort | reverse | first", "3")]
    [InlineData("nums | length > 2", "true")]
    [InlineData("'x,y' | split(',') | join(';') | upper", "\"X;Y\"")]
    [InlineData("1 + 2 | str", "\"3\"")]
    public void Pipes(string expr, string expectedJson) =>
        Assert.Equal(expectedJson, Expr.Json(Expr.Eval(expr)));

    [Theory]
    [InlineData("nosuch(1)", "unknown function 'nosuch'")]
    [InlineData("1 | nosuch", "unknown filter 'nosuch'")]
    [InlineData("len(1, 2)", "len() takes exactly 1 argument (2 given)")]
    [InlineData("len()", "len() takes exactly 1 argument (0 given)")]
    [InlineData("range()", "range() takes 1 to 3 arguments (0 given)")]
    [InlineData("min()", "min() takes at least 1 argument (0 given)")]
    [InlineData("items | length(1)", "filter 'length' takes no arguments (1 given)")]
    [InlineData("1 | split", "split() requires a str, not int")]
    [InlineData("len(5)", "len() cannot be applied to int")]
    [InlineData("int('abc')", "invalid literal for int()")]
    [InlineData("int('3.5')", "invalid literal for int()")]
    [InlineData("float('x1')", "could not convert string to float")]
    [InlineData("int(float('inf'))", "infinity")]
    [InlineData("min([])", "empty sequence")]
    [InlineData("max(1, 'a')", "not supported between")]
    [InlineData("[1, 'a'] | sort", "not supported between")]
    [InlineData("range(1, 5, 0)", "must not be zero")]
    [InlineData("range(100000000)", "too large")]
    [InlineData("items[3]", "list index 3 out of range")]
    [InlineData("items[-4]", "list index -4 out of range")]
    [InlineData("items['a']", "list indices must be integers, not str")]
    [InlineData("items[1.0]", "list indices must be integers, not float")]
    [InlineData("items[::0]", "slice step cannot be zero")]
    [InlineData("nothing[0]", "cannot index null")]
    [InlineData("5[0]", "int is not subscriptable")]
    [InlineData("split('abc', '')", "must not be empty")]
    [InlineData("upper(1)", "upper() requires a str, not int")]
    [InlineData("{1: 2}", "map keys must be str, not int")]
    [InlineData("(1).x", "cannot access member 'x' of int")]
    [InlineData("{'a': 1}.b", "map has no member 'b'")]
    public void FunctionErrors(string expr, string messagePart)
    {
        var ex = Expr.Fails(expr);
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Offset >= 4, $"offset {ex.Offset} should be inside the expression");
    }

    [Fact]
    public void UnknownFunctionOffsetPointsAtName()
    {
        var ex = Expr.Fails("1 + nosuch(2)");
        Assert.Equal(8, ex.Offset);
    }

    [Fact]
    public void FunctionsReturnNewValuesWithoutMutatingInput()
    {
        var scope = TestScope.Default();
        var nums = new object?[] { 3L, 1L, 2L };
        scope["nums"] = nums;
        Assert.Equal("[1, 2, 3]", Expr.Json(Expr.Eval("nums | sort", scope)));
        Assert.Equal(3L, nums[0]);
    }

    [Fact]
    public void SortIsStable()
    {
        Assert.Equal("[1, 1.0, 2]", Expr.Json(Expr.Eval("[2, 1, 1.0] | sort")));
        Assert.Equal("[1.0, 1, 2]", Expr.Json(Expr.Eval("[2, 1.0, 1] | sort")));
    }
}
