using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>
/// Refuses to run a stale graph: fails when a flow file is newer than the generated targets, or when
/// the config or parameter overrides differ from those the targets were generated with (for
/// <c>dotnet msbuild -t:x</c> without restore).
/// </summary>
public sealed class DvFlowCheckFresh : FlowSettingsTask
{
    /// <summary>The generated targets file.</summary>
    [Required] public string GeneratedTargets { get; set; } = "";
    /// <summary>The fingerprint recorded in it.</summary>
    public string? GeneratedFingerprint { get; set; }
    /// <summary>The flow files it was generated from.</summary>
    public ITaskItem[]? Inputs { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        const string hint = "run 'dotnet build' (which restores) or 'dotnet msbuild -restore' to regenerate the flow targets";
        if (!File.Exists(GeneratedTargets))
        {
            Log.LogError(null, "DVF0001", null, null, 0, 0, 0, 0, "the flow has not been translated for this configuration; {0}", hint);
            return false;
        }
        var stampFile = Path.Combine(Path.GetDirectoryName(GeneratedTargets)!, DvFlowTranslate.StampFile);
        if (!File.Exists(stampFile))
        {
            Log.LogError(null, "DVF0001", null, null, 0, 0, 0, 0, "the last translation of the flow failed or was interrupted; {0}", hint);
            return false;
        }
        var stamp = File.GetLastWriteTimeUtc(stampFile);
        foreach (var i in Inputs ?? [])
        {
            var path = i.GetMetadata("FullPath");
            if (!File.Exists(path) || File.GetLastWriteTimeUtc(path) > stamp)
            {
                Log.LogError(null, "DVF0002", null, path, 0, 0, 0, 0, "'{0}' changed after the flow targets were generated; {1}", path, hint);
                return false;
            }
        }
        var now = Fingerprint.ForTranslation(SelectedConfig, CollectOverrides(), CollectRegistry(quiet: true));
        if (!string.Equals(now, GeneratedFingerprint, StringComparison.Ordinal))
        {
            Log.LogError(null, "DVF0003", null, null, 0, 0, 0, 0, "the config or parameter overrides differ from those the flow targets were generated with; {0}", hint);
            return false;
        }
        return true;
    }
}
