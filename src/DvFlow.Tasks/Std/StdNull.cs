using DvFlow.TaskApi;

namespace DvFlow.Tasks.Std;

/// <summary>std.Null: does nothing; its passthrough forwards its inputs.</summary>
public sealed class StdNull : ITaskImplementation
{
    /// <inheritdoc />
    public Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input) => Task.FromResult(new TaskDataResult { Changed = input.Changed });
}
