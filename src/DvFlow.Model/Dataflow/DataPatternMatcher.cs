using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Model.Dataflow;

/// <summary>
/// Matches data items and declared produces patterns against consumes/passthrough patterns. Every
/// field of a pattern must match; a list in the pattern (such as <c>attributes: [uvm]</c>) matches
/// when all its elements are present in the item's list (subset); a scalar matches a list that contains it.
/// </summary>
public static class DataPatternMatcher
{
    /// <summary>True when <paramref name="item"/> has every field of <paramref name="pattern"/> with a matching value.</summary>
    public static bool Matches(DataItem item, IReadOnlyDictionary<string, object?> pattern)
    {
        foreach (var (key, want) in pattern)
        {
            if (!item.TryGet(key, out var have)) return false;
            if (!ValueMatches(have, want)) return false;
        }
        return true;
    }

    /// <summary>True when the item matches any of the patterns.</summary>
    public static bool MatchesAny(DataItem item, IReadOnlyList<FlowMap> patterns)
    {
        foreach (var p in patterns)
            if (Matches(item, p)) return true;
        return false;
    }

    /// <summary>
    /// The static check of the dataflow document: a consumer pattern matches a producer pattern when
    /// every key of the consumer pattern exists in the producer pattern with a matching value.
    /// </summary>
    public static bool PatternMatches(IReadOnlyDictionary<string, object?> consumer, IReadOnlyDictionary<string, object?> producer)
    {
        foreach (var (key, want) in consumer)
        {
            if (!producer.TryGetValue(key, out var have)) return false;
            if (!ValueMatches(have, want)) return false;
        }
        return true;
    }

    private static bool ValueMatches(object? have, object? want)
    {
        if (want is IReadOnlyList<object?> wantList)
        {
            if (have is not IReadOnlyList<object?> haveList) return wantList.Count == 1 && FlowValues.ValueEquals(have, wantList[0]);
            foreach (var w in wantList)
                if (!haveList.Any(h => FlowValues.ValueEquals(h, w))) return false;
            return true;
        }
        if (have is IReadOnlyList<object?> hl && want is not null)
            return hl.Any(h => FlowValues.ValueEquals(h, want));
        return FlowValues.ValueEquals(have, want) || (have is not null && want is not null && FlowValues.ToDisplayString(have) == FlowValues.ToDisplayString(want));
    }
}
