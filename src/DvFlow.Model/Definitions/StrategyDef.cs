using DvFlow.Model.Diagnostics;
using DvFlow.Model.Yaml;

namespace DvFlow.Model.Definitions;

/// <summary>
/// A task's <c>strategy:</c>. <see cref="Matrix"/> expands the task's body once per combination of
/// values (each axis a list, or an expression that yields one); <see cref="Generate"/> names a generator that creates tasks when the graph is built.
/// </summary>
public sealed record StrategyDef(
    IReadOnlyList<KeyValuePair<string, YNode>>? Matrix,
    GenerateDef? Generate,
    bool Chain,
    IReadOnlyList<TaskDef> Body,
    SourceLocation Location);

/// <summary>A <c>strategy.generate</c> entry: the generator reference (or script) and how it runs.</summary>
public sealed record GenerateDef(string? Shell, string Run, SourceLocation Location);
