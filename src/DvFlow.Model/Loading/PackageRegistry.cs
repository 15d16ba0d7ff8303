namespace DvFlow.Model.Loading;

/// <summary>
/// A registry built from explicit name-to-file entries, package map files and search directories.
/// Entries added first win, so a project's own map can shadow an installed plugin.
/// </summary>
public sealed class PackageRegistry : IPackageRegistry
{
    private readonly Dictionary<string, string> _map = new(StringComparer.Ordinal);

    /// <summary>An empty registry.</summary>
    public static PackageRegistry Empty => new();

    /// <inheritdoc />
    public string? Resolve(string packageName) => _map.GetValueOrDefault(packageName);

    /// <inheritdoc />
    public IEnumerable<string> PackageNames => _map.Keys;

    /// <summary>Registers a package's flow file unless the name is already registered.</summary>
    public PackageRegistry Add(string packageName, string flowFile)
    {
        _map.TryAdd(packageName, Path.GetFullPath(flowFile));
        return this;
    }

    /// <summary>
    /// Reads a package map file: one <c>name: path</c> or <c>name=path</c> per line (blank lines and
    /// <c>#</c> comments ignored), paths relative to the map file. Returns the problems found.
    /// </summary>
    public IReadOnlyList<string> AddMapFile(string mapFile)
    {
        var problems = new List<string>();
        if (!File.Exists(mapFile))
        {
            problems.Add($"{mapFile}: package map file not found");
            return problems;
        }
        // As with flow files: a pipe or a device (size 0) is never opened, and a map is read within the flow-file size limit.
        var size = new FileInfo(mapFile).Length;
        if (size == 0) return problems;
        if (size > FlowLimits.MaxFlowFileBytes)
        {
            problems.Add($"{mapFile}: the package map is {size} bytes; it is read up to {FlowLimits.MaxFlowFileBytes} bytes");
            return problems;
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(mapFile))!;
        var lineNo = 0;
        foreach (var raw in File.ReadLines(mapFile))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var sep = line.IndexOfAny([':', '=']);
            if (sep <= 0)
            {
                problems.Add($"{mapFile}({lineNo}): expected 'package-name: path/to/flow.yaml'");
                continue;
            }
            var name = line[..sep].Trim();
            var path = line[(sep + 1)..].Trim().Trim('"');
            var full = FlowFileLocator.FullPathOrNull(Path.Combine(dir, path));
            var file = full is null ? null : FlowFileLocator.Locate(full);
            if (file is null) problems.Add($"{mapFile}({lineNo}): '{path}' is not a flow file or a directory holding one");
            else Add(name, file);
        }
        return problems;
    }

    /// <summary>
    /// Adds every package found one level below <paramref name="directory"/> (and the directory itself):
    /// each flow file's package name is read from the file, as <c>DV_FLOW_PATH</c> entries are in dfm.
    /// </summary>
    public PackageRegistry AddSearchDirectory(string directory)
    {
        if (!Directory.Exists(directory)) return this;
        var candidates = new List<string>();
        if (FlowFileLocator.Locate(directory) is { } own) candidates.Add(own);
        foreach (var sub in Directory.EnumerateDirectories(directory).OrderBy(d => d, StringComparer.Ordinal))
            if (FlowFileLocator.Locate(sub) is { } f) candidates.Add(f);
        foreach (var f in candidates)
            if (FlowFileLocator.PeekPackageName(f) is { } name) Add(name, f);
        return this;
    }
}
