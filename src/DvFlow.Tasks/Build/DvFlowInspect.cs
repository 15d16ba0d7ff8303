using DvFlow.Model.Dataflow;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Expressions;
using DvFlow.Model.Graph;
using DvFlow.Model.Inspection;
using DvFlow.Model.Values;
using Microsoft.Build.Framework;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Build;

/// <summary>
/// dfm's inspection commands: <c>validate</c> (load, check references and produces/consumes, print
/// dfm's summary), <c>show</c> (the task list, filtered by produces, or one task's details; text or JSON),
/// and <c>graph</c> (a Graphviz dot file of a task's dependency graph).
/// </summary>
public sealed class DvFlowInspect : FlowLoadingTask
{
    /// <summary>validate, show or graph.</summary>
    [Required] public string Command { get; set; } = "";
    /// <summary>show/graph: the task.</summary>
    public string? Task { get; set; }
    /// <summary>show: a produces filter "k=v,k2=v2".</summary>
    public string? Produces { get; set; }
    /// <summary>show: JSON instead of text.</summary>
    public bool Json { get; set; }
    /// <summary>graph: where the dot file goes unless <see cref="OutputFile"/> names one (<c>$(DvFlowIntermediateDir)</c>).</summary>
    public string? IntermediateDirectory { get; set; }
    /// <summary>Write the result to this file (JSON, text or dot) instead of (or besides) the log.</summary>
    public string? OutputFile { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        var model = LoadFlow(CollectOverrides(), CollectRegistry());
        switch (Command)
        {
            case "validate": return Validate(model);
            case "show": return Show(model);
            case "graph": return Graph(model);
            default:
                Log.LogError("unknown inspection command '{0}'", Command);
                return false;
        }
    }

    private bool Validate(FlowModel model)
    {
        var diags = model.Diagnostics.ToList();
        if (!model.HasErrors)
        {
            var graph = new TaskGraphBuilder(model, GraphOptions()).BuildAll();
            diags = graph.Diagnostics.ToList();
            diags.AddRange(ProducesValidator.Validate(graph));
        }
        DiagnosticLogging.Log(Log, diags);
        Emit(ValidationReport.Format(model, diags));
        return !diags.Any(d => d.IsError);
    }

    private bool Show(FlowModel model)
    {
        if (model.HasErrors)
        {
            DiagnosticLogging.Log(Log, model.Diagnostics);
            return false;
        }
        var graph = new TaskGraphBuilder(model, GraphOptions()).BuildAll();
        if (graph.HasErrors)
        {
            DiagnosticLogging.Log(Log, graph.Diagnostics);
            return false;
        }
        var root = model.Root!;
        if (!string.IsNullOrWhiteSpace(Task))
        {
            if (TaskNameLookup.Find(Task!, root.Name, graph.ByName.Keys.ToList(), out var error) is not { } name)
            {
                DiagnosticLogging.Error(Log, Model.Diagnostics.SourceLocation.OfFile(root.FilePath), "DVF0012", error!);
                return false;
            }
            var node = graph.ByName[name];
            Emit(Json ? JsonValues.Serialize(TaskDescription.Json(node, verbose: true), indented: true) : TaskDescription.Text(node));
            return true;
        }
        var filter = ParseFilter(Produces);
        var tasks = TaskDescription.List(graph, filter);
        Emit(Json ? JsonValues.Serialize(TaskDescription.ListJson(tasks, Produces), indented: true) : TaskDescription.ListText(tasks));
        return true;
    }

    private static FlowMap? ParseFilter(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return new FlowMap(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .Select(p => new KeyValuePair<string, object?>(p[0].Trim(), p[1].Trim())));
    }

    private bool Graph(FlowModel model)
    {
        if (model.HasErrors)
        {
            DiagnosticLogging.Log(Log, model.Diagnostics);
            return false;
        }
        var all = new TaskGraphBuilder(model, GraphOptions()).BuildAll();
        string? requested = null;
        if (!string.IsNullOrWhiteSpace(Task) && !all.HasErrors)
        {
            requested = TaskNameLookup.Find(Task!, model.Root!.Name, all.ByName.Keys.ToList(), out var error);
            if (requested is null)
            {
                DiagnosticLogging.Error(Log, Model.Diagnostics.SourceLocation.OfFile(model.Root!.FilePath), "DVF0012", error!);
                return false;
            }
        }
        var graph = requested is null ? all : new TaskGraphBuilder(model, GraphOptions()).Build([requested]);
        if (graph.HasErrors)
        {
            DiagnosticLogging.Log(Log, graph.Diagnostics);
            return false;
        }
        // By default under obj/ (a build product, not a source): obj/dvflow/NAME.dot.
        var output = string.IsNullOrWhiteSpace(OutputFile)
            ? Path.Combine(IntermediateDirectory ?? Path.Combine(ProjectDirectory, "obj", "dvflow"), (requested ?? model.Root!.Name) + ".dot")
            : Path.GetFullPath(Path.Combine(ProjectDirectory, OutputFile));
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, TaskGraphDotWriter.Write(graph));
        Log.LogMessage(MessageImportance.High, "DvFlow: wrote the graph of {0} task(s) to {1}", graph.Nodes.Count, output);
        return true;
    }

    private void Emit(string text)
    {
        if (!string.IsNullOrWhiteSpace(OutputFile))
        {
            var path = Path.GetFullPath(Path.Combine(ProjectDirectory, OutputFile));
            File.WriteAllText(path, text + "\n");
            Log.LogMessage(MessageImportance.High, "DvFlow: wrote {0}", path);
        }
        foreach (var line in text.Split('\n')) Log.LogMessage(MessageImportance.High, "{0}", line.TrimEnd('\r'));
    }
}
