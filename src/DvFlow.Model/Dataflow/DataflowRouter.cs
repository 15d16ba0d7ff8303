using DvFlow.Model.Definitions;
using DvFlow.Model.Graph;
using DvFlow.TaskApi;

namespace DvFlow.Model.Dataflow;

/// <summary>
/// Splits a task's inputs by its consumes and passthrough settings, with dfm's rules: inputs are the
/// needs' outputs in needs order without duplicates (by src and seq); <c>std.Env</c> items always reach
/// the implementation and are never passed on; <c>passthrough: unused</c> forwards what was not consumed.
/// </summary>
public static class DataflowRouter
{
    /// <summary>The type of environment items.</summary>
    public const string EnvType = "std.Env";

    /// <summary>Concatenates the needs' outputs in order, dropping items already seen (same src and seq).</summary>
    public static IReadOnlyList<DataItem> GatherInputs(IEnumerable<IReadOnlyList<DataItem>> needOutputs)
    {
        var seen = new HashSet<(string?, int, string)>();
        var list = new List<DataItem>();
        foreach (var output in needOutputs)
            foreach (var item in output)
                if (item.Src is null || seen.Add((item.Src, item.Seq, item.Type))) list.Add(item);
        return list;
    }

    /// <summary>The inputs the implementation receives.</summary>
    public static IReadOnlyList<DataItem> Consumed(IReadOnlyList<DataItem> inputs, DataFilterSpec consumes)
        => inputs.Where(i => i.Type == EnvType || IsConsumed(i, consumes)).ToList();

    /// <summary>The inputs forwarded to the task's output, before its own outputs.</summary>
    public static IReadOnlyList<DataItem> PassedThrough(IReadOnlyList<DataItem> inputs, DataFilterSpec consumes, DataFilterSpec passthrough)
        => inputs.Where(i => i.Type != EnvType && passthrough.Kind switch
        {
            DataFilterKind.All => true,
            DataFilterKind.None => false,
            DataFilterKind.Unused => !IsConsumed(i, consumes),
            _ => DataPatternMatcher.MatchesAny(i, passthrough.Patterns),
        }).ToList();

    private static bool IsConsumed(DataItem item, DataFilterSpec consumes) => consumes.Kind switch
    {
        DataFilterKind.All => true,
        DataFilterKind.Patterns => DataPatternMatcher.MatchesAny(item, consumes.Patterns),
        _ => false,
    };
}
