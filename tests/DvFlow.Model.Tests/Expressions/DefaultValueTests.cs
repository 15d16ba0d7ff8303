using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Model.Tests.Expressions;

/// <summary>dfm's <c>${{ name:-default }}</c> fallback syntax.</summary>
public class DefaultValueTests
{
    [Fact]
    public void DefinedNameIgnoresTheDefault() => Assert.Equal(32L, Expr.Eval("width:-7"));

    [Fact]
    public void UndefinedNameYieldsTheDefaultText() => Assert.Equal("gcc", Expr.Eval("CC:-gcc"));

    [Fact]
    public void NullValueYieldsTheDefault() => Assert.Equal("none", Expr.Eval("nothing:-none"));

    [Fact]
    public void QualifiedMissingMemberYieldsTheDefault()
    {
        var scope = new TestScope { ["hdlsim"] = FlowMap.Of(("cov", false)) };
        Assert.Equal("unset", Expr.Eval("hdlsim.sim:-unset", scope));
        Assert.Equal(false, Expr.Eval("hdlsim.cov:-unset", scope));
    }

    [Fact]
    public void QualifiedNameResolvedAsAWholeIsUsed()
    {
        var scope = new TestScope { ["hdlsim.sim"] = "vlt" };
        Assert.Equal("vlt", Expr.Eval("hdlsim.sim:-unset", scope));
    }

    [Fact]
    public void MemberOfAScalarYieldsTheDefault() => Assert.Equal("d", Expr.Eval("name.x:-d"));

    [Fact]
    public void DefaultRunsToTheClosingBracesAndIsTrimmed()
        => Assert.Equal("a b + 1", Expr.Eval("missing:-  a b + 1  "));

    [Fact]
    public void EmptyDefault() => Assert.Equal("", Expr.Eval("missing:-"));

    [Fact]
    public void DefaultInsideATemplateInterpolates()
    {
        var t = ExpressionTemplate.Parse("sim=${{ sim:-unset }} w=${{ width:-0 }}");
        Assert.Equal("sim=unset w=32", t.Evaluate(TestScope.Default()));
        Assert.Equal(["sim", "width"], t.ReferencedNames);
    }

    [Fact]
    public void TwoDefaultsInOneTemplate()
        => Assert.Equal("x-y", ExpressionTemplate.Parse("${{ a:-x }}-${{ b:-y }}").Evaluate(TestScope.Default()));

    [Fact]
    public void SliceWithNegativeStopIsNotADefault()
    {
        var scope = TestScope.Default();
        scope["a"] = 0L;
        Assert.Equal("[\"a\", \"b\"]", Expr.Json(Expr.Eval("items[a:-1]", scope)));
    }

    [Fact]
    public void MapLiteralWithNegativeValueIsNotADefault()
    {
        var scope = TestScope.Default();
        scope["k"] = "key";
        Assert.Equal("{\"key\": -1}", Expr.Json(Expr.Eval("{k:-1}", scope)));
    }

    [Fact]
    public void UnterminatedDefaultIsASyntaxError()
    {
        var ex = Assert.Throws<ExpressionException>(() => ExpressionTemplate.Parse("${{ a:-b "));
        Assert.Contains("unterminated", ex.Message);
    }

    [Fact]
    public void DefaultIsIgnoredForDefinedFalseValue() => Assert.Equal(false, Expr.Eval("off:-true"));
}
