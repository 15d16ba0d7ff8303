using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Graph;

/// <summary>
/// The task graph for a set of requested tasks: every node reachable from them, in dependency order
/// (each node after all of its needs), plus the diagnostics found while building it.
/// </summary>
public sealed class TaskGraph
{
    internal TaskGraph(IReadOnlyList<TaskNode> roots, IReadOnlyList<TaskNode> ordered, IReadOnlyList<Diagnostic> diagnostics, string runRoot, IReadOnlyList<string> generatorInputs)
    {
        GeneratorInputs = generatorInputs;
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

    /// <summary>Files that <c>strategy.generate</c> generators read while building the graph: the graph is stale when one changes.</summary>
    public IReadOnlyList<string> GeneratorInputs { get; }

    /// <summary>The absolute run root directory.</summary>
    public string RunRoot { get; }
}
