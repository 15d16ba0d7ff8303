namespace DvFlow.Tasks.Runtime;

/// <summary>
/// How a run root and the run directories in it are recognised as the runner's own, so that Clean deletes only what
/// builds created. A run root is marked by <c>.dvflow/run-root</c>, written when a build first takes its lock; a task's
/// run directory holds the task's lock file (<c>.pkg.task.lock</c>) from the moment the runner first enters it, and
/// its record (<c>pkg.task.exec_data.json</c>) once it ran.
/// </summary>
public static class RunRootMarker
{
    private const string MarkerName = "run-root";

    private static string MarkerFile(string runRoot) => Path.Combine(runRoot, RunRootLock.Folder, MarkerName);

    /// <summary>Marks <paramref name="runRoot"/> (whose <c>.dvflow</c> folder exists) as a run root, once.</summary>
    public static void Mark(string runRoot)
    {
        var marker = MarkerFile(runRoot);
        if (File.Exists(marker)) return;
        var tmp = marker + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(tmp, "A DvFlow run directory: dotnet build -t:Clean deletes what DvFlow builds created here, and nothing else.\n");
        File.Move(tmp, marker, overwrite: true);
    }

    /// <summary>True when a build marked <paramref name="runRoot"/>.</summary>
    public static bool IsMarked(string runRoot) => File.Exists(MarkerFile(runRoot));

    /// <summary>Folders of the run root that only the runner writes (its lock and marker, the inline C# cache).</summary>
    public static bool IsRunnerFolder(string name) => name is RunRootLock.Folder or CSharp.InlineCSharp.CacheFolder;

    /// <summary>True for a task's lock file or record: the files the runner writes into every run directory it uses.</summary>
    public static bool IsTaskFile(string fileName)
        => (fileName.StartsWith('.') && fileName.EndsWith(".lock", StringComparison.Ordinal) && fileName.Length > ".x.lock".Length && fileName[1..^5].Contains('.'))
           || (fileName.EndsWith(ExecData.FileName(""), StringComparison.Ordinal) && fileName.Length > ExecData.FileName("").Length);

    /// <summary>
    /// True when <paramref name="dir"/> is a run directory the runner used: it, or a directory below it (a compound's
    /// subtasks), holds a task's lock file or record. Symbolic links are not followed.
    /// </summary>
    public static bool IsTaskRunDirectory(string dir)
    {
        var pending = new Stack<string>([dir]);
        while (pending.Count > 0)
        {
            var subs = new List<string>();
            foreach (var e in new DirectoryInfo(pending.Pop()).EnumerateFileSystemInfos())
            {
                if (e.LinkTarget is not null) continue;
                if (e is DirectoryInfo sub) subs.Add(sub.FullName);
                else if (IsTaskFile(e.Name)) return true; // a directory's own files first: the answer is nearly always there
            }
            foreach (var sub in subs) pending.Push(sub);
        }
        return false;
    }
}
