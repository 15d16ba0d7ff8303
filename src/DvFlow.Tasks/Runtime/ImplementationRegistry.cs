using DvFlow.TaskApi;
using DvFlow.Tasks.Std;

namespace DvFlow.Tasks.Runtime;

/// <summary>Finds the implementation of a node: built-in std tasks, task libraries (<see cref="ITaskLibrary"/>) and script shells.</summary>
public sealed class ImplementationRegistry
{
    private readonly Dictionary<string, Func<ITaskImplementation>> _builtins = new(StdLibrary.Implementations, StringComparer.Ordinal);

    /// <summary>Registers every implementation of <paramref name="library"/>; std names cannot be replaced.</summary>
    public ImplementationRegistry AddLibrary(ITaskLibrary library)
    {
        foreach (var (name, factory) in library.Implementations)
            if (!name.StartsWith("std.", StringComparison.Ordinal)) _builtins[name] = factory;
        return this;
    }

    /// <summary>The std implementations plus those of <paramref name="libraries"/>.</summary>
    public static ImplementationRegistry With(IEnumerable<ITaskLibrary> libraries)
    {
        var reg = new ImplementationRegistry();
        foreach (var lib in libraries) reg.AddLibrary(lib);
        return reg;
    }

    /// <summary>Resolves <c>shell: csharp</c> tasks and C# up-to-date checks against the build's task libraries (null: no libraries given).</summary>
    public CSharp.CSharpTaskResolver? CSharp { get; set; }

    /// <summary>Registers a built-in implementation under <paramref name="name"/> (the <c>run:</c> of a <c>shell: builtin</c> task).</summary>
    public void AddBuiltin(string name, Func<ITaskImplementation> factory) => _builtins[name] = factory;

    /// <summary>The implementation of <paramref name="node"/>, or null with the reason.</summary>
    public ITaskImplementation? Resolve(NodeSpec node, out string? error)
    {
        error = null;
        if (node.Kind == Model.Graph.TaskNodeKind.DataItem) return new DataItemTask(node.DataType!);
        if (node.Kind != Model.Graph.TaskNodeKind.Leaf) return new StdNull();
        var shell = node.Shell ?? "bash";
        if (shell == "builtin")
        {
            if (_builtins.TryGetValue(node.Run ?? "", out var f)) return f();
            error = $"unknown built-in implementation '{node.Run}'";
            return null;
        }
        if (Model.Definitions.ScriptShells.Contains(shell)) return new ShellTask(shell, node.Run ?? "");
        if (shell == "csharp")
        {
            if (CSharp is not null) return CSharp.ResolveTask(node.Run ?? "", node.RunLocation, out error);
            error = $"'shell: csharp' task '{node.Run}' cannot be resolved: no task libraries are available to this build";
            return null;
        }
        if (shell == "pytask")
            error = $"'shell: pytask' runs Python code ({node.Run}), which DvFlow.Sdk cannot execute; implement the task in C# or as a shell script";
        else
            error = $"unknown shell '{shell}'; supported: {string.Join(", ", Model.Definitions.ScriptShells.Names.Order())}, builtin, csharp";
        return null;
    }

    /// <summary>True for built-ins that must run every time because their inputs are not fully known to the runner (globs).</summary>
    public static bool AlwaysRuns(NodeSpec node) => node.Shell == "builtin" && StdLibrary.AlwaysRuns(node.Run ?? "", node.Params);
}
