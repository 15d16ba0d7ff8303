namespace DvFlow.TaskApi;

/// <summary>
/// Paths in a task's run directory as the file system resolves them. A script can leave a symbolic link in a run
/// directory (<c>victim.txt -> /elsewhere/victim.txt</c>, or a linked folder); a task that later writes by name
/// would then write outside. Writing through <see cref="Resolve"/> or <see cref="WriteAllTextAsync"/> resolves every
/// link first and refuses a path that lands outside the run directory.
/// </summary>
public static class RunDirectoryPath
{
    private const int MaxLinks = 40; // as the kernel's ELOOP

    /// <summary>
    /// <paramref name="path"/> with every symbolic link in its existing part resolved, and <c>.</c>/<c>..</c> applied
    /// after the links they follow (as the operating system does). The part that does not exist is kept as written.
    /// </summary>
    public static string RealPath(string path)
    {
        var rooted = Path.IsPathRooted(path) ? path : Path.Combine(Environment.CurrentDirectory, path);
        var root = Path.GetPathRoot(rooted)!;
        var remaining = new Stack<string>();
        Push(remaining, rooted[root.Length..]);
        var current = root;
        var links = 0;
        while (remaining.Count > 0)
        {
            var part = remaining.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }
            var next = Path.Combine(current, part);
            string? target;
            try { target = new FileInfo(next).LinkTarget; }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { target = null; }
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks) throw new IOException($"too many levels of symbolic links in '{path}'");
            // The target is taken apart again: its own folders may be links.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }
            Push(remaining, target);
        }
        return current;
    }

    private static void Push(Stack<string> remaining, string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--) remaining.Push(parts[i]);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="dir"/> or lies below it (both full paths, compared as written).</summary>
    public static bool IsWithin(string dir, string path)
    {
        dir = Path.TrimEndingDirectorySeparator(dir);
        path = Path.TrimEndingDirectorySeparator(path);
        return path == dir || path.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>
    /// The real path of <paramref name="relativePath"/> in <paramref name="runDir"/>; throws
    /// <see cref="RunDirectoryEscapeException"/> when it resolves outside the run directory's real path.
    /// </summary>
    public static string Resolve(string runDir, string relativePath)
    {
        var dir = RealPath(runDir);
        var real = RealPath(Path.Combine(runDir, relativePath));
        if (!IsWithin(dir, real))
            throw new RunDirectoryEscapeException(
                $"'{relativePath}' in the run directory {runDir} resolves to '{real}', outside it (through a symbolic link or '..'); refusing to write there");
        return real;
    }

    /// <summary>Writes <paramref name="content"/> (UTF-8) to <paramref name="relativePath"/> in the run directory, resolved by <see cref="Resolve"/>.</summary>
    public static async Task WriteAllTextAsync(string runDir, string relativePath, string content, CancellationToken cancel = default)
    {
        var real = Resolve(runDir, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(real)!);
        await File.WriteAllTextAsync(real, content, new System.Text.UTF8Encoding(false), cancel).ConfigureAwait(false);
    }
}

/// <summary>A write refused because its path resolves outside the task's run directory.</summary>
public sealed class RunDirectoryEscapeException(string message) : IOException(message);
