using DvFlow.TaskApi;

namespace DvFlow.HdlSim.RunData;

/// <summary>
/// Stages SimRun's run data: the files of its <c>simRunData</c> FileSets are copied into its run directory,
/// where the simulation runs, before it starts. A file keeps its path relative to its FileSet's base (a file
/// outside the base keeps only its name). Every source must be a readable regular file; copies land only
/// inside the run directory, never through a symbolic link found there, and never over the run's own log
/// or record. Problems are reported all at once and nothing is copied then.
/// </summary>
public static class RunDataStager
{
    /// <summary>The filetype of run-data FileSets.</summary>
    public const string FileType = "simRunData";

    /// <summary>The run-data files of <paramref name="input"/>, checked; or the reasons they cannot be staged.</summary>
    public static (IReadOnlyList<RunDataFile> Files, IReadOnlyList<string> Errors) Plan(TaskDataInput input, IReadOnlySet<string> reserved)
    {
        var files = new List<RunDataFile>();
        var errors = new List<string>();
        var byDestination = new Dictionary<string, RunDataFile>(StringComparer.Ordinal);
        foreach (var item in input.Inputs.Where(i => i.Type == FileSetItem.Type && i.GetString("filetype") == FileType))
        {
            var from = item.Src ?? "an input";
            var basedir = Path.GetFullPath(item.GetString("basedir") is { Length: > 0 } b ? b : ".", input.SrcDir);
            foreach (var name in item.GetStrings("files"))
            {
                var source = Path.GetFullPath(name, basedir);
                var file = new RunDataFile(source, DestinationOf(source, basedir), from);
                if (Problem(file) is { } problem) { errors.Add(problem); continue; }
                if (reserved.Contains(file.Destination))
                {
                    errors.Add($"run-data file '{source}' (from {from}) would replace the run's own '{file.Destination}'; rename it");
                    continue;
                }
                if (byDestination.TryGetValue(file.Destination, out var other))
                {
                    if (other.Source != source)
                        errors.Add($"run-data files '{other.Source}' (from {other.From}) and '{source}' (from {from}) would both be copied to '{file.Destination}'");
                    continue;
                }
                byDestination.Add(file.Destination, file);
                files.Add(file);
            }
        }
        return (files, errors);
    }

    /// <summary>
    /// Copies <paramref name="files"/> into <paramref name="runDir"/>, replacing earlier copies, and removes the
    /// earlier copies of <paramref name="previous"/> (destinations staged by the last run) no longer staged.
    /// Returns the problems met; the copies made before one stay.
    /// </summary>
    public static IReadOnlyList<string> Copy(string runDir, IReadOnlyList<RunDataFile> files, IEnumerable<string> previous)
    {
        var errors = new List<string>();
        runDir = Path.GetFullPath(runDir);
        foreach (var stale in previous.Except(files.Select(f => f.Destination), StringComparer.Ordinal))
        {
            if (Inside(runDir, stale) is not { } path || ThroughLink(runDir, stale) is not null) continue;
            if (new FileInfo(path) is { Exists: true, LinkTarget: null }) File.Delete(path);
        }
        foreach (var file in files)
        {
            if (Inside(runDir, file.Destination) is not { } target)
            {
                errors.Add($"run-data file '{file.Source}' (from {file.From}) would be copied outside the run directory {runDir}");
                continue;
            }
            if (ThroughLink(runDir, file.Destination) is { } link)
            {
                errors.Add($"refusing to copy run-data file '{file.Source}' (from {file.From}) to '{target}': '{link}' is a symbolic link, which may lead out of the run directory");
                continue;
            }
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (Directory.Exists(target) && new DirectoryInfo(target).LinkTarget is null)
                {
                    errors.Add($"cannot copy run-data file '{file.Source}' (from {file.From}): '{target}' is a directory in the run directory");
                    continue;
                }
                // Remove what is there first (an earlier copy, or a link: File.Delete removes the link itself), then
                // create the copy afresh, so nothing is ever written through a link.
                if (File.Exists(target) || new FileInfo(target).LinkTarget is not null) File.Delete(target);
                File.Copy(file.Source, target, overwrite: false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add($"cannot copy run-data file '{file.Source}' (from {file.From}) to '{target}': {ex.Message}");
            }
        }
        return errors;
    }

    // Relative to the base when the file is under it; else only its name (the run directory holds no '..').
    private static string DestinationOf(string source, string basedir)
    {
        var rel = Path.GetRelativePath(basedir, source);
        return rel == ".." || rel.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(rel)
            ? Path.GetFileName(source)
            : rel;
    }

    private static string? Problem(RunDataFile file)
    {
        var what = $"run-data file '{file.Source}' (from {file.From})";
        switch (FileKinds.Of(file.Source))
        {
            case FileKind.Missing: return $"{what} does not exist";
            case FileKind.Directory: return $"{what} is a directory; a simRunData FileSet lists files";
            case FileKind.Special: return $"{what} is not a regular file (a FIFO, socket or device cannot be copied)";
        }
        try
        {
            using var _ = File.OpenRead(file.Source);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{what} cannot be read: {ex.Message}";
        }
    }

    // Below the run directory, as written (links are refused separately by ThroughLink); never the directory itself.
    private static string? Inside(string runDir, string relative)
    {
        var full = Path.GetFullPath(relative, runDir);
        return full != runDir && RunDirectoryPath.IsWithin(runDir, full) ? full : null;
    }

    // The first directory between the run directory and the destination that is a symbolic link, if any.
    private static string? ThroughLink(string runDir, string relative)
    {
        var dir = runDir;
        var parts = relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts[..^1])
        {
            dir = Path.Combine(dir, part);
            if (new DirectoryInfo(dir).LinkTarget is not null) return dir;
        }
        return null;
    }
}
