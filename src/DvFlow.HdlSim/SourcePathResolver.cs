using DvFlow.TaskApi;

namespace DvFlow.HdlSim;

/// <summary>
/// Simulators print some runtime messages with the source file's bare name (Verilator's <c>$error</c>
/// prints <c>tb.sv:36</c>). SimImage records the files the image was built from; this maps such a
/// relative path back to the one source file it names, so the IDE can open it.
/// </summary>
public sealed class SourcePathResolver
{
    /// <summary>File in the image's run directory listing its source and header files, one absolute path per line.</summary>
    public const string SourceListFile = "image_sources.txt";

    private readonly IReadOnlyList<string> _sources;

    /// <summary>Creates a resolver over absolute source paths.</summary>
    public SourcePathResolver(IReadOnlyList<string> sources) => _sources = sources;

    /// <summary>Reads the source list SimImage wrote in <paramref name="imageDir"/> (empty when there is none).</summary>
    public static SourcePathResolver Load(string imageDir)
    {
        var file = Path.Combine(imageDir, SourceListFile);
        return new SourcePathResolver(File.Exists(file) ? File.ReadAllLines(file).Where(l => l.Length > 0).ToList() : []);
    }

    /// <summary>The marker with its path made absolute when exactly one source file matches it; otherwise unchanged.</summary>
    public TaskMarker Resolve(TaskMarker marker)
    {
        if (marker.Path is not { Length: > 0 } path || Path.IsPathRooted(path)) return marker;
        var suffix = "/" + path.Replace('\\', '/').TrimStart('.', '/');
        var matches = _sources.Where(s => s.Replace('\\', '/').EndsWith(suffix, StringComparison.Ordinal)).Take(2).ToList();
        return matches.Count == 1 ? marker with { Path = matches[0] } : marker;
    }
}
