using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Definitions;

/// <summary>
/// The content of one flow file: a <c>package:</c> (with a name) or a <c>fragment:</c>.
/// Fragments carry the same lists as packages, minus the name and parameters.
/// </summary>
public sealed record FlowFileDef
{
    /// <summary>The absolute path of the file.</summary>
    public required string FilePath { get; init; }
    /// <summary>True for a <c>package:</c> document.</summary>
    public required bool IsPackage { get; init; }
    /// <summary>The package name (empty for a fragment, unless the fragment names its package).</summary>
    public string Name { get; init; } = "";
    /// <summary>Where the document starts.</summary>
    public required SourceLocation Location { get; init; }
    /// <summary>Description.</summary>
    public string? Desc { get; init; }
    /// <summary>Documentation.</summary>
    public string? Doc { get; init; }
    /// <summary>Package parameters.</summary>
    public IReadOnlyList<ParamDef> Params { get; init; } = [];
    /// <summary>Imports.</summary>
    public IReadOnlyList<ImportDef> Imports { get; init; } = [];
    /// <summary>Types.</summary>
    public IReadOnlyList<TypeDef> Types { get; init; } = [];
    /// <summary>Tasks.</summary>
    public IReadOnlyList<TaskDef> Tasks { get; init; } = [];
    /// <summary>Configs.</summary>
    public IReadOnlyList<ConfigDef> Configs { get; init; } = [];
    /// <summary>Fragments.</summary>
    public IReadOnlyList<FragmentRef> Fragments { get; init; } = [];
    /// <summary>Package-level overrides (as in configs).</summary>
    public IReadOnlyList<PackageOverrideDef> Overrides { get; init; } = [];
}
