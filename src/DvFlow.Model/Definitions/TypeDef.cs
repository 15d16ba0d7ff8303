using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Definitions;

/// <summary>A data type as written under <c>types:</c>: fields declared with <c>with:</c>, optionally derived with <c>uses:</c>.</summary>
public sealed record TypeDef(
    string Name,
    SourceLocation Location,
    NameRef? Uses,
    IReadOnlyList<ParamDef> With,
    string? Doc,
    string? Desc,
    string FragmentFile);
