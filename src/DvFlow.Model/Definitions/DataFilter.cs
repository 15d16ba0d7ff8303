using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Definitions;

/// <summary>The keyword part of a consumes or passthrough setting.</summary>
public enum DataFilterKind
{
    /// <summary>Every input.</summary>
    All,
    /// <summary>No input.</summary>
    None,
    /// <summary>Passthrough only: the inputs the task did not consume.</summary>
    Unused,
    /// <summary>The inputs matching any of <see cref="DataFilter.Patterns"/>.</summary>
    Patterns,
}

/// <summary>A consumes or passthrough setting: all, none, unused, or a list of patterns.</summary>
public sealed record DataFilter(DataFilterKind Kind, IReadOnlyList<DataPattern> Patterns, SourceLocation? Location)
{
    /// <summary>The <c>all</c> setting.</summary>
    public static readonly DataFilter All = new(DataFilterKind.All, [], null);
    /// <summary>The <c>none</c> setting.</summary>
    public static readonly DataFilter None = new(DataFilterKind.None, [], null);
    /// <summary>The <c>unused</c> setting.</summary>
    public static readonly DataFilter Unused = new(DataFilterKind.Unused, [], null);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        DataFilterKind.All => "all",
        DataFilterKind.None => "none",
        DataFilterKind.Unused => "unused",
        _ => $"[{Patterns.Count} pattern(s)]",
    };
}
