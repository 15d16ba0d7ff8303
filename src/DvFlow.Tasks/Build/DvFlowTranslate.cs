using DvFlow.Model.Definitions;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Graph;
using DvFlow.Tasks.Runtime;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DvFlow.Tasks.Build;

/// <summary>
/// Translates the flow into MSBuild targets (run in the Restore phase): loads the flow with the
/// selected config and parameter overrides, builds the task graph, and writes the plan and the
/// generated targets file under obj/. Files are rewritten only when their content changes, so
/// MSBuild's caches stay warm; on errors the generated files are removed so no stale graph can run.
/// </summary>
public sealed class DvFlowTranslate : FlowLoadingTask
{
    /// <summary>Where the generated files go.</summary>
    [Required] public string IntermediateDirectory { get; set; } = "";

    /// <summary>The generated targets file.</summary>
    [Output] public string GeneratedTargets { get; set; } = "";

    /// <summary>The file whose time says when the flow inputs were last translated.</summary>
    public const string StampFile = "flow.stamp";

    /// <inheritdoc />
    public override bool Execute()
    {
        var targetsPath = Path.Combine(IntermediateDirectory, "flow.g.targets");
        var planPath = Path.Combine(IntermediateDirectory, FlowPlanJson.FileName);
        var stampPath = Path.Combine(IntermediateDirectory, StampFile);
        var manifestPath = Path.Combine(IntermediateDirectory, ManifestFile);
        GeneratedTargets = targetsPath;
        var overrides = CollectOverrides();
        var registry = CollectRegistry();
        var config = SelectedConfig;
        var fingerprint = Fingerprint.ForTranslation(config, overrides, registry);
        if (TranslationIsCurrent(fingerprint, stampPath, manifestPath, targetsPath, planPath))
        {
            Log.LogMessage(MessageImportance.Normal, "DvFlow: the flow is unchanged since its last translation ({0})", targetsPath);
            return true;
        }
        Remove(stampPath); // written last, only when translation succeeds
        if (!File.Exists(FlowFile))
        {
            Log.LogError(null, "DVF1000", null, FlowFile, 0, 0, 0, 0, "no flow file: '{0}' does not exist (set DvFlowFile, or add flow.yaml or flow.dv beside the project)", FlowFile);
            Remove(targetsPath, planPath);
            return false;
        }
        var model = LoadFlow(overrides, registry);
        DiagnosticLogging.Log(Log, model.Diagnostics);
        if (model.HasErrors)
        {
            Remove(targetsPath, planPath);
            return false;
        }
        var graph = new TaskGraphBuilder(model, GraphOptions()).BuildAll();
        DiagnosticLogging.Log(Log, graph.Diagnostics.Except(model.Diagnostics));
        if (graph.HasErrors)
        {
            Remove(targetsPath, planPath);
            return false;
        }
        var root = model.Root!;
        var plan = FlowPlanBuilder.Build(graph, root.Name, ProjectDirectory);
        var defaults = root.OrderedTasks.Where(t => (t.Def.Scope & TaskScope.Root) != 0).Select(t => t.FullName).ToList();
        var inputs = model.InputFiles.ToList();
        // What generators read, and the libraries they came from, decide the generated tasks too.
        inputs.AddRange(graph.GeneratorInputs);
        if (graph.Nodes.Any(n => n.Generate is not null))
            inputs.AddRange(TaskLibraries.Select(i => i.GetMetadata("FullPath")));
        // A changed set of restored packages may change what imports resolve to.
        if (!string.IsNullOrEmpty(ProjectAssetsFile)) inputs.Add(Path.GetFullPath(ProjectAssetsFile));
        var targets = TargetsWriter.Write(plan, inputs, defaults, planPath, Plugins()).Replace("</Project>",
            $"  <PropertyGroup>\n    <DvFlowGeneratedFingerprint>{fingerprint}</DvFlowGeneratedFingerprint>\n  </PropertyGroup>\n</Project>");
        Directory.CreateDirectory(IntermediateDirectory);
        var wrotePlan = WriteIfChanged(planPath, FlowPlanJson.Write(plan));
        var wroteTargets = WriteIfChanged(targetsPath, targets);
        // The manifest lists what the translation read (and looked for); the stamp records when. The targets file
        // itself is left untouched when unchanged, so MSBuild's caches stay warm.
        File.WriteAllLines(manifestPath, inputs.Select(ManifestLine));
        File.WriteAllText(stampPath, fingerprint + "\n");
        Log.LogMessage(MessageImportance.Normal, "DvFlow: {0} task(s) of package '{1}'{2} -> {3}{4}",
            plan.Nodes.Count, root.Name, config is null ? "" : $" (config {config})", targetsPath, wroteTargets || wrotePlan ? "" : " (unchanged)");
        return !Log.HasLoggedErrors;
    }

    /// <summary>The list of files and directories a translation depended on.</summary>
    public const string ManifestFile = "flow.inputs";

    // F: a file read; D: a directory searched (its time changes when entries come or go); M: a path looked for and not found.
    private static string ManifestLine(string path)
    {
        if (path.EndsWith(Path.DirectorySeparatorChar)) return "D " + path.TrimEnd(Path.DirectorySeparatorChar);
        return (File.Exists(path) ? "F " : path.StartsWith('<') ? "B " : "M ") + path;
    }

    /// <summary>True when nothing the last translation depended on has changed, so it need not run again.</summary>
    private static bool TranslationIsCurrent(string fingerprint, string stampPath, string manifestPath, string targetsPath, string planPath)
    {
        if (!File.Exists(stampPath) || !File.Exists(manifestPath) || !File.Exists(targetsPath) || !File.Exists(planPath)) return false;
        if (File.ReadAllText(stampPath).Trim() != fingerprint) return false;
        var stamp = File.GetLastWriteTimeUtc(stampPath);
        foreach (var line in File.ReadLines(manifestPath))
        {
            if (line.Length < 3) continue;
            var path = line[2..];
            var current = line[0] switch
            {
                'F' => File.Exists(path) && File.GetLastWriteTimeUtc(path) <= stamp,
                'D' => Directory.Exists(path) && Directory.GetLastWriteTimeUtc(path) <= stamp,
                'M' => !File.Exists(path) && !Directory.Exists(path),
                _ => true,
            };
            if (!current) return false;
        }
        return true;
    }

    private static bool WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content) return false;
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, content);
        File.Move(tmp, path, overwrite: true);
        return true;
    }

    private static void Remove(params string[] paths)
    {
        foreach (var p in paths)
            if (File.Exists(p)) File.Delete(p);
    }
}
