namespace DvFlow.Tasks.Std;

/// <summary>
/// Declares a class as the implementation of a std task (<c>run: std.X</c> with <c>shell: builtin</c> in std's flow.yaml
/// beside it), with what the planner needs to know of it. <see cref="StdLibrary"/> finds every class so marked.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StdTaskAttribute(string name) : Attribute
{
    /// <summary>The std name, e.g. <c>std.Exec</c>.</summary>
    public string Name { get; } = name;

    /// <summary>True when the task runs processes: it is scheduled like a tool (in a batch, bounded by -m) instead of inline.</summary>
    public bool RunsProcesses { get; init; }
}
