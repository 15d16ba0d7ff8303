using DvFlow.Model.Dataflow;
using DvFlow.TaskApi;
using DvFlow.Tasks.Runtime;

namespace DvFlow.Tasks.Std;

/// <summary>A task whose base is a type: outputs one item of that type whose fields are the task's parameters.</summary>
public sealed class DataItemTask(string type) : ITaskImplementation, IWritesNoFiles
{
    /// <inheritdoc />
    public Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var result = new TaskDataResult { Changed = input.Changed };
        result.Output.Add(new DataItem(type, null, -1, input.Params));
        return Task.FromResult(result);
    }
}
