using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Definitions;

/// <summary>A named configuration of a package (<c>configs:</c>), selected with <c>-p:Config=NAME</c>.</summary>
public sealed record ConfigDef
{
    /// <summary>The config's name.</summary>
    public required string Name { get; init; }
    /// <summary>Where it is declared.</summary>
    public required SourceLocation Location { get; init; }
    /// <summary>A config this one builds on.</summary>
    public NameRef? Uses { get; init; }
    /// <summary>Package parameter values.</summary>
    public IReadOnlyList<ParamDef> With { get; init; } = [];
    /// <summary>Package and parameter overrides.</summary>
    public IReadOnlyList<PackageOverrideDef> Overrides { get; init; } = [];
    /// <summary>Task extensions.</summary>
    public IReadOnlyList<ExtensionDef> Extensions { get; init; } = [];
    /// <summary>Added or overriding tasks.</summary>
    public IReadOnlyList<TaskDef> Tasks { get; init; } = [];
    /// <summary>Added or overriding types.</summary>
    public IReadOnlyList<TypeDef> Types { get; init; } = [];
    /// <summary>Added imports.</summary>
    public IReadOnlyList<ImportDef> Imports { get; init; } = [];
    /// <summary>Added fragments.</summary>
    public IReadOnlyList<FragmentRef> Fragments { get; init; } = [];
    /// <summary>Description.</summary>
    public string? Desc { get; init; }
}
