
namespace DvFlow.TaskApi;

/// <summary>What a task implementation returns: status (0 = success), whether its output changed, output items, markers and a memento.</summary>
public sealed class TaskDataResult
{
    /// <summary>0 for success; anything else fails the task.</summary>
    public int Status { get; set; }
    /// <summary>True when the outputs differ from the previous run (defaults to true, as in dfm).</summary>
    public bool Changed { get; set; } = true;
    /// <summary>Output items (restamped with this task as source).</summary>
    public List<DataItem> Output { get; } = new();
    /// <summary>Diagnostics.</summary>
    public List<TaskMarker> Markers { get; } = new();
    /// <summary>State for the next run (any JSON-serialisable flow value).</summary>
    public object? Memento { get; set; }
}
