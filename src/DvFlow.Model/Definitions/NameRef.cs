using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Definitions;

/// <summary>A name written in a flow file (a need, a base task, a type) with where it was written.</summary>
public sealed record NameRef(string Name, SourceLocation Location)
{
    /// <summary>
    /// The package whose names this reference is written in, when that is not the package of the task
    /// holding it: a config extension adds needs written in the config's package to another package's task.
    /// Null means the holding task's package.
    /// </summary>
    public string? Origin { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
