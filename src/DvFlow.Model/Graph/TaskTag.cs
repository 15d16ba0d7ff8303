using DvFlow.Model.Diagnostics;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Model.Graph;

/// <summary>
/// One entry of a task's <c>tags:</c>, elaborated: the tag's type (<c>std.Tag</c> or a type derived from it) and
/// its field values (the type's defaults, then the values written with the tag).
/// </summary>
/// <param name="Type">The fully qualified tag type.</param>
/// <param name="Values">Field values by name (<c>category</c>, <c>value</c> and the type's own fields).</param>
/// <param name="Location">Where the tag is written.</param>
public sealed record TaskTag(string Type, FlowMap Values, SourceLocation Location)
{
    /// <summary>The type every tag derives from (dfm's <c>std.Tag</c>).</summary>
    public const string BaseType = "std.Tag";

    /// <summary>The tag's <c>category</c> field ("" when unset).</summary>
    public string Category => Values.TryGetValue("category", out var c) && c is not null ? FlowValues.ToDisplayString(c) : "";

    /// <summary>The tag's <c>value</c> field ("" when unset).</summary>
    public string Value => Values.TryGetValue("value", out var v) && v is not null ? FlowValues.ToDisplayString(v) : "";
}
