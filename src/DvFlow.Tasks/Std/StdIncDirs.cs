using DvFlow.TaskApi;
using DvFlow.Tasks.Runtime;

namespace DvFlow.Tasks.Std;

/// <summary>std.IncDirs: for each consumed input with a basedir and filetype, a std.FileSet whose include directory is that basedir.</summary>
[StdTask("std.IncDirs")]
public sealed class StdIncDirs : ITaskImplementation, IWritesNoFiles
{
    /// <inheritdoc />
    public Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var result = new TaskDataResult { Changed = input.Changed };
        foreach (var item in input.Inputs)
        {
            var basedir = item.GetString("basedir");
            if (basedir.Length == 0 || !item.TryGet("filetype", out _)) continue;
            result.Output.Add(FileSetItem.Create(item.GetString("filetype"), basedir, [], [basedir]));
        }
        return Task.FromResult(result);
    }
}
