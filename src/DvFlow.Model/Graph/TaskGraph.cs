using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Graph;

/// <summary>
/// The task graph for a set of requested tasks: every node reachable from them, in dependency order
/// (each node after all of its needs), plus the diagnostics found while building it.
/// </summary>
public sealed class TaskGraph
{
    internal TaskGraph(IReadOnlyList<TaskNode> roots, IReadOnlyList<TaskNode> ordered, IReadOnlyList<Diagnostic> diagnostics, string runRoot)
    {
        Roots = roots;
        Nodes = ordered;
        Diagnostics = diagnostics;
        RunRoot = runRoot;
        ByName = ordered.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    /// <summary>The requested nodes.</summary>
    public IReadOnlyList<TaskNode> Roots { get; }

    /// <summary>All nodes, dependencies first.</summary>
    public IReadOnlyList<TaskNode> Nodes { get; }

    /// <summary>Nodes by fully qualified name.</summary>
    public IReadOnlyDictionary<string, TaskNode> ByName { get; }

    /// <summary>Errors and warnings found while building the graph.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when an error was found; such a graph must not run.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The absolute run root directory.</summary>
    public string RunRoot { get; }
}
