namespace DvFlow.Tasks.Runtime;

/// <summary>The translated flow: its nodes by name, where it runs, and what it was derived from.</summary>
public sealed class FlowPlan
{
    /// <summary>Creates a plan.</summary>
    public FlowPlan(string rootPackage, string runRoot, string projectDir, IReadOnlyList<NodeSpec> nodes, string flowFile = "")
    {
        FlowFile = flowFile;
        RootPackage = rootPackage;
        RunRoot = runRoot;
        ProjectDir = projectDir;
        Nodes = nodes;
        ByName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    /// <summary>The root flow file: where diagnostics of the flow as a whole point.</summary>
    public string FlowFile { get; }

    /// <summary>The root package name.</summary>
    public string RootPackage { get; }

    /// <summary>The absolute run root (rundir).</summary>
    public string RunRoot { get; }

    /// <summary>The project directory.</summary>
    public string ProjectDir { get; }

    /// <summary>All nodes, dependencies first.</summary>
    public IReadOnlyList<NodeSpec> Nodes { get; }

    /// <summary>Nodes by name.</summary>
    public IReadOnlyDictionary<string, NodeSpec> ByName { get; }
}
