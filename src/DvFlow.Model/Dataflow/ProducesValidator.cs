using System.Globalization;
using System.Text;
using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Graph;
using DvFlow.TaskApi;

namespace DvFlow.Model.Dataflow;

/// <summary>
/// The produces/consumes check of the dataflow document: for every dependency edge, warn when the
/// consumer's patterns match none of the producer's declared patterns (OR logic: any match is enough).
/// Consumers with <c>consumes: all</c> and producers without declared produces are always compatible.
/// </summary>
public static class ProducesValidator
{
    /// <summary>The warnings for the graph, one per mismatching edge, in dfm's wording.</summary>
    public static IReadOnlyList<Diagnostic> Validate(TaskGraph graph)
    {
        var result = new List<Diagnostic>();
        foreach (var consumer in graph.Nodes)
        {
            if (consumer.Consumes.Kind != DataFilterKind.Patterns || !consumer.Enabled) continue;
            foreach (var producer in consumer.Needs)
            {
                // Look through compound inputs and outputs to the tasks that really produce data.
                foreach (var p in Producers(producer))
                {
                    if (p.Produces is not { Count: > 0 } produces) continue;
                    var ok = consumer.Consumes.Patterns.Any(c => produces.Any(pp => DataPatternMatcher.PatternMatches(c, pp)));
                    if (ok) continue;
                    result.Add(new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.DataflowMismatch,
                        $"Task '{Display(consumer, consumer.Package)}' consumes {PyRepr(consumer.Consumes.Patterns)} but '{Display(p, consumer.Package)}' produces {PyRepr(produces)}. No consume pattern matches any produce pattern.",
                        consumer.Location));
                }
            }
        }
        return result;
    }

    // As dfm words it: names inside the consumer's package are short, others fully qualified.
    private static string Display(TaskNode n, string package)
        => n.Package == package && n.Name.StartsWith(package + ".", StringComparison.Ordinal) ? n.Name[(package.Length + 1)..] : n.Name;

    private static IEnumerable<TaskNode> Producers(TaskNode n)
    {
        if (n.Kind is TaskNodeKind.CompoundInput or TaskNodeKind.Compound && n.Produces is null)
            return n.Needs.SelectMany(Producers);
        return [n];
    }

    /// <summary>Renders patterns as dfm does (a Python list-of-dict repr), so messages read the same.</summary>
    public static string PyRepr(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    // Python's repr: single quotes unless the text holds a single quote and no double quote.
    private static void WriteString(StringBuilder sb, string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        sb.Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (c == quote) sb.Append('\\');
                    sb.Append(c);
                    break;
            }
        }
        sb.Append(quote);
    }

    private static void Write(StringBuilder sb, object? v)
    {
        switch (v)
        {
            case null: sb.Append("None"); break;
            case string s: WriteString(sb, s); break;
            case bool b: sb.Append(b ? "True" : "False"); break;
            case long or int: sb.Append(Convert.ToString(v, CultureInfo.InvariantCulture)); break;
            case double d: sb.Append(FlowValues.FormatDouble(d)); break;
            case IReadOnlyDictionary<string, object?> map:
                sb.Append('{');
                var first = true;
                foreach (var (k, val) in map)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    Write(sb, k);
                    sb.Append(": ");
                    Write(sb, val);
                }
                sb.Append('}');
                break;
            case System.Collections.IEnumerable list:
                sb.Append('[');
                var f = true;
                foreach (var item in list)
                {
                    if (!f) sb.Append(", ");
                    f = false;
                    Write(sb, item);
                }
                sb.Append(']');
                break;
            default: sb.Append(v); break;
        }
    }
}
