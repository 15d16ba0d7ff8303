using DvFlow.TaskApi;

namespace DvFlow.Model.Graph;

/// <summary>What a task node does when it runs.</summary>
public enum TaskNodeKind
{
    /// <summary>Runs an implementation: a shell script, a built-in std task, or task-library code.</summary>
    Leaf,
    /// <summary>Produces one data item of a declared type from its parameters (a task whose base is a type).</summary>
    DataItem,
    /// <summary>No implementation: passes data according to consumes/passthrough.</summary>
    Null,
    /// <summary>The input sentinel of a compound task (<c>name.in</c>): forwards the compound's inputs to its subtasks.</summary>
    CompoundInput,
    /// <summary>The output of a compound task: the union of its terminal subtasks' outputs.</summary>
    Compound,
}
