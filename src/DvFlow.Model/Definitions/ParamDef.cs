using DvFlow.Model.Diagnostics;
using DvFlow.Model.Yaml;

namespace DvFlow.Model.Definitions;

/// <summary>
/// One entry of a <c>with:</c> block. It is either a plain value (<see cref="Value"/> set, no other field),
/// which overrides an inherited parameter or declares an untyped one, or the long form
/// <c>{type, value, doc, desc, append, prepend, path-append, path-prepend}</c>.
/// Values stay as located YAML nodes; they are typed and evaluated when the package is elaborated.
/// </summary>
public sealed record ParamDef(
    string Name,
    SourceLocation Location,
    string? Type,
    YNode? Value,
    YNode? Append,
    YNode? Prepend,
    YNode? PathAppend,
    YNode? PathPrepend,
    string? Doc,
    string? Desc,
    bool IsLongForm)
{
    /// <summary>True when the entry adds to an inherited list or path instead of replacing it.</summary>
    public bool HasListOp => Append is not null || Prepend is not null || PathAppend is not null || PathPrepend is not null;

    /// <summary>The keys of the long form.</summary>
    public static readonly IReadOnlyCollection<string> LongFormKeys =
        new HashSet<string>(StringComparer.Ordinal) { "type", "value", "doc", "desc", "append", "prepend", "path-append", "path-prepend", "srcinfo" };
}
