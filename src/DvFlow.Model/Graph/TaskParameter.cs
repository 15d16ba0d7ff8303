using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Graph;

/// <summary>A task parameter's declaration as it applies to one task instance: its value is in <see cref="TaskNode.ParamValues"/>.</summary>
public sealed record TaskParameter(string Name, string Type, string? Doc, SourceLocation? Location);
