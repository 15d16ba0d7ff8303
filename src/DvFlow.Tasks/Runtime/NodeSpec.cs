using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime;

/// <summary>
/// Everything the runner needs to execute one task node, as written to the plan file at translation
/// time. Values are typed here; strings exist only in the plan file (<see cref="FlowPlanJson"/>).
/// </summary>
public sealed record NodeSpec
{
    /// <summary>Fully qualified node name.</summary>
    public required string Name { get; init; }
    /// <summary>The MSBuild target that runs the node.</summary>
    public required string Target { get; init; }
    /// <summary>The declaring package.</summary>
    public required string Package { get; init; }
    /// <summary>Node kind.</summary>
    public required Model.Graph.TaskNodeKind Kind { get; init; }
    /// <summary>Implementation kind for leaves (bash, builtin, pytask, ...).</summary>
    public string? Shell { get; init; }
    /// <summary>Script body or implementation reference.</summary>
    public string? Run { get; init; }
    /// <summary>Item type produced by DataItem nodes.</summary>
    public string? DataType { get; init; }
    /// <summary>Parameter values in declaration order.</summary>
    public FlowMap Params { get; init; } = FlowMap.Empty;
    /// <summary>Names of the nodes this one needs, in order.</summary>
    public IReadOnlyList<string> Needs { get; init; } = [];
    /// <summary>Which inputs the task consumes.</summary>
    public Model.Graph.DataFilterSpec Consumes { get; init; } = Model.Graph.DataFilterSpec.All;
    /// <summary>Which inputs pass through to the task's output.</summary>
    public Model.Graph.DataFilterSpec Passthrough { get; init; } = Model.Graph.DataFilterSpec.Unused;
    /// <summary>Declared produces patterns, or null.</summary>
    public IReadOnlyList<object?>? Produces { get; init; }
    /// <summary>Absolute run directory.</summary>
    public required string RunDir { get; init; }
    /// <summary>Directory of the defining flow file.</summary>
    public required string SrcDir { get; init; }
    /// <summary>False when iff evaluated to false.</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>"default", "never", or the name of a custom check.</summary>
    public string Uptodate { get; init; } = "default";
    /// <summary>The enclosing compound node, if any.</summary>
    public string? Parent { get; init; }
    /// <summary>Where the task is declared: its errors and warnings point there unless a tool names a source line.</summary>
    public Model.Diagnostics.SourceLocation? Location { get; init; }
    /// <summary>Where the <c>run:</c> value starts, in MSBuild's file(line,col) form (inline C# maps its errors there).</summary>
    public string? RunLocation { get; init; }
    /// <summary>One-line description.</summary>
    public string? Desc { get; init; }
    /// <summary>True for nodes that run processes: they get their own MSBuild project instance so they run in parallel.</summary>
    public bool Heavy { get; init; }
    /// <summary>A marker that names no file of its own (a failed command, a refusal, an exception) points at the task in the flow file.</summary>
    public DvFlow.TaskApi.TaskMarker Locate(DvFlow.TaskApi.TaskMarker m)
        => m.Path is null && Location is { } at ? m with { Path = at.File, Line = at.Line, Column = at.Column } : m;

    /// <summary>True for a test (a task tagged with category <c>test</c>, such as every <c>hdlsim</c> SimRun): <c>dotnet test</c> runs and reports it.</summary>
    public bool IsTest { get; init; }
    /// <summary>The matrix cell the node belongs to (its <c>matrix.x</c> values), named in its test name; null outside a matrix.</summary>
    public FlowMap? Matrix { get; init; }

    /// <summary>True for cheap nodes that a process-running node depends on: they may run in several project instances at once, so they take a lock.</summary>
    public bool Shared { get; init; }
}
