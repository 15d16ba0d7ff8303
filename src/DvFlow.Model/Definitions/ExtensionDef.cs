using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Definitions;

/// <summary>An entry of a config's <c>extensions:</c>: adds parameters or needs to an existing task, or changes its base.</summary>
public sealed record ExtensionDef(
    NameRef Task,
    NameRef? Uses,
    IReadOnlyList<ParamDef> With,
    IReadOnlyList<NameRef> Needs,
    SourceLocation Location);
