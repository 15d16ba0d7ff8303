namespace DvFlow.TaskApi;

/// <summary>
/// Finds a command's executable on a given PATH. .NET resolves a bare program name against the PATH of
/// the current process, not the environment the child gets; a task whose std.Env inputs put a tool on
/// PATH (a simulator's bin directory) must find it there.
/// </summary>
public static class ExecutableSearch
{
    /// <summary>
    /// The full path of <paramref name="name"/> in the first directory of <paramref name="pathVariable"/>
    /// holding an executable file of that name; <paramref name="name"/> itself when it contains a directory
    /// separator; null when no directory has it.
    /// </summary>
    public static string? Find(string name, string? pathVariable)
    {
        if (name.Contains('/') || name.Contains(Path.DirectorySeparatorChar)) return name;
        foreach (var dir in (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (IsExecutable(candidate)) return Path.GetFullPath(candidate);
            if (OperatingSystem.IsWindows() && IsExecutable(candidate + ".exe")) return Path.GetFullPath(candidate + ".exe");
        }
        return null;
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path)) return false;
        if (OperatingSystem.IsWindows()) return true;
        return (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
