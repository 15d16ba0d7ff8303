using DvFlow.Model.Diagnostics;
using DvFlow.Model.Yaml;

namespace DvFlow.Model.Definitions;

/// <summary>
/// A task exactly as written in a flow file. Nothing here is resolved yet: names are as written and
/// values are located YAML nodes. <see cref="Elaboration"/> turns these into the package model.
/// </summary>
public sealed record TaskDef
{
    /// <summary>The task's short name. For the <c>override: x</c> marker form without a name, the overridden task's name.</summary>
    public required string Name { get; init; }
    /// <summary>Where the task's entry starts.</summary>
    public required SourceLocation Location { get; init; }
    /// <summary>The file the task was declared in; local tasks are visible only there.</summary>
    public required string FragmentFile { get; init; }
    /// <summary>Visibility.</summary>
    public TaskScope Scope { get; init; }
    /// <summary>The base task or type (<c>uses:</c>, alias <c>type:</c>).</summary>
    public NameRef? Uses { get; init; }
    /// <summary>Dependencies.</summary>
    public IReadOnlyList<NameRef> Needs { get; init; } = [];
    /// <summary>Inverse dependencies: these tasks need this one.</summary>
    public IReadOnlyList<NameRef> Feeds { get; init; } = [];
    /// <summary>Parameter overrides and declarations.</summary>
    public IReadOnlyList<ParamDef> With { get; init; } = [];
    /// <summary>The <c>iff:</c> condition (a bool or an expression), or null.</summary>
    public YNode? Iff { get; init; }
    /// <summary>What inputs reach the implementation; null means the default for the task kind.</summary>
    public DataFilter? Consumes { get; init; }
    /// <summary>What inputs are forwarded to the output; null means <c>unused</c>.</summary>
    public DataFilter? Passthrough { get; init; }
    /// <summary>Declared outputs; null when not declared (unknown outputs).</summary>
    public IReadOnlyList<DataPattern>? Produces { get; init; }
    /// <summary>Run directory mode; null means inherited from the base or <c>unique</c>.</summary>
    public RundirMode? Rundir { get; init; }
    /// <summary>The task this one replaces (<c>override:</c>).</summary>
    public NameRef? Override { get; init; }
    /// <summary>Subtasks; non-null makes a compound task.</summary>
    public IReadOnlyList<TaskDef>? Body { get; init; }
    /// <summary>One-line description.</summary>
    public string? Desc { get; init; }
    /// <summary>Long documentation.</summary>
    public string? Doc { get; init; }
    /// <summary>The implementation kind: <c>bash</c>, <c>sh</c>, <c>csh</c>, <c>tcsh</c>, <c>pytask</c>, <c>csharp</c>, ...; null when not given.</summary>
    public string? Shell { get; init; }
    /// <summary>The implementation: a script body or a code reference, depending on <see cref="Shell"/>.</summary>
    public string? Run { get; init; }
    /// <summary>Where <see cref="Run"/> starts, so that errors in inline code can point at it.</summary>
    public SourceLocation? RunLocation { get; init; }
    /// <summary>The YAML scalar holding <see cref="Run"/>, to locate errors inside a multi-line script exactly.</summary>
    public YNode? RunNode { get; init; }
    /// <summary>The <c>uptodate:</c> setting: false, or the name of a custom check; null for the default check.</summary>
    public YNode? Uptodate { get; init; }
    /// <summary>The <c>strategy:</c>, or null.</summary>
    public StrategyDef? Strategy { get; init; }
    /// <summary>Free-form tags, kept for tools.</summary>
    public IReadOnlyList<YNode> Tags { get; init; } = [];

    /// <summary>True when the task has a body of subtasks (including a matrix body).</summary>
    public bool IsCompound => Body is not null || Strategy?.Matrix is not null;
}
