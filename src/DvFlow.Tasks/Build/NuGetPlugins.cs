using System.Text.Json;

namespace DvFlow.Tasks.Build;

/// <summary>
/// Finds the DvFlow plugins among the packages NuGet restored for the flow project, by reading the project's
/// <c>project.assets.json</c>. Translation runs right after NuGet's restore in the same Restore call, before any
/// package's build files could be imported, so the assets file is the one place that already knows them.
/// </summary>
public static class NuGetPlugins
{
    /// <summary>
    /// The plugins listed in <paramref name="assetsFile"/>, in the file's (sorted) order; none when the file does
    /// not exist. A file that cannot be read is a problem reported to <paramref name="problem"/>.
    /// </summary>
    public static IReadOnlyList<FlowPlugin> Read(string? assetsFile, Action<string> problem)
    {
        if (string.IsNullOrEmpty(assetsFile) || !File.Exists(assetsFile)) return [];
        try
        {
            using var stream = File.OpenRead(assetsFile);
            using var doc = JsonDocument.Parse(stream);
            return Read(doc.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            problem($"{assetsFile}: cannot read the restored packages, so no DvFlow plugin packages are visible: {ex.Message}");
            return [];
        }
    }

    /// <summary>A package an assets file lists: its id/version name, its files, and the package folder holding it (null when none does).</summary>
    public sealed record RestoredPackage(string Name, IReadOnlyList<string> Files, string? Directory);

    /// <summary>The packages (not projects) listed in a parsed <c>project.assets.json</c>, each located in the first package folder holding it.</summary>
    public static IEnumerable<RestoredPackage> Packages(JsonElement root)
    {
        if (!root.TryGetProperty("libraries", out var libraries) || libraries.ValueKind != JsonValueKind.Object) yield break;
        var folders = root.TryGetProperty("packageFolders", out var pf) && pf.ValueKind == JsonValueKind.Object
            ? pf.EnumerateObject().Select(p => p.Name).ToList()
            : [];
        foreach (var lib in libraries.EnumerateObject())
        {
            if (!lib.Value.TryGetProperty("type", out var type) || type.GetString() != "package") continue;
            var files = lib.Value.TryGetProperty("files", out var f) && f.ValueKind == JsonValueKind.Array
                ? f.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
                : [];
            var relative = lib.Value.TryGetProperty("path", out var p) ? p.GetString() ?? "" : "";
            // The package lives in the first package folder (the global one, then fallbacks) that holds it.
            yield return new RestoredPackage(lib.Name, files, folders.Select(d => Path.Combine(d, relative)).FirstOrDefault(System.IO.Directory.Exists));
        }
    }

    private static List<FlowPlugin> Read(JsonElement root)
    {
        var plugins = new List<FlowPlugin>();
        var prefix = FlowPlugin.Folder + "/";
        foreach (var package in Packages(root))
        {
            var ours = package.Files.Where(f => f.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
            if (ours.Count == 0 || package.Directory is not { } dir) continue;
            var slash = package.Name.IndexOf('/');
            var (id, version) = slash < 0 ? (package.Name, "") : (package.Name[..slash], package.Name[(slash + 1)..]);
            var packagesPrefix = prefix + FlowPlugin.PackagesFolder + "/";
            var tasksPrefix = prefix + FlowPlugin.TasksFolder + "/";
            var packages = ours.Any(f => f.StartsWith(packagesPrefix, StringComparison.OrdinalIgnoreCase))
                ? Path.Combine(dir, FlowPlugin.Folder, FlowPlugin.PackagesFolder)
                : null;
            var assemblies = ours
                .Where(f => f.StartsWith(tasksPrefix, StringComparison.OrdinalIgnoreCase) && f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                            && f.IndexOf('/', tasksPrefix.Length) < 0)
                .Select(f => Path.Combine(dir, f.Replace('/', Path.DirectorySeparatorChar)))
                .ToList();
            plugins.Add(new FlowPlugin(id, version, packages, assemblies));
        }
        return plugins;
    }
}
