using DvFlow.TaskApi;

namespace DvFlow.TaskApi.Tests.Values;

public class FlowValuesTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(100.0, "100.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NaN, "NaN")]
    public void DoublesRenderLikePython(double value, string expected) =>
        Assert.Equal(expected, FlowValues.ToDisplayString(value));

    [Fact]
    public void FormatDoubleMatchesPythonRepr()
    {
        Assert.Equal("inf", FlowValues.FormatDouble(double.PositiveInfinity));
        Assert.Equal("0.30000000000000004", FlowValues.FormatDouble(0.1 + 0.2));
        Assert.Equal("5e-324", FlowValues.FormatDouble(double.Epsilon));
    }

    [Fact]
    public void DisplayStrings()
    {
        Assert.Equal("abc", FlowValues.ToDisplayString("abc"));
        Assert.Equal("true", FlowValues.ToDisplayString(true));
        Assert.Equal("false", FlowValues.ToDisplayString(false));
        Assert.Equal("null", FlowValues.ToDisplayString(null));
        Assert.Equal("-42", FlowValues.ToDisplayString(-42L));
        Assert.Equal("7", FlowValues.ToDisplayString(7));
        Assert.Equal("[\"a\", \"b\"]", FlowValues.ToDisplayString(new object?[] { "a", "b" }));
        Assert.Equal("{\"k\": 1}", FlowValues.ToDisplayString(FlowMap.Of(("k", 1L))));
        Assert.Equal("{\"k\": [1, {\"x\": null}], \"b\": false}", FlowValues.ToDisplayString(
            FlowMap.Of(("k", new object?[] { 1L, FlowMap.Of(("x", null)) }), ("b", false))));
        Assert.Equal("[]", FlowValues.ToDisplayString(Array.Empty<object?>()));
        Assert.Equal("{}", FlowValues.ToDisplayString(FlowMap.Empty));
    }

    [Fact]
    public void JsonEscapesLikePython()
    {
        Assert.Equal("\"a\\\"b\\\\c\\nd\\u00e9\\u0001\"", FlowValues.ToJson("a\"b\\c\nd\u00e9\u0001"));
        Assert.Equal("[\"caf\\u00e9\"]", FlowValues.ToDisplayString(new object?[] { "café" }));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(0L, false)]
    [InlineData(3L, true)]
    [InlineData(0.0, false)]
    [InlineData(0.5, true)]
    [InlineData("", false)]
    [InlineData("false", true)]
    public void Truthiness(object? value, bool expected) => Assert.Equal(expected, FlowValues.IsTruthy(value));

    [Fact]
    public void TruthinessOfCollections()
    {
        Assert.False(FlowValues.IsTruthy(Array.Empty<object?>()));
        Assert.True(FlowValues.IsTruthy(new object?[] { null }));
        Assert.False(FlowValues.IsTruthy(FlowMap.Empty));
        Assert.True(FlowValues.IsTruthy(FlowMap.Of(("a", null))));
    }

    [Fact]
    public void EqualityIsNumericAndDeep()
    {
        Assert.True(FlowValues.ValueEquals(1L, 1.0));
        Assert.True(FlowValues.ValueEquals(1, 1L));
        Assert.True(FlowValues.ValueEquals(true, 1L));
        Assert.False(FlowValues.ValueEquals("1", 1L));
        Assert.False(FlowValues.ValueEquals(null, 0L));
        Assert.True(FlowValues.ValueEquals(new object?[] { 1L, "a" }, new List<object?> { 1.0, "a" }));
        Assert.True(FlowValues.ValueEquals(FlowMap.Of(("a", 1L), ("b", 2L)), FlowMap.Of(("b", 2.0), ("a", 1L))));
        Assert.False(FlowValues.ValueEquals(FlowMap.Of(("a", 1L)), FlowMap.Of(("a", 1L), ("b", 2L))));
        Assert.False(FlowValues.ValueEquals(long.MaxValue, 9223372036854775807.0));
    }

    [Fact]
    public void CompareOrdersNumbersStringsAndLists()
    {
        Assert.True(FlowValues.Compare(1L, 2.5) < 0);
        Assert.Equal(0, FlowValues.Compare(2L, 2.0));
        Assert.True(FlowValues.Compare("b", "a") > 0);
        Assert.True(FlowValues.Compare(new object?[] { 1L, 2L }, new object?[] { 1L, 3L }) < 0);
        Assert.True(FlowValues.Compare(new object?[] { 1L }, new object?[] { 1L, 0L }) < 0);
        var ex = Assert.Throws<FlowValueException>(() => FlowValues.Compare("a", 1L));
        Assert.Contains("cannot compare str and int", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "null")]
    [InlineData(true, "bool")]
    [InlineData(1L, "int")]
    [InlineData(1, "int")]
    [InlineData(1.5, "float")]
    [InlineData("s", "str")]
    public void TypeNames(object? value, string expected) => Assert.Equal(expected, FlowValues.TypeName(value));

    [Fact]
    public void TypeNamesOfCollections()
    {
        Assert.Equal("list", FlowValues.TypeName(new object?[0]));
        Assert.Equal("map", FlowValues.TypeName(FlowMap.Empty));
    }

    [Fact]
    public void NormalizeConvertsDeeply()
    {
        var v = FlowValues.Normalize(new Dictionary<string, object?>
        {
            ["n"] = 3,
            ["l"] = new List<int> { 1, 2 },
            ["m"] = new Dictionary<string, object?> { ["f"] = 1.5f },
        });
        var map = Assert.IsType<FlowMap>(v);
        Assert.Equal(3L, map["n"]);
        Assert.Equal(new object?[] { 1L, 2L }, Assert.IsType<object?[]>(map["l"]));
        Assert.Equal(1.5, Assert.IsType<FlowMap>(map["m"])["f"]);
    }

    [Fact]
    public void FlowMapKeepsInsertionOrderAndLastValueWins()
    {
        var map = new FlowMap(new[]
        {
            new KeyValuePair<string, object?>("z", 1L),
            new KeyValuePair<string, object?>("a", 2L),
            new KeyValuePair<string, object?>("z", 3L),
        });
        Assert.Equal(new[] { "z", "a" }, map.Keys);
        Assert.Equal(3L, map["z"]);
        Assert.Equal(2, map.Count);
        Assert.False(map.ContainsKey("q"));
        Assert.Throws<KeyNotFoundException>(() => map["q"]);
        Assert.Equal("{\"z\": 3, \"a\": 2}", map.ToString());
    }

    [Fact]
    public void LargeFlowMapUsesIndexAndKeepsOrder()
    {
        var entries = Enumerable.Range(0, 100).Select(i => new KeyValuePair<string, object?>("k" + (99 - i), (long)i)).ToList();
        entries.Add(new KeyValuePair<string, object?>("k50", -1L));
        var map = new FlowMap(entries);
        Assert.Equal(100, map.Count);
        Assert.Equal("k99", map.Keys.First());
        Assert.Equal(-1L, map["k50"]);
        Assert.True(map.TryGetValue("k0", out var v));
        Assert.Equal(99L, v);
    }
}
