using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>
/// The first step of every target that runs flow tasks, however the project was reached (its folder, a solution, a
/// traversal project, a ProjectReference, <c>dotnet msbuild</c> without restore). When the generated targets this
/// evaluation imported are the current translation for its config and overrides, the build goes on. Otherwise it
/// translates the flow and asks for the requested target to be built in a fresh evaluation of the project that imports
/// the new targets (<see cref="Redispatch"/>), so a stale graph never runs. The translation goes where this evaluation
/// looked for it, so that the next build of the project finds it current, and into <c>obj/dvflow/t-ID/</c> for the fresh
/// evaluation (MSBuild does not read a file twice in one build).
/// </summary>
public sealed class DvFlowEnsureTranslated : FlowTranslatingTask
{
    /// <summary>The translation directory this evaluation imported (<c>$(DvFlowTranslationDir)</c>).</summary>
    [Required] public string TranslationDir { get; set; } = "";
    /// <summary>The id of the generated targets this evaluation imported (<c>$(DvFlowTranslationId)</c>); empty when there were none.</summary>
    public string? EvaluatedId { get; set; }
    /// <summary>Set when this evaluation is itself a redispatch (<c>$(DvFlowTranslation)</c>).</summary>
    public string? Translation { get; set; }

    /// <summary>Empty when this evaluation is current; otherwise the <c>DvFlowTranslation</c> to build the requested target with.</summary>
    [Output] public string Redispatch { get; set; } = "";

    /// <summary>How long the directories made for fresh evaluations (t-*) are kept: long enough for any build that may still read one.</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    /// <inheritdoc />
    public override bool Execute()
    {
        var overrides = CollectOverrides();
        var registry = CollectRegistry(quiet: true);
        var fingerprint = Fingerprint.ForTranslation(SelectedConfig, [.. overrides, .. CollectSplitOffDefines().Select(d => "split-off:" + d)], RunRoot, registry);
        var imported = new TranslationDirectory(TranslationDir);
        var currentId = imported.CurrentId(fingerprint);
        if (currentId is not null && currentId == EvaluatedId) return true;

        if (!string.IsNullOrEmpty(Translation))
        {
            // This evaluation was itself made for a translation written moments ago, and that changed again.
            Log.LogError(null, "DVF0002", null, FlowFile, 0, 0, 0, 0,
                "a flow file changed while the build was running, after the flow targets were generated; build again");
            return false;
        }
        Log.LogMessage(MessageImportance.Normal, "DvFlow: {0}; translating it now",
            string.IsNullOrEmpty(EvaluatedId)
                ? "the flow has not been translated for this configuration (the project was reached without its own Restore)"
                : "the flow targets this project was evaluated with are out of date");
        if (Translate(fingerprint, overrides, CollectRegistry()) is not { } translation)
        {
            imported.Clear(); // no stale graph may run
            return false;
        }
        // Where this evaluation looked, so that the project's next build finds it current; and, for the fresh evaluation of
        // this build, a directory of its own: MSBuild keeps the files it imported for the whole build, so the new targets
        // must be read from a path this build has not read yet.
        Write(translation, imported);
        var name = "t-" + translation.Id;
        var fresh = new TranslationDirectory(Path.Combine(IntermediateDirectory, name));
        if (fresh.CurrentId(fingerprint) != translation.Id) translation.WriteTo(fresh);
        Prune(name);
        Redispatch = name;
        Log.LogMessage(MessageImportance.Normal, "DvFlow: building in a fresh evaluation of the project with the new flow targets ({0})", fresh.Targets);
        return true;
    }

    // Directories made for fresh evaluations accumulate with every change of the flow; remove those of earlier days.
    private void Prune(string keep)
    {
        try
        {
            foreach (var d in new DirectoryInfo(IntermediateDirectory).EnumerateDirectories("t-*"))
                if (d.Name != keep && DateTime.UtcNow - d.LastWriteTimeUtc > KeptFor) d.Delete(recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogMessage(MessageImportance.Low, "DvFlow: could not remove old translations in {0}: {1}", IntermediateDirectory, ex.Message);
        }
    }
}
