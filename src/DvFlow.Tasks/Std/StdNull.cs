using DvFlow.TaskApi;
using DvFlow.Tasks.Runtime;

namespace DvFlow.Tasks.Std;

/// <summary>std.Null: does nothing; its passthrough forwards its inputs.</summary>
[StdTask("std.Null")]
public sealed class StdNull : ITaskImplementation, IWritesNoFiles
{
    /// <inheritdoc />
    public Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input) => Task.FromResult(new TaskDataResult { Changed = input.Changed });
}
