using DvFlow.Model.Definitions;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Model.Graph;

/// <summary>An evaluated consumes or passthrough setting: a keyword, or patterns whose values are final.</summary>
public sealed record DataFilterSpec(DataFilterKind Kind, IReadOnlyList<FlowMap> Patterns)
{
    /// <summary><c>all</c>.</summary>
    public static readonly DataFilterSpec All = new(DataFilterKind.All, []);
    /// <summary><c>none</c>.</summary>
    public static readonly DataFilterSpec None = new(DataFilterKind.None, []);
    /// <summary><c>unused</c>.</summary>
    public static readonly DataFilterSpec Unused = new(DataFilterKind.Unused, []);

    /// <summary>The setting as dfm writes it in show and exec-data output: a keyword or the list of patterns.</summary>
    public object ToValue() => Kind switch
    {
        DataFilterKind.All => "all",
        DataFilterKind.None => "none",
        DataFilterKind.Unused => "unused",
        _ => Patterns,
    };

    /// <inheritdoc />
    public override string ToString() => Kind == DataFilterKind.Patterns ? FlowValues.ToJson(Patterns) : (string)ToValue();
}
