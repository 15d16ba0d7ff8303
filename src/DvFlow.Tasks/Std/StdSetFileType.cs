using DvFlow.Model.Dataflow;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;
using DvFlow.Tasks.Runtime;

namespace DvFlow.Tasks.Std;

/// <summary>std.SetFileType: outputs a copy of each consumed std.FileSet with its filetype replaced.</summary>
[StdTask("std.SetFileType")]
public sealed class StdSetFileType : ITaskImplementation, IWritesNoFiles
{
    /// <inheritdoc />
    public Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var result = new TaskDataResult { Changed = input.Changed };
        var filetype = input.Str("filetype");
        foreach (var item in input.Inputs.Where(i => i.Type == FileSetItem.Type))
        {
            var fields = item.Fields.Select(kv => kv.Key == "filetype" ? new KeyValuePair<string, object?>("filetype", filetype) : kv);
            result.Output.Add(new DataItem(item.Type, null, -1, new FlowMap(fields)));
        }
        return Task.FromResult(result);
    }
}
