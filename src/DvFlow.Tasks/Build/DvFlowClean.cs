using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>
/// Clean: deletes the run directory, which holds everything the flow produced. Refuses run roots that
/// contain the project or the flow file, so a mistaken DvFlowRunRoot can never delete user files.
/// </summary>
public sealed class DvFlowClean : Microsoft.Build.Utilities.Task
{
    /// <summary>The run root.</summary>
    [Required] public string RunRoot { get; set; } = "";
    /// <summary>The project directory.</summary>
    [Required] public string ProjectDirectory { get; set; } = "";
    /// <summary>The root flow file.</summary>
    public string? FlowFile { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(RunRoot));
        var project = Path.TrimEndingDirectorySeparator(Path.GetFullPath(ProjectDirectory));
        bool Contains(string dir, string path) => path == dir || path.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (Contains(root, project) || (FlowFile is { Length: > 0 } f && Contains(root, Path.GetFullPath(f))))
        {
            Log.LogError(null, "DVF0020", null, null, 0, 0, 0, 0,
                "refusing to clean '{0}': it contains the project or its flow file; set DvFlowRunRoot to a directory used only for flow outputs", root);
            return false;
        }
        if (!Directory.Exists(root))
        {
            Log.LogMessage(MessageImportance.Normal, "DvFlow: nothing to clean ({0} does not exist)", root);
            return true;
        }
        Directory.Delete(root, recursive: true);
        Log.LogMessage(MessageImportance.High, "DvFlow: removed {0}", root);
        return true;
    }
}
