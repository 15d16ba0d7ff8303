using DvFlow.TaskApi;
using DvFlow.Tasks.Runtime;

namespace DvFlow.Tasks.Std;

/// <summary>std.Message: prints <c>msg</c> to the build log as "task: msg".</summary>
[StdTask("std.Message")]
public sealed class StdMessage : ITaskImplementation, IWritesNoFiles
{
    /// <inheritdoc />
    public Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        ctxt.Info(input.Str("msg"));
        return Task.FromResult(new TaskDataResult());
    }
}
