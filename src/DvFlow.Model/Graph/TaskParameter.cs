using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Graph;

/// <summary>A task parameter with its final, typed value for one task instance.</summary>
public sealed record TaskParameter(string Name, string Type, object? Value, string? Doc, SourceLocation? Location);
