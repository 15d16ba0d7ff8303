using System.Text.Json;
using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>
/// Decides whether the flow project's NuGet restore can be skipped. NuGet's own no-op check still evaluates the
/// restore graph, about half a second per build; this one compares what the last successful restore was given
/// (the package and project references, the project file's time, the package folder) with now, and checks that
/// every package the assets file lists is still in a package folder.
/// </summary>
public sealed class DvFlowRestoreCheck : Microsoft.Build.Utilities.Task
{
    /// <summary>What the restore depends on, as one string.</summary>
    [Required] public string Key { get; set; } = "";
    /// <summary>Where the key of the last successful restore is kept.</summary>
    [Required] public string StampFile { get; set; } = "";
    /// <summary>NuGet's <c>project.assets.json</c> of the project.</summary>
    public string? AssetsFile { get; set; }
    /// <summary>Files a restore writes besides the assets file (those of the referenced projects).</summary>
    public ITaskItem[] RestoredFiles { get; set; } = [];
    /// <summary>Restore regardless (<c>dotnet restore --force</c>, <c>-p:RestoreForce=true</c>).</summary>
    public bool Force { get; set; }
    /// <summary>True when the last restore still holds.</summary>
    [Output] public bool Current { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        var why = WhyRestore();
        Current = why is null;
        Log.LogMessage(MessageImportance.Normal, Current ? "DvFlow: the packages and projects are restored as they were last time; NuGet's restore is skipped" : $"DvFlow: running NuGet's restore ({why})");
        return true;
    }

    private string? WhyRestore()
    {
        if (Force) return "forced";
        if (!File.Exists(StampFile)) return "no record of an earlier restore";
        if (File.ReadAllText(StampFile).Trim() != Key.Trim()) return "the package or project references changed";
        if (string.IsNullOrEmpty(AssetsFile) || !File.Exists(AssetsFile)) return "the assets file is missing";
        if (File.GetLastWriteTimeUtc(AssetsFile) > File.GetLastWriteTimeUtc(StampFile)) return "the assets file changed since";
        if (RestoredFiles.Select(i => i.GetMetadata("FullPath")).FirstOrDefault(f => !File.Exists(f)) is { } gone) return $"'{gone}' is missing";
        return MissingPackage(AssetsFile) is { } missing ? $"package {missing} is no longer in the package folder" : null;
    }

    // A package folder cleared since the restore (nuget locals all --clear) must bring the packages back.
    private static string? MissingPackage(string assetsFile)
    {
        try
        {
            using var stream = File.OpenRead(assetsFile);
            using var doc = JsonDocument.Parse(stream);
            return NuGetPlugins.Packages(doc.RootElement).FirstOrDefault(p => p.Directory is null)?.Name;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return $"(the assets file cannot be read: {ex.Message})";
        }
    }
}
