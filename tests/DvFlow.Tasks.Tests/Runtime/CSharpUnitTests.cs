using DvFlow.Model.Expressions;
using DvFlow.TaskApi;
using DvFlow.Tasks.Runtime.CSharp;

namespace DvFlow.Tasks.Tests.Runtime;

public class CSharpUnitTests
{
    public sealed class P
    {
        public string Name { get; set; } = "";
        public long Big { get; set; }
        public int? Maybe { get; set; }
        public bool Flag { get; set; }
        public IReadOnlyList<string> Names { get; set; } = [];
        public IReadOnlyDictionary<string, string> Env { get; set; } = new Dictionary<string, string>();
        public object? Raw { get; set; }
    }

    public sealed record M(string Hash, int Runs);

    [Fact]
    public void ParamBinderMatchesNamesLooselyAndConverts()
    {
        var p = ParamBinder.Bind<P>(FlowMap.Of(("NAME", (object?)7L), ("big", "12"), ("maybe", null), ("flag", "true"), ("names", "one"),
            ("env", FlowMap.Of(("A", (object?)1L))), ("raw", 2.5), ("unknown", "ignored")));
        Assert.Equal("7", p.Name);
        Assert.Equal(12L, p.Big);
        Assert.Null(p.Maybe);
        Assert.True(p.Flag);
        Assert.Equal(["one"], p.Names);
        Assert.Equal("1", p.Env["A"]);
        Assert.Equal(2.5, p.Raw);
    }

    [Fact]
    public void ParamBinderNamesTheParameterItCannotConvert()
    {
        var ex = Assert.Throws<InvalidCastException>(() => ParamBinder.Bind<P>(FlowMap.Of(("big", (object?)"lots"))));
        Assert.Contains("parameter 'big' = \"lots\" cannot be converted to Int64 (P.Big)", ex.Message);
    }

    [Fact]
    public void TypedMementosBecomeFlowValuesAndComeBackTyped()
    {
        var stored = Mementos.ToFlowValue(new M("abc", 3));
        var map = Assert.IsType<FlowMap>(stored);
        Assert.Equal("abc", map["Hash"]);
        Assert.Equal(new M("abc", 3), Mementos.As<M>(stored));
        Assert.Null(Mementos.As<M>(null));
        Assert.Null(Mementos.As<M>("not an object"));
        Assert.Equal(5L, Mementos.ToFlowValue(5L));
    }
}
