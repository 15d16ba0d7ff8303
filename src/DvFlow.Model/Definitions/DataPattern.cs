using DvFlow.Model.Diagnostics;
using DvFlow.Model.Yaml;

namespace DvFlow.Model.Definitions;

/// <summary>
/// A <c>consumes</c>, <c>passthrough</c> or <c>produces</c> pattern as written: field names and values
/// (values may hold <c>${{ }}</c> expressions, which are evaluated per task instance).
/// </summary>
public sealed record DataPattern(IReadOnlyList<KeyValuePair<string, YNode>> Fields, SourceLocation Location);
