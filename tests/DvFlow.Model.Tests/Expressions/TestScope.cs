using DvFlow.Model.Expressions;
using Xunit;
using DvFlow.TaskApi;

namespace DvFlow.Model.Tests.Expressions;

/// <summary>A dictionary-backed scope that records every name it is asked for.</summary>
internal sealed class TestScope : IExpressionScope
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public List<string> Lookups { get; } = [];

    public object? this[string name]
    {
        set => _values[name] = value;
    }

    public static TestScope Default()
    {
        var scope = new TestScope
        {
            ["width"] = 32L,
            ["height"] = 8L,
            ["ratio"] = 1.5,
            ["flag"] = true,
            ["off"] = false,
            ["name"] = "core",
            ["empty"] = "",
            ["nothing"] = null,
            ["items"] = new object?[] { "a", "b", "c" },
            ["nums"] = new object?[] { 3L, 1L, 2L },
            ["params"] = FlowMap.Of(("target", "debug"), ("format", "elf"), ("level", 2L)),
            ["matrix"] = FlowMap.Of(("var", "x"), ("inner", FlowMap.Of(("deep", 7L)))),
        };
        return scope;
    }

    public bool TryResolve(string name, out object? value)
    {
        Lookups.Add(name);
        return _values.TryGetValue(name, out value);
    }
}

/// <summary>Shared helpers for expression tests.</summary>
internal static class Expr
{
    /// <summary>Evaluates <paramref name="expression"/> as a single <c>${{ }}</c> template.</summary>
    public static object? Eval(string expression, IExpressionScope? scope = null) =>
        ExpressionTemplate.Parse("${{ " + expression + " }}").Evaluate(scope ?? TestScope.Default());

    /// <summary>Evaluates and expects an <see cref="ExpressionException"/>.</summary>
    public static ExpressionException Fails(string expression, IExpressionScope? scope = null) =>
        Assert.Throws<ExpressionException>(() => Eval(expression, scope));

    /// <summary>Renders a value for comparing in assertions.</summary>
    public static string Json(object? value) => FlowValues.ToJson(value);
}
