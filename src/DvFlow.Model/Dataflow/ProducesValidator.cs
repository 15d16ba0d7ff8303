using System.Globalization;
using System.Text;
using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Graph;

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
                        $"Task '{consumer.Name}' consumes {PyRepr(consumer.Consumes.Patterns)} but '{p.Name}' produces {PyRepr(produces)}. No consume pattern matches any produce pattern.",
                        consumer.Location));
                }
            }
        }
        return result;
    }

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

    private static void Write(StringBuilder sb, object? v)
    {
        switch (v)
        {
            case null: sb.Append("None"); break;
            case string s: sb.Append('\'').Append(s.Replace("\\", "\\\\").Replace("'", "\\'")).Append('\''); break;
            case bool b: sb.Append(b ? "True" : "False"); break;
            case long or int: sb.Append(Convert.ToString(v, CultureInfo.InvariantCulture)); break;
            case double d: sb.Append(d.ToString("R", CultureInfo.InvariantCulture)); break;
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
