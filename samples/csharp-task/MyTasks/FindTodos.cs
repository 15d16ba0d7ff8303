using System.Text.RegularExpressions;
using DvFlow.TaskApi;

namespace MyTasks;

/// <summary>
/// run: MyTasks.FindTodos.Run — the log-parsing pattern: runs a tool (grep) with ctxt.ExecAsync and turns
/// each 'file:line:text' line of its output into a warning marker the IDE can jump to.
/// </summary>
public static partial class FindTodos
{
    [GeneratedRegex(@"^(?<file>[^:]+):(?<line>\d+):(?<text>.*)$")]
    private static partial Regex ToolLine();

    public static async Task<TaskDataResult> Run(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var files = input.Inputs.Where(i => i.Type == "std.FileSet").SelectMany(Files).ToList();
        var result = new TaskDataResult { Changed = false };
        if (files.Count == 0) return result;
        var found = 0;
        var status = await ctxt.ExecAsync(["grep", "-n", "-H", input.Str("marker"), .. files], "grep.log", logFilter: line =>
        {
            var m = ToolLine().Match(line);
            if (!m.Success) return;
            Interlocked.Increment(ref found);
            ctxt.AddMarker(new TaskMarker(MarkerSeverity.Warning, m.Groups["text"].Value.Trim(), m.Groups["file"].Value, int.Parse(m.Groups["line"].Value)) { Code = "TODO" });
        });
        // grep exits 1 when nothing matches: that is success here, so drop the runner's failure marker.
        if (status == 1) ctxt.Markers.RemoveAll(m => m.Severity == MarkerSeverity.Error);
        else result.Status = status;
        ctxt.Info($"{found} TODO(s) in {files.Count} file(s)");
        return result;
    }

    private static IEnumerable<string> Files(DataItem fileset)
    {
        var basedir = fileset.GetString("basedir");
        return fileset.TryGet("files", out var f) && f is IReadOnlyList<object?> files
            ? files.Select(x => Path.Combine(basedir, FlowValues.ToDisplayString(x)))
            : [];
    }
}
