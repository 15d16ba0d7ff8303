using System.Text;
using DvFlow.Model.Dataflow;
using DvFlow.Model.Definitions;
using DvFlow.Model.Expressions;
using DvFlow.Model.Graph;
using DvFlow.TaskApi;

namespace DvFlow.Model.Inspection;

/// <summary>What dfm's <c>show</c> prints of tasks: the task list (optionally filtered by what tasks produce) and one task's details, as text or as JSON-shaped maps.</summary>
public static class TaskDescription
{
    /// <summary>The root package's top-level tasks, by name, that produce something matching <paramref name="produces"/> (all when null).</summary>
    public static IReadOnlyList<TaskNode> List(TaskGraph graph, FlowMap? produces) =>
        graph.Nodes.Where(n => n.Parent is null && n.Kind != TaskNodeKind.CompoundInput)
            .Where(n => produces is null || (n.Produces ?? []).Any(p => DataPatternMatcher.PatternMatches(produces, p)))
            .OrderBy(n => n.Name, StringComparer.Ordinal).ToList();

    /// <summary>The task list as a two-column table of names and descriptions.</summary>
    public static string ListText(IReadOnlyList<TaskNode> tasks)
    {
        var width = Math.Max(4, tasks.Select(t => t.Name.Length).DefaultIfEmpty(4).Max());
        var sb = new StringBuilder();
        sb.AppendLine($"{"Task".PadRight(width)}  Description");
        sb.AppendLine(new string('─', width + 14));
        foreach (var t in tasks) sb.AppendLine($"{t.Name.PadRight(width)}  {t.Desc}");
        return sb.ToString().TrimEnd();
    }

    /// <summary>The task list as dfm's <c>show tasks --json</c> document; <paramref name="producesText"/> is the filter as the user typed it.</summary>
    public static FlowMap ListJson(IReadOnlyList<TaskNode> tasks, string? producesText) =>
        FlowMap.Of(("command", "show tasks"),
            ("filters", FlowMap.Of(("produces", producesText))),
            ("results", tasks.Select(n => (object?)Json(n, verbose: false)).ToArray()),
            ("count", (long)tasks.Count));

    /// <summary>One task as a map; <paramref name="verbose"/> adds parameters, needs and dataflow settings.</summary>
    public static FlowMap Json(TaskNode n, bool verbose)
    {
        var entries = new List<KeyValuePair<string, object?>>
        {
            new("name", n.Name), new("short_name", n.LeafName), new("package", n.Package), new("desc", n.Desc ?? ""), new("doc", n.Doc ?? ""),
            new("uses", n.BaseChain.FirstOrDefault()), new("scope", ScopeNames(n.Scope)),
        };
        if (verbose)
        {
            entries.Add(new("params", new FlowMap(n.Parameters.Select(p => new KeyValuePair<string, object?>(p.Name,
                FlowMap.Of(("type", p.Type), ("value", n.ParamValues[p.Name]), ("doc", p.Doc ?? "")))))));
            entries.Add(new("needs", n.Needs.Select(x => (object?)x.Name).ToArray()));
            entries.Add(new("rundir", n.RundirMode == RundirMode.Inherit ? "inherit" : "unique"));
            entries.Add(new("passthrough", n.Passthrough.ToValue()));
            entries.Add(new("consumes", n.Consumes.ToValue()));
        }
        entries.Add(new("produces", n.Produces?.Cast<object?>().ToArray()));
        return new FlowMap(entries);
    }

    /// <summary>One task's details as text.</summary>
    public static string Text(TaskNode n)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Task: {n.Name}");
        sb.AppendLine($"Package: {n.Package}");
        sb.AppendLine($"Base: {n.BaseChain.FirstOrDefault() ?? "-"}");
        var scope = ScopeNames(n.Scope);
        sb.AppendLine($"Scope: {(scope.Length == 0 ? "-" : string.Join(", ", scope))}");
        if (n.Desc is not null) sb.AppendLine($"Description: {n.Desc}");
        sb.AppendLine("Parameters:");
        foreach (var p in n.Parameters) sb.AppendLine($"  {p.Name} {p.Type} {FlowValues.ToDisplayString(n.ParamValues[p.Name])}{(p.Doc is null ? "" : "  " + p.Doc)}");
        if (n.Produces is { } produces)
        {
            sb.AppendLine("Produces:");
            foreach (var p in produces) sb.AppendLine("  - " + string.Join(", ", p.Select(kv => $"{kv.Key}={FlowValues.ToDisplayString(kv.Value)}")));
        }
        sb.AppendLine("Direct Needs:");
        foreach (var need in n.Needs) sb.AppendLine($"  - {need.Name}");
        return sb.ToString().TrimEnd();
    }

    private static object?[] ScopeNames(TaskScope s)
    {
        var l = new List<object?>();
        if ((s & TaskScope.Root) != 0) l.Add("root");
        if ((s & TaskScope.Export) != 0) l.Add("export");
        if ((s & TaskScope.Local) != 0) l.Add("local");
        return l.ToArray();
    }
}
