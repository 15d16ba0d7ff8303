using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Elaboration;

/// <summary>A package parameter with its final value (after import, config and command-line overrides).</summary>
public sealed record PackageParam(string Name, string Type, object? Value, string? Doc, SourceLocation Location);
