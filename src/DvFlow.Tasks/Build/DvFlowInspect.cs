using System.Text;
using DvFlow.Model.Dataflow;
using DvFlow.Model.Definitions;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Expressions;
using DvFlow.Model.Graph;
using DvFlow.Model.Values;
using Microsoft.Build.Framework;

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
        TaskGraph? graph = null;
        if (!model.HasErrors)
        {
            graph = new TaskGraphBuilder(model, GraphOptions()).BuildAll();
            diags = graph.Diagnostics.ToList();
            diags.AddRange(ProducesValidator.Validate(graph));
        }
        DiagnosticLogging.Log(Log, diags);
        var errors = diags.Where(d => d.IsError).ToList();
        var warnings = diags.Where(d => d.Severity == Model.Diagnostics.DiagnosticSeverity.Warning).ToList();
        var sb = new StringBuilder();
        if (model.Root is { } root)
        {
            sb.AppendLine($"Package: {root.Name}");
            sb.AppendLine($"  Tasks: {root.OrderedTasks.Count}");
            sb.AppendLine($"  Types: {root.Types.Count}");
            sb.AppendLine();
        }
        if (errors.Count > 0)
        {
            sb.AppendLine($"Errors ({errors.Count}):");
            foreach (var e in errors) sb.AppendLine($"  ERROR: {e.Message}{(e.Location is null ? "" : $" [{e.Location.File}:{e.Location.Line}]")}");
            sb.AppendLine();
        }
        if (warnings.Count > 0)
        {
            sb.AppendLine($"Warnings ({warnings.Count}):");
            foreach (var w in warnings) sb.AppendLine($"  WARNING: {w.Message}");
            sb.AppendLine();
        }
        sb.Append(errors.Count == 0
            ? $"✓ Validation passed{(warnings.Count > 0 ? $" ({warnings.Count} warning(s))" : "")}"
            : $"✗ Validation failed with {errors.Count} error(s)");
        Emit(sb.ToString());
        return errors.Count == 0;
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
            Emit(Json ? JsonValues.Serialize(TaskJson(node, verbose: true), indented: true) : TaskText(node));
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
        var tasks = graph.Nodes.Where(n => n.Parent is null && n.Kind != TaskNodeKind.CompoundInput)
            .Where(n => filter is null || (n.Produces ?? []).Any(p => DataPatternMatcher.PatternMatches(filter, p)))
            .OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        if (Json)
        {
            var doc = FlowMap.Of(("command", "show tasks"),
                ("filters", FlowMap.Of(("produces", produces ?? (object?)null))),
                ("results", tasks.Select(n => (object?)TaskJson(n, verbose: false)).ToArray()),
                ("count", (long)tasks.Count));
            Emit(JsonValues.Serialize(doc, indented: true));
        }
        else
        {
            var width = Math.Max(4, tasks.Select(t => t.Name.Length).DefaultIfEmpty(4).Max());
            var sb = new StringBuilder();
            sb.AppendLine($"{"Task".PadRight(width)}  Description");
            sb.AppendLine(new string('─', width + 14));
            foreach (var t in tasks) sb.AppendLine($"{t.Name.PadRight(width)}  {t.Desc}");
            Emit(sb.ToString().TrimEnd());
        }
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

    private static FlowMap TaskJson(TaskNode n, bool verbose)
    {
        var entries = new List<KeyValuePair<string, object?>>
        {
            new("name", n.Name), new("short_name", n.LeafName), new("package", n.Package), new("desc", n.Desc ?? ""), new("doc", n.Doc ?? ""),
            new("uses", n.BaseChain.FirstOrDefault()), new("scope", ScopeList(n.Scope)),
        };
        if (verbose)
        {
            entries.Add(new("params", new FlowMap(n.Params.Select(p => new KeyValuePair<string, object?>(p.Name,
                FlowMap.Of(("type", p.Type), ("value", p.Value), ("doc", p.Doc ?? "")))))));
            entries.Add(new("needs", n.Needs.Select(x => (object?)x.Name).ToArray()));
            entries.Add(new("rundir", n.RundirMode == RundirMode.Inherit ? "inherit" : "unique"));
            entries.Add(new("passthrough", n.Passthrough.ToValue()));
            entries.Add(new("consumes", n.Consumes.ToValue()));
        }
        entries.Add(new("produces", n.Produces?.Cast<object?>().ToArray()));
        return new FlowMap(entries);
    }

    private static object?[] ScopeList(TaskScope s)
    {
        var l = new List<object?>();
        if ((s & TaskScope.Root) != 0) l.Add("root");
        if ((s & TaskScope.Export) != 0) l.Add("export");
        if ((s & TaskScope.Local) != 0) l.Add("local");
        return l.ToArray();
    }

    private static string TaskText(TaskNode n)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Task: {n.Name}");
        sb.AppendLine($"Package: {n.Package}");
        sb.AppendLine($"Base: {n.BaseChain.FirstOrDefault() ?? "-"}");
        var scope = ScopeList(n.Scope);
        sb.AppendLine($"Scope: {(scope.Length == 0 ? "-" : string.Join(", ", scope))}");
        if (n.Desc is not null) sb.AppendLine($"Description: {n.Desc}");
        sb.AppendLine("Parameters:");
        foreach (var p in n.Params) sb.AppendLine($"  {p.Name} {p.Type} {FlowValues.ToDisplayString(p.Value)}{(p.Doc is null ? "" : "  " + p.Doc)}");
        if (n.Produces is { } produces)
        {
            sb.AppendLine("Produces:");
            foreach (var p in produces) sb.AppendLine("  - " + string.Join(", ", p.Select(kv => $"{kv.Key}={FlowValues.ToDisplayString(kv.Value)}")));
        }
        sb.AppendLine("Direct Needs:");
        foreach (var need in n.Needs) sb.AppendLine($"  - {need.Name}");
        return sb.ToString().TrimEnd();
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
        var sb = new StringBuilder();
        sb.AppendLine("digraph flow {");
        sb.AppendLine("  rankdir=TB;");
        sb.AppendLine("  node [shape=box];");
        foreach (var n in graph.Nodes)
        {
            var shape = n.Kind switch { TaskNodeKind.Compound => "box3d", TaskNodeKind.CompoundInput => "point", TaskNodeKind.DataItem => "note", _ => "box" };
            var style = n.Enabled ? "" : ", style=dashed";
            sb.AppendLine($"  \"{n.Name}\" [shape={shape}{style}];");
        }
        foreach (var n in graph.Nodes)
            foreach (var need in n.Needs)
                sb.AppendLine($"  \"{need.Name}\" -> \"{n.Name}\";");
        sb.AppendLine("}");
        // By default under obj/ (a build product, not a source): obj/dvflow/NAME.dot.
        var output = string.IsNullOrWhiteSpace(OutputFile)
            ? Path.Combine(IntermediateDirectory ?? Path.Combine(ProjectDirectory, "obj", "dvflow"), (requested ?? model.Root!.Name) + ".dot")
            : Path.GetFullPath(Path.Combine(ProjectDirectory, OutputFile));
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, sb.ToString());
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
