using DvFlow.Model.Diagnostics;
using DvFlow.TaskApi;
using DvFlow.Tasks.Runtime;
using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>
/// Clean: deletes what the flow's builds created in the run root (see <see cref="RunRootMarker"/>): the task run
/// directories, the records and locks of tasks that ran in the run root itself, and the runner's own folders. Anything
/// else in it stays, and is named. It refuses (DVF0020) a run root no build marked, one that is a symbolic link, and
/// one that holds the project, a flow file or is the file system's root, so a mistaken DvFlowRunRoot never costs a file.
/// </summary>
public sealed class DvFlowClean : Microsoft.Build.Utilities.Task
{
    /// <summary>The run root.</summary>
    [Required] public string RunRoot { get; set; } = "";
    /// <summary>The project directory.</summary>
    [Required] public string ProjectDirectory { get; set; } = "";
    /// <summary>The root flow file.</summary>
    public string? FlowFile { get; set; }
    /// <summary>Every flow file the translation read (DvFlowInput): the root's, fragments, imported packages.</summary>
    public ITaskItem[] FlowFiles { get; set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        var given = Path.TrimEndingDirectorySeparator(Path.GetFullPath(RunRoot));
        if (Directory.Exists(given) && new DirectoryInfo(given).LinkTarget is { } target)
            return Refuse(given, $"it is a symbolic link (to '{target}'); set DvFlowRunRoot to the directory itself");
        if (!Directory.Exists(given))
        {
            Log.LogMessage(MessageImportance.Normal, "DvFlow: nothing to clean ({0} does not exist)", given);
            return true;
        }
        var root = RunDirectoryPath.RealPath(given);
        var project = RunDirectoryPath.RealPath(ProjectDirectory);
        if (Path.GetPathRoot(root) == root + Path.DirectorySeparatorChar || Path.GetPathRoot(root) == root)
            return Refuse(given, "it is the root of the file system");
        if (RunDirectoryPath.IsWithin(root, project))
            return Refuse(given, $"it holds the project directory '{ProjectDirectory}'");
        var flowFiles = FlowFiles.Select(i => i.GetMetadata("FullPath")).Append(FlowFile ?? "").Where(f => f.Length > 0 && File.Exists(f));
        if (flowFiles.Select(RunDirectoryPath.RealPath).FirstOrDefault(f => RunDirectoryPath.IsWithin(root, f)) is { } flow)
            return Refuse(given, $"it holds the flow file '{flow}'");

        var entries = new DirectoryInfo(root).EnumerateFileSystemInfos().ToList();
        var marked = RunRootMarker.IsMarked(root);
        var ours = entries.Where(e => e.LinkTarget is null && (
            RunRootMarker.IsRunnerFolder(e.Name) && e is DirectoryInfo
            || marked && e is DirectoryInfo d && RunRootMarker.IsTaskRunDirectory(d.FullName)
            || marked && e is FileInfo && RunRootMarker.IsTaskFile(e.Name))).ToList();
        var others = entries.Except(ours).ToList();
        if (!marked && others.Count > 0)
            return Refuse(given, $"no DvFlow build marked it as its run directory ({RunRootLock.Folder}/ is missing) and it holds {Describe(others)}");
        try
        {
            // The runner's own folder goes last: until then, an interrupted Clean still finds the run root marked.
            foreach (var e in ours.OrderBy(e => e.Name == RunRootLock.Folder))
            {
                if (e is DirectoryInfo d) d.Delete(recursive: true); // links inside are removed, never followed
                else e.Delete();
            }
            if (others.Count == 0) Directory.Delete(root);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, DiagnosticCodes.CleanRefused, null, given, 0, 0, 0, 0, "Clean could not delete everything in '{0}': {1}", given, ex.Message);
            return false;
        }
        if (others.Count == 0) Log.LogMessage(MessageImportance.High, "DvFlow: removed {0}", given);
        else Log.LogMessage(MessageImportance.High, "DvFlow: removed what builds created in {1} ({0} entries); left {2}, which no DvFlow build created",
            ours.Count, given, Describe(others));
        return true;
    }

    private static string Describe(IReadOnlyList<FileSystemInfo> entries)
        => string.Join(", ", entries.OrderBy(e => e.Name, StringComparer.Ordinal).Take(5).Select(e => $"'{e.Name}'")) + (entries.Count > 5 ? $" and {entries.Count - 5} more" : "");

    private bool Refuse(string root, string why)
    {
        Log.LogError(null, DiagnosticCodes.CleanRefused, null, root, 0, 0, 0, 0,
            "refusing to clean '{0}': {1}. Clean deletes only what DvFlow builds created; set DvFlowRunRoot to a directory used only for flow outputs", root, why);
        return false;
    }
}
