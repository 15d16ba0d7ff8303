using System.Security.Cryptography;
using System.Text;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Std;

/// <summary>
/// std.CreateFile: writes <c>content</c> to <c>filename</c> in the run directory (only when it differs,
/// so downstream tasks see an unchanged file) and outputs it as a std.FileSet of filetype <c>type</c>.
/// </summary>
[StdTask("std.CreateFile")]
public sealed class StdCreateFile : ITaskImplementation
{
    /// <inheritdoc />
    public async Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var result = new TaskDataResult();
        var filename = input.Str("filename");
        if (filename.Length == 0)
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, "std.CreateFile needs a 'filename'"));
            return result;
        }
        var path = Path.GetFullPath(Path.Combine(input.RunDir, filename));
        if (!path.StartsWith(Path.GetFullPath(input.RunDir) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, $"std.CreateFile 'filename' must stay inside the task's run directory: '{filename}'"));
            return result;
        }
        string real;
        try { real = RunDirectoryPath.Resolve(input.RunDir, filename); }
        catch (RunDirectoryEscapeException ex)
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, "std.CreateFile: " + ex.Message) { Code = Model.Diagnostics.DiagnosticCodes.OutsideRunRoot });
            return result;
        }
        var content = input.Str("content");
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content))).ToLowerInvariant();
        var memento = FlowMap.Of(("name", filename), ("hash", hash));
        var unchanged = !input.Changed && input.Memento is not null && FlowValues.ValueEquals(input.Memento, memento) && File.Exists(path);
        if (!unchanged)
        {
            // The real path: a link a script left in the run directory is written through only when it stays inside.
            Directory.CreateDirectory(Path.GetDirectoryName(real)!);
            await File.WriteAllTextAsync(real, content, new UTF8Encoding(false), ctxt.Cancel).ConfigureAwait(false);
        }
        result.Changed = !unchanged;
        result.Memento = memento;
        var incdirs = input.Bool("incdir") ? new[] { input.RunDir } : [];
        result.Output.Add(FileSetItem.Create(input.Str("type"), input.RunDir, [filename.Replace('\\', '/')], incdirs));
        return result;
    }
}
