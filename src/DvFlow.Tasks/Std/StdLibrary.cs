using System.Collections.Frozen;
using System.Reflection;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Std;

/// <summary>
/// The std package's implementations: every class of this folder marked <see cref="StdTaskAttribute"/>. Adding a std task
/// is its flow.yaml entry and one such class; nothing else lists them.
/// </summary>
public static class StdLibrary
{
    private sealed record Entry(Func<ITaskImplementation> Create, bool RunsProcesses, IAlwaysRuns? AlwaysRuns);

    private static readonly FrozenDictionary<string, Entry> Entries = typeof(StdLibrary).Assembly.GetTypes()
        .Select(t => (Type: t, Std: t.GetCustomAttribute<StdTaskAttribute>()))
        .Where(x => x.Std is not null)
        .ToFrozenDictionary(x => x.Std!.Name, x =>
        {
            var create = () => (ITaskImplementation)Activator.CreateInstance(x.Type)!;
            return new Entry(create, x.Std!.RunsProcesses, typeof(IAlwaysRuns).IsAssignableFrom(x.Type) ? (IAlwaysRuns)create() : null);
        }, StringComparer.Ordinal);

    /// <summary>The std names and how to create their implementations.</summary>
    public static IEnumerable<KeyValuePair<string, Func<ITaskImplementation>>> Implementations
        => Entries.Select(e => KeyValuePair.Create(e.Key, e.Value.Create));

    /// <summary>True when std task <paramref name="name"/> runs processes (false for names std does not define).</summary>
    public static bool RunsProcesses(string name) => Entries.TryGetValue(name, out var e) && e.RunsProcesses;

    /// <summary>True when std task <paramref name="name"/> with <paramref name="parameters"/> must run on every build.</summary>
    public static bool AlwaysRuns(string name, FlowMap parameters)
        => Entries.TryGetValue(name, out var e) && e.AlwaysRuns is not null && e.AlwaysRuns.AlwaysRuns(parameters);
}
