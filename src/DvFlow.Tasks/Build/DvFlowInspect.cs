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
        var produces = CommandLineProperty.Raw(BuildEngine, "DvFlowProduces") is { } typed ? CommandLineProperty.Unescape(typed) : Produces;
        var filter = ParseFilter(produces, out var bad);
        if (bad is not null)
        {
            DiagnosticLogging.Error(Log, Model.Diagnostics.SourceLocation.OfFile(root.FilePath), Model.Diagnostics.DiagnosticCodes.BadValue,
                $"DvFlowProduces: '{bad}' is not key=value; write the pattern as key=value pairs separated by commas or spaces (-p:DvFlowProduces=\"type=std.FileSet filetype=verilog\")");
            return false;
        }
        // "-p:DvFlowProduces=type=x,filetype=y" typed in a shell: MSBuild split it at the comma into DvFlowProduces=type=x
        // and a property 'filetype'. A global property named like a field of the flow's produces patterns is that piece.
        var fields = graph.Nodes.SelectMany(n => n.Produces ?? []).SelectMany(m => m.Keys).ToHashSet(StringComparer.Ordinal);
        if (produces is not null && CommandLineProperty.WithPrefix(BuildEngine, "").FirstOrDefault(g => fields.Contains(g.Name) && filter?.ContainsKey(g.Name) != true) is { Name.Length: > 0 } lost)
        {
            DiagnosticLogging.Error(Log, Model.Diagnostics.SourceLocation.OfFile(root.FilePath), Model.Diagnostics.DiagnosticCodes.BadValue,
                $"DvFlowProduces: MSBuild's -p: split '{lost.Name}={lost.Value}' off the filter at a comma; separate the pairs with spaces (-p:DvFlowProduces=\"{produces} {lost.Name}={lost.Value}\")");
            return false;
        }
        var tasks = TaskDescription.List(graph, filter);
        Emit(Json ? JsonValues.Serialize(TaskDescription.ListJson(tasks, produces), indented: true) : TaskDescription.ListText(tasks));
        return true;
    }

    /// <summary>
    /// A produces pattern: <c>key=value</c> pairs separated by commas or white space (MSBuild's <c>-p:</c> splits at
    /// commas, so the command line's form is <c>-p:DvFlowProduces="type=std.FileSet filetype=verilog"</c>).
    /// </summary>
    private static FlowMap? ParseFilter(string? text, out string? bad)
    {
        bad = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        var pairs = text.Split([',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToList();
        bad = pairs.FirstOrDefault(p => p.Length != 2 || p[0].Length == 0) is { } b ? string.Join("=", b) : null;
        return new FlowMap(pairs.Where(p => p.Length == 2).Select(p => new KeyValuePair<string, object?>(p[0], p[1])));
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
