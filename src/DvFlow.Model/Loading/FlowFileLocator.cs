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

    /// <summary>
    /// Every flow file in the directory tree below <paramref name="directory"/>, in a stable order, with every directory
    /// searched (a new file in any of them changes the result). Each real directory is searched once however many
    /// symbolic links lead to it, and at most <see cref="FlowLimits.MaxDirectoriesSearched"/> are searched: past that the
    /// result says <see cref="DirectorySearch.LimitReached"/> and holds no files.
    /// </summary>
    public static DirectorySearch FindAll(string directory)
    {
        var walk = new Walker(stopAtFirstPackage: false);
        walk.Walk(Path.GetFullPath(directory));
        return walk.Result();
    }

    /// <summary>
    /// The first flow file below <paramref name="directory"/>, depth first in name order, that is a package (dfm's search
    /// for an imported directory), within the same bounds as <see cref="FindAll"/>.
    /// </summary>
    public static DirectorySearch FindFirstPackage(string directory)
    {
        var walk = new Walker(stopAtFirstPackage: true);
        walk.Walk(Path.GetFullPath(directory));
        return walk.Result();
    }

    private sealed class Walker(bool stopAtFirstPackage)
    {
        private readonly List<string> _files = new();
        private readonly List<string> _searched = new();
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
        private bool _limit;
        private bool _found;

        public DirectorySearch Result() => new(_limit ? [] : _files, _searched, _limit);

        public void Walk(string dir) => Walk(dir, RealPath(dir));

        // dir is the path as reached (reported, and the files' paths); real is where it is with every link resolved.
        private void Walk(string dir, string real)
        {
            if (_limit || _found || !_visited.Add(real)) return;
            if (_searched.Count >= FlowLimits.MaxDirectoriesSearched)
            {
                _limit = true;
                return;
            }
            _searched.Add(dir);
            foreach (var name in FileNames)
            {
                var f = Path.Combine(dir, name);
                if (!File.Exists(f)) continue;
                if (!stopAtFirstPackage) _files.Add(f);
                else if (PeekPackageName(f) is not null)
                {
                    _files.Add(f);
                    _found = true;
                    return;
                }
                break;
            }
            List<DirectoryInfo> subs;
            try { subs = new DirectoryInfo(dir).EnumerateDirectories().OrderBy(d => d.Name, StringComparer.Ordinal).ToList(); }
            catch (IOException) { return; }
            catch (UnauthorizedAccessException) { return; }
            foreach (var sub in subs)
            {
                // Build output and hidden folders never hold flow sources.
                if (sub.Name.StartsWith('.') || sub.Name is "rundir" or "obj" or "bin") continue;
                var subReal = sub.LinkTarget is { } target ? RealPath(Path.Combine(real, target)) : Path.Combine(real, sub.Name);
                Walk(sub.FullName, subReal);
            }
        }
    }

    /// <summary>
    /// <paramref name="path"/> with every symbolic link in it resolved, component by component (what realpath(3) does),
    /// so that a directory reached through links is recognised as one already searched. Gives up after 40 links, as Linux does.
    /// </summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var pending = new List<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var current = root;
        for (int i = 0, links = 0; i < pending.Count; i++)
        {
            var part = pending[i];
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }
            var next = Path.Combine(current, part);
            string? target = null;
            try { target = new FileInfo(next).LinkTarget; }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
            if (target is null || ++links > 40)
            {
                current = next;
                continue;
            }
            // Continue with the link's target in place of the link: absolute targets restart at the root.
            var rest = pending.Skip(i + 1).ToList();
            if (Path.IsPathRooted(target)) current = Path.GetPathRoot(target) ?? root;
            pending = [.. target[(Path.IsPathRooted(target) ? (Path.GetPathRoot(target) ?? "").Length : 0)..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries), .. rest];
            i = -1;
        }
        return current;
    }

    /// <summary>Reads the package name of a flow file cheaply (the first <c>name:</c> under <c>package:</c>), or null.</summary>
    public static string? PeekPackageName(string file)
    {
        try
        {
            // A pipe or a device (size 0) is never opened: a pipe would block until a writer came.
            var info = new FileInfo(file);
            if (info.Length == 0 || info.Length > FlowLimits.MaxFlowFileBytes) return null;
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        return null;
    }
}
