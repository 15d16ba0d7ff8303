using DvFlow.TaskApi;

namespace DvFlow.HdlSim;

/// <summary>
/// What SimImage remembers between builds: which implementation built the image (two simulators may
/// share a run directory when a config switches between them) and the files it depends on.
/// </summary>
public sealed record ImageMemento(string Builder, DependencySet Dependencies)
{
    /// <summary>The memento as a flow value: <c>{"builder": ..., "deps": [...]}</c>.</summary>
    public object ToValue() => FlowMap.Of(("builder", Builder), ("deps", Dependencies.ToValue()));

    /// <summary>Reads a memento; null when <paramref name="value"/> is not one.</summary>
    public static ImageMemento? FromValue(object? value)
        => value is IReadOnlyDictionary<string, object?> map && map.GetValueOrDefault("builder") is string builder
           && DependencySet.FromValue(map.GetValueOrDefault("deps")) is { } deps
            ? new ImageMemento(builder, deps)
            : null;

    /// <summary>
    /// Why the output <paramref name="what"/> ("image", "library") built by <paramref name="builder"/> must be
    /// built again, given the memento of its last build; null when every dependency is unchanged.
    /// </summary>
    public static string? WhyStale(object? memento, string builder, string what)
    {
        var previous = FromValue(memento);
        if (previous is null) return $"no record of the {what}'s dependencies";
        if (previous.Builder != builder) return $"the {what} was built by {previous.Builder}";
        return previous.Dependencies.WhyStale();
    }
}
