using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>
/// Translates the flow in the project's Restore (which <c>dotnet build</c> runs in the project's folder) into the
/// translation directory the build evaluation then imports. Nothing is rewritten when nothing the last translation
/// depended on changed, so MSBuild's caches stay warm.
/// </summary>
public sealed class DvFlowTranslate : FlowTranslatingTask
{
    /// <summary>The translation directory for the project's config and overrides (<c>$(DvFlowTranslationDir)</c>).</summary>
    [Required] public string TranslationDir { get; set; } = "";

    /// <summary>The generated targets file.</summary>
    [Output] public string GeneratedTargets { get; set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        var dir = new TranslationDirectory(TranslationDir);
        GeneratedTargets = dir.Targets;
        var overrides = CollectOverrides();
        var registry = CollectRegistry();
        var fingerprint = Fingerprint.ForTranslation(SelectedConfig, [.. overrides, .. CollectSplitOffDefines().Select(d => "split-off:" + d)], RunRoot, registry);
        if (dir.CurrentId(fingerprint) is not null)
        {
            Log.LogMessage(MessageImportance.Normal, "DvFlow: the flow is unchanged since its last translation ({0})", dir.Targets);
            return true;
        }
        if (Translate(fingerprint, overrides, registry) is not { } translation)
        {
            dir.Clear(); // no stale graph may run
            return false;
        }
        Write(translation, dir);
        return !Log.HasLoggedErrors;
    }
}
