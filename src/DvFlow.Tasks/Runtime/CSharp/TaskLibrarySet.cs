using System.Reflection;
using System.Runtime.Loader;

namespace DvFlow.Tasks.Runtime.CSharp;

/// <summary>
/// The user task library assemblies of one build (<c>DvFlowTaskLibrary</c> items and the outputs of
/// <c>ProjectReference</c>s), loaded on first use. Held per build in MSBuild's task object cache, so
/// each build sees the current version of every library.
/// </summary>
public sealed class TaskLibrarySet
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (Assembly? Assembly, string? Error)> _loaded = new(StringComparer.Ordinal);

    /// <summary>The loaded assemblies of <paramref name="paths"/> in order; <paramref name="errors"/> gets a message per library that failed to load.</summary>
    public IReadOnlyList<Assembly> Load(IEnumerable<string> paths, List<string> errors)
    {
        var result = new List<Assembly>();
        foreach (var raw in paths)
        {
            var path = Path.GetFullPath(raw);
            (Assembly? Assembly, string? Error) entry;
            lock (_gate)
            {
                if (!_loaded.TryGetValue(path, out entry))
                    _loaded[path] = entry = LoadOne(path);
            }
            if (entry.Assembly is not null) result.Add(entry.Assembly);
            else errors.Add(entry.Error!);
        }
        return result;
    }

    /// <summary>The loaded assemblies of <paramref name="paths"/>; <paramref name="error"/> joins the messages of the libraries that failed to load.</summary>
    public IReadOnlyList<Assembly> Load(IEnumerable<string> paths, out string? error)
    {
        var errors = new List<string>();
        var loaded = Load(paths, errors);
        error = errors.Count > 0 ? string.Join("; ", errors) : null;
        return loaded;
    }

    private static (Assembly?, string?) LoadOne(string path)
    {
        if (!File.Exists(path)) return (null, $"task library '{path}' does not exist (build it first, or check the DvFlowTaskLibrary item)");
        var sdk = AssemblyLoadContext.GetLoadContext(typeof(TaskLibrarySet).Assembly) ?? AssemblyLoadContext.Default;
        try
        {
            var context = new TaskLibraryLoadContext(path, sdk);
            // Loading from a stream keeps the file unlocked (Windows) so the library can be rebuilt while MSBuild nodes live.
            using var dll = File.OpenRead(path);
            var pdbPath = Path.ChangeExtension(path, ".pdb");
            using var pdb = File.Exists(pdbPath) ? File.OpenRead(pdbPath) : null;
            return (context.LoadFromStream(dll, pdb), null);
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot load task library '{path}': {ex.Message}");
        }
    }
}
