using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Definitions;

/// <summary>A name written in a flow file (a need, a base task, a type) with where it was written.</summary>
public sealed record NameRef(string Name, SourceLocation Location)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
