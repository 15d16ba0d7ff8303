namespace DvFlow.Model.Expressions;

/// <summary>
/// Resolves identifiers used in <c>${{ }}</c> expressions.
/// </summary>
/// <remarks>
/// For a dotted reference <c>a.b.c</c> the evaluator asks for <c>"a.b.c"</c> first, then <c>"a.b"</c>,
/// then <c>"a"</c>, and walks the remaining parts as map member accesses on the value found.
/// Values should be flow values (null, string, long, double, bool, lists and maps); other common CLR
/// numbers, sequences and dictionaries are converted when read.
/// </remarks>
public interface IExpressionScope
{
    /// <summary>Looks up <paramref name="name"/> (a plain or dotted identifier).</summary>
    /// <param name="name">The identifier, for example <c>width</c> or <c>params.target</c>.</param>
    /// <param name="value">The value when found.</param>
    /// <returns>True when the name is defined (its value may be null).</returns>
    bool TryResolve(string name, out object? value);
}

/// <summary>
/// An <see cref="IExpressionScope"/> backed by a dictionary, optionally falling back to a parent scope.
/// </summary>
public sealed class DictionaryExpressionScope : IExpressionScope
{
    private readonly IReadOnlyDictionary<string, object?> _variables;
    private readonly IExpressionScope? _parent;

    /// <summary>Creates a scope over <paramref name="variables"/>.</summary>
    /// <param name="variables">The names defined by this scope (dotted names are allowed as keys).</param>
    /// <param name="parent">A scope consulted when a name is not in <paramref name="variables"/>.</param>
    public DictionaryExpressionScope(IReadOnlyDictionary<string, object?> variables, IExpressionScope? parent = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        _variables = variables;
        _parent = parent;
    }

    /// <inheritdoc/>
    public bool TryResolve(string name, out object? value)
    {
        if (_variables.TryGetValue(name, out value))
        {
            return true;
        }

        if (_parent is not null)
        {
            return _parent.TryResolve(name, out value);
        }

        value = null;
        return false;
    }
}
