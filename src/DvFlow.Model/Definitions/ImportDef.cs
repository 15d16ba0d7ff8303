using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Definitions;

/// <summary>
/// An entry of <c>imports:</c>. Either a path (relative to the importing file, then the project root)
/// or a package name (the registry), with an optional alias, parameter overrides and the config to select in it.
/// </summary>
public sealed record ImportDef(
    string Target,
    bool IsPath,
    string? Alias,
    IReadOnlyList<ParamDef> With,
    SourceLocation Location,
    string ImportingFile,
    string? Config = null);
