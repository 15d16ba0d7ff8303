using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Std;

/// <summary>
/// std.Exec: runs <c>command</c> with <c>shell</c> (default bash) in the run directory, logging to
/// &lt;task&gt;.log. With <c>when: always</c> it runs on every build; with the default <c>changed</c> it
/// is skipped when its parameters and inputs are unchanged.
/// </summary>
[StdTask("std.Exec", RunsProcesses = true)]
public sealed class StdExec : ITaskImplementation, IAlwaysRuns
{
    /// <inheritdoc />
    public bool AlwaysRuns(FlowMap parameters) => parameters.TryGetValue("when", out var w) && w is "always";

    /// <inheritdoc />
    public async Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var result = new TaskDataResult();
        var command = input.Str("command");
        if (command.Trim().Length == 0)
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, "std.Exec needs a 'command'"));
            return result;
        }
        var shell = input.Str("shell");
        result.Status = await ctxt.ExecAsync([shell.Length == 0 ? "bash" : shell, "-c", command], input.Name + ".log").ConfigureAwait(false);
        return result;
    }
}
