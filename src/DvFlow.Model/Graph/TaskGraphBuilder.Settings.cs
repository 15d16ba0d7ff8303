using DvFlow.Model.Definitions;
using DvFlow.Model.Expressions;
using DvFlow.Model.Yaml;
using DvFlow.TaskApi;

namespace DvFlow.Model.Graph;

// The evaluated settings of a task: iff, consumes/passthrough filters, produces and uptodate.
public sealed partial class TaskGraphBuilder
{
    private bool EvaluateCondition(YNode iff, IExpressionScope scope)
    {
        if (!_eval.TryEvaluate(iff, scope, out var v)) return false;
        return v switch
        {
            bool b => b,
            string s => s.Trim().ToLowerInvariant() is not ("" or "false" or "0" or "no" or "off"),
            _ => FlowValues.IsTruthy(v),
        };
    }

    private DataFilterSpec EvaluateFilter(DataFilter f, IExpressionScope scope) => f.Kind switch
    {
        DataFilterKind.All => DataFilterSpec.All,
        DataFilterKind.None => DataFilterSpec.None,
        DataFilterKind.Unused => DataFilterSpec.Unused,
        _ => new DataFilterSpec(DataFilterKind.Patterns, f.Patterns.Select(p => EvaluatePattern(p, scope)).ToList()),
    };

    private FlowMap EvaluatePattern(DataPattern p, IExpressionScope scope, bool lenient = false)
    {
        var entries = new List<KeyValuePair<string, object?>>(p.Fields.Count);
        foreach (var (key, node) in p.Fields)
        {
            // Declared produces are informational: as in dfm, a value that fails to evaluate keeps its text (with a warning).
            if (!(lenient ? _lenientEval : _eval).TryEvaluate(node, scope, out var v) && lenient && node is YScalar raw) v = raw.Text;
            entries.Add(new(key, v));
        }
        return new FlowMap(entries);
    }

    // Produces accumulate along the uses chain: a derived task adds to what its base produces.
    private IReadOnlyList<FlowMap>? EvaluateProduces(IReadOnlyList<Level> chain, Func<Level, IExpressionScope> scopeAt)
    {
        List<FlowMap>? result = null;
        foreach (var l in chain)
        {
            if (l.Task?.Produces is not { } produces) continue;
            result ??= new();
            var scope = scopeAt(l);
            foreach (var p in produces) result.Add(EvaluatePattern(p, scope, lenient: true));
        }
        return result;
    }

    private static UptodateSpec EvaluateUptodate(IReadOnlyList<Level> chain)
    {
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            switch (chain[i].Task?.Uptodate)
            {
                case null: continue;
                case YScalar { Value: false }: return UptodateSpec.Never;
                case YScalar { Value: true or null }: return UptodateSpec.Default;
                case YScalar s when s.Text.Trim().ToLowerInvariant() is "false" or "no" or "never": return UptodateSpec.Never;
                case YScalar s: return new UptodateSpec(UptodateKind.Custom, s.Text.Trim());
            }
        }
        return UptodateSpec.Default;
    }
}
