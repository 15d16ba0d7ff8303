using DvFlow.TaskApi;

namespace DvFlow.HdlSim.RunData;

/// <summary>What SimRun remembers between runs: the run-data files it copied (relative to its run directory), to remove the copies no longer staged.</summary>
public sealed record RunMemento(IReadOnlyList<string> Staged)
{
    /// <summary>The memento as a flow value: <c>{"rundata": [...]}</c>.</summary>
    public object ToValue() => FlowMap.Of(("rundata", Staged.Cast<object?>().ToArray()));

    /// <summary>Reads a memento; an empty one when <paramref name="value"/> is not one.</summary>
    public static RunMemento FromValue(object? value)
        => value is IReadOnlyDictionary<string, object?> map && map.GetValueOrDefault("rundata") is IReadOnlyList<object?> list
            ? new RunMemento(list.OfType<string>().ToList())
            : new RunMemento([]);
}
