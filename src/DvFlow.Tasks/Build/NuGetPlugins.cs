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

    private static List<FlowPlugin> Read(JsonElement root)
    {
        var plugins = new List<FlowPlugin>();
        if (!root.TryGetProperty("libraries", out var libraries) || libraries.ValueKind != JsonValueKind.Object) return plugins;
        var folders = root.TryGetProperty("packageFolders", out var pf) && pf.ValueKind == JsonValueKind.Object
            ? pf.EnumerateObject().Select(p => p.Name).ToList()
            : [];
        var prefix = FlowPlugin.Folder + "/";
        foreach (var lib in libraries.EnumerateObject())
        {
            if (!lib.Value.TryGetProperty("type", out var type) || type.GetString() != "package") continue;
            if (!lib.Value.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array) continue;
            var ours = files.EnumerateArray().Select(f => f.GetString() ?? "").Where(f => f.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
            if (ours.Count == 0) continue;
            var relative = lib.Value.TryGetProperty("path", out var p) ? p.GetString() ?? "" : "";
            // The package lives in the first package folder (the global one, then fallbacks) that holds it.
            var dir = folders.Select(f => Path.Combine(f, relative)).FirstOrDefault(Directory.Exists);
            if (dir is null) continue;
            var slash = lib.Name.IndexOf('/');
            var (id, version) = slash < 0 ? (lib.Name, "") : (lib.Name[..slash], lib.Name[(slash + 1)..]);
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
