using DvFlow.Model.Definitions;
using DvFlow.Model.Graph;
using DvFlow.Model.Loading;
using DvFlow.Tasks.Runtime;
using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>
/// A task that translates the flow into MSBuild targets: loads it with the selected config and parameter overrides,
/// builds the task graph, and writes the plan and the generated targets into a <see cref="TranslationDirectory"/>.
/// On errors the generated files are removed, so no stale graph can run.
/// </summary>
public abstract class FlowTranslatingTask : FlowLoadingTask
{
    /// <summary>The flow's intermediate directory (<c>obj/dvflow/</c>).</summary>
    [Required] public string IntermediateDirectory { get; set; } = "";

    /// <summary>Translates the flow; null after logging the flow's errors.</summary>
    private protected FlowTranslation? Translate(string fingerprint, IReadOnlyList<string> overrides, PackageRegistry registry)
    {
        if (!File.Exists(FlowFile))
        {
            Log.LogError(null, "DVF1000", null, FlowFile, 0, 0, 0, 0, "no flow file: '{0}' does not exist (set DvFlowFile, or add flow.yaml or flow.dv beside the project)", FlowFile);
            return null;
        }
        var model = LoadFlow(overrides, registry);
        DiagnosticLogging.Log(Log, model.Diagnostics);
        if (model.HasErrors) return null;
        var graph = new TaskGraphBuilder(model, GraphOptions()).BuildAll();
        DiagnosticLogging.Log(Log, graph.Diagnostics.Except(model.Diagnostics));
        if (graph.HasErrors) return null;
        var paramNames = model.Packages.Values.SelectMany(p => p.Params.Select(x => x.Name)).Concat(graph.Nodes.SelectMany(n => n.ParamValues.Keys)).ToHashSet(StringComparer.Ordinal);
        if (CollectSplitOffDefines().FirstOrDefault(d => paramNames.Contains(d[..d.IndexOf('=')])) is { } lost)
        {
            DiagnosticLogging.Error(Log, DvFlow.Model.Diagnostics.SourceLocation.OfFile(FlowFile), DvFlow.Model.Diagnostics.DiagnosticCodes.BadValue,
                $"DvFlowDefines: MSBuild's -p: split '{lost}' off it at a ';' (a shell drops the quotes that would keep it); give each parameter as -p:D_{lost}");
            return null;
        }
        var root = model.Root!;
        var plan = FlowPlanBuilder.Build(graph, root.Name, ProjectDirectory, FlowFile);
        var defaults = root.OrderedTasks.Where(t => (t.Def.Scope & TaskScope.Root) != 0).Select(t => t.FullName).ToList();
        var inputs = model.InputFiles.ToList();
        // What generators read, and the libraries they came from, decide the generated tasks too.
        inputs.AddRange(graph.GeneratorInputs);
        if (graph.Nodes.Any(n => n.Generate is not null))
            inputs.AddRange(TaskLibraries.Select(i => i.GetMetadata("FullPath")));
        // A changed set of restored packages may change what imports resolve to.
        if (!string.IsNullOrEmpty(ProjectAssetsFile)) inputs.Add(Path.GetFullPath(ProjectAssetsFile));
        var planText = FlowPlanJson.Write(plan);
        var plugins = Plugins();
        var id = TranslationDirectory.IdOf(planText, fingerprint,
            [.. defaults, .. inputs, .. plugins.SelectMany(p => p.TaskAssemblies.Select(a => p.Id + "=" + a))]);
        return new FlowTranslation(plan, planText, inputs, defaults, plugins, fingerprint, id);
    }

    /// <summary>Writes <paramref name="t"/> into <paramref name="dir"/>, and says so.</summary>
    private protected void Write(FlowTranslation t, TranslationDirectory dir)
    {
        var wrote = t.WriteTo(dir);
        Log.LogMessage(MessageImportance.Normal, "DvFlow: {0} task(s) of package '{1}'{2} -> {3}{4}",
            t.Plan.Nodes.Count, t.Plan.RootPackage, SelectedConfig is null ? "" : $" (config {SelectedConfig})", dir.Targets, wrote ? "" : " (unchanged)");
    }
}

/// <summary>A translated flow: its plan, what the translation read, and the id of the result.</summary>
internal sealed record FlowTranslation(FlowPlan Plan, string PlanText, IReadOnlyList<string> Inputs, IReadOnlyList<string> Defaults,
    IReadOnlyList<FlowPlugin> Plugins, string Fingerprint, string Id)
{
    /// <summary>Writes the plan and the generated targets (which name this directory's plan) into <paramref name="dir"/>; true when they changed.</summary>
    public bool WriteTo(TranslationDirectory dir)
        => dir.Write(PlanText, TargetsWriter.Write(Plan, Inputs, Defaults, dir.Plan, Plugins, new TargetsWriter.Translation(Fingerprint, Id)), Inputs, Fingerprint, Id);
}
