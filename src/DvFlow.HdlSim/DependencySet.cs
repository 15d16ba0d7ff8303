using DvFlow.TaskApi;

namespace DvFlow.HdlSim;

/// <summary>
/// The files a simulation image was built from (sources, included headers, the tool itself) with their
/// stamps, kept in the task's memento (see <see cref="ImageMemento"/>) so the next build can tell whether
/// any of them changed, including headers the flow never listed.
/// </summary>
public sealed class DependencySet
{
    /// <summary>Creates a set from stamps.</summary>
    public DependencySet(IReadOnlyList<FileStamp> files) => Files = files;

    /// <summary>The dependencies in a stable order.</summary>
    public IReadOnlyList<FileStamp> Files { get; }

    /// <summary>Stamps <paramref name="paths"/> now (duplicates removed).</summary>
    public static DependencySet Capture(IEnumerable<string> paths)
        => new(paths.Select(p => Path.GetFullPath(p)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(FileStamp.Of).ToList());

    /// <summary>The flow-value form: <c>[{"path", "mtime", "size"}...]</c>.</summary>
    public object?[] ToValue() => Files.Select(f => (object?)FlowMap.Of(("path", f.Path), ("mtime", f.MTimeTicks), ("size", f.Size))).ToArray();

    /// <summary>Reads the flow-value form; null when <paramref name="value"/> is not a dependency list.</summary>
    public static DependencySet? FromValue(object? value)
    {
        if (value is not IReadOnlyList<object?> list) return null;
        var files = new List<FileStamp>();
        foreach (var e in list)
        {
            if (e is not IReadOnlyDictionary<string, object?> m || m.GetValueOrDefault("path") is not string path) return null;
            files.Add(new FileStamp(path, Convert.ToInt64(m.GetValueOrDefault("mtime") ?? -1L), Convert.ToInt64(m.GetValueOrDefault("size") ?? -1L)));
        }
        return new DependencySet(files);
    }

    /// <summary>Why the set is stale (the first changed file), or null when every file is as recorded.</summary>
    public string? WhyStale()
    {
        foreach (var f in Files)
        {
            var now = FileStamp.Of(f.Path);
            if (now == f) continue;
            return now.Size < 0 ? $"dependency '{f.Path}' is missing" : $"dependency '{f.Path}' changed";
        }
        return null;
    }
}
