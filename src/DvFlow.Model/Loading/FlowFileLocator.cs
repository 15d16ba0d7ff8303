namespace DvFlow.Model.Loading;

/// <summary>Finds flow files: a path may name a file, or a directory holding flow.dv, flow.yaml or flow.yml.</summary>
public static class FlowFileLocator
{
    /// <summary>The flow file names searched in a directory, in order.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["flow.dv", "flow.yaml", "flow.yml"];

    /// <summary>The absolute form of <paramref name="path"/> without a trailing separator, or null when it is not a valid path (it holds a NUL, say).</summary>
    public static string? FullPathOrNull(string path)
    {
        try { return Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return null; }
    }

    /// <summary>The flow file at <paramref name="path"/> (a file, or a directory holding one), or null.</summary>
    public static string? Locate(string path)
    {
        if (File.Exists(path)) return Path.GetFullPath(path);
        if (!Directory.Exists(path)) return null;
        foreach (var name in FileNames)
        {
            var f = Path.Combine(path, name);
            if (File.Exists(f)) return Path.GetFullPath(f);
        }
        return null;
    }

    /// <summary>Every flow file in the directory tree below <paramref name="directory"/>, in a stable order.</summary>
    public static IReadOnlyList<string> FindAll(string directory) => FindAll(directory, null);

    /// <summary>As <see cref="FindAll(string)"/>, also listing every directory searched (a new file in any of them changes the result).</summary>
    public static IReadOnlyList<string> FindAll(string directory, List<string>? searched)
    {
        var result = new List<string>();
        Walk(Path.GetFullPath(directory), result, searched);
        return result;
    }

    private static void Walk(string dir, List<string> result, List<string>? searched)
    {
        searched?.Add(dir);
        foreach (var name in FileNames)
        {
            var f = Path.Combine(dir, name);
            if (File.Exists(f)) { result.Add(f); break; }
        }
        IEnumerable<string> subs;
        try { subs = Directory.EnumerateDirectories(dir).OrderBy(d => d, StringComparer.Ordinal).ToList(); }
        catch (IOException) { return; }
        catch (UnauthorizedAccessException) { return; }
        foreach (var sub in subs)
        {
            var leaf = Path.GetFileName(sub);
            // Build output and hidden folders never hold flow sources.
            if (leaf.StartsWith('.') || leaf is "rundir" or "obj" or "bin") continue;
            Walk(sub, result, searched);
        }
    }

    /// <summary>Reads the package name of a flow file cheaply (the first <c>name:</c> under <c>package:</c>), or null.</summary>
    public static string? PeekPackageName(string file)
    {
        try
        {
            var inPackage = false;
            foreach (var raw in File.ReadLines(file))
            {
                var line = raw.TrimEnd();
                if (line.StartsWith("package:", StringComparison.Ordinal)) { inPackage = true; continue; }
                if (!inPackage) continue;
                var t = line.TrimStart();
                if (t.StartsWith("name:", StringComparison.Ordinal))
                    return t[5..].Trim().Trim('"', '\'');
                if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#')) return null;
            }
        }
        catch (IOException) { }
        return null;
    }
}
