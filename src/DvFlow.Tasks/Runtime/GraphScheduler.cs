using System.Collections.Concurrent;
using System.Diagnostics;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime;

/// <summary>
/// Runs the tasks below a set of nodes as one dataflow graph: each starts when its needs have finished,
/// up to <c>maxParallel</c> process-running tasks at a time (cheap ones run as soon as they are ready).
/// A failed task's dependents never start; independent tasks go on, so one build reports every failure
/// (what a regression run needs), like MSBuild building projects in parallel. Results and logs go to
/// <see cref="Results"/>, from where each task's own MSBuild target collects and replays them.
/// </summary>
public sealed class GraphScheduler
{
    private readonly FlowPlan _plan;
    private readonly Func<IRunLog, NodeRunner> _runnerFor;
    private readonly int _maxParallel;
    private readonly Action<string> _progress;

    /// <summary>Creates a scheduler; <paramref name="runnerFor"/> makes a runner logging to the given log.</summary>
    public GraphScheduler(FlowPlan plan, Func<IRunLog, NodeRunner> runnerFor, int maxParallel, Action<string> progress)
    {
        _plan = plan;
        _runnerFor = runnerFor;
        _maxParallel = Math.Max(1, maxParallel);
        _progress = progress;
    }

    /// <summary>Outcomes by node name.</summary>
    public ConcurrentDictionary<string, NodeResult> Results { get; } = new(StringComparer.Ordinal);

    /// <summary><paramref name="roots"/> and every node they need, directly or not, in dependency order.</summary>
    public static IReadOnlyList<string> Closure(FlowPlan plan, IEnumerable<string> roots)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(roots);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (!seen.Add(n)) continue;
            foreach (var need in plan.ByName[n].Needs) stack.Push(need);
        }
        // Plan order is dependency order.
        return plan.Nodes.Where(n => seen.Contains(n.Name)).Select(n => n.Name).ToList();
    }

    /// <summary>Runs <paramref name="nodes"/> (a set closed under needs, in dependency order), skipping those already in <paramref name="done"/>.</summary>
    public async Task RunAsync(IReadOnlyList<string> nodes, IReadOnlyDictionary<string, NodeResult> done, CancellationToken cancel)
    {
        var set = nodes.ToHashSet(StringComparer.Ordinal);
        var pending = new Dictionary<string, int>(StringComparer.Ordinal);
        var dependents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var n in nodes)
        {
            if (done.TryGetValue(n, out var prior)) { Results[n] = prior; continue; }
            var waits = 0;
            var blocked = false;
            foreach (var need in _plan.ByName[n].Needs)
            {
                if (done.TryGetValue(need, out var decided))
                {
                    // A need that failed earlier in this build (in an entry target's up-to-date pass): never start this task.
                    blocked |= !decided.Outcome.Success;
                    continue;
                }
                if (!set.Contains(need)) continue;
                waits++;
                if (!dependents.TryGetValue(need, out var l)) dependents[need] = l = new();
                l.Add(n);
            }
            // A blocked task never becomes ready, and neither do the tasks waiting for it.
            pending[n] = blocked ? -1 : waits;
        }
        using var slots = new SemaphoreSlim(_maxParallel);
        var ready = new Queue<string>(pending.Where(kv => kv.Value == 0).Select(kv => kv.Key));
        var completions = Channel();
        var outstanding = 0;
        while (true)
        {
            while (ready.Count > 0)
            {
                var name = ready.Dequeue();
                outstanding++;
                _ = RunOne(name, slots, completions, cancel);
            }
            if (outstanding == 0) break;
            var (finished, ok) = await completions.Reader.ReadAsync(cancel).ConfigureAwait(false);
            outstanding--;
            if (!ok || !dependents.TryGetValue(finished, out var deps)) continue;
            foreach (var d in deps)
                if (--pending[d] == 0) ready.Enqueue(d);
        }
    }

    private static System.Threading.Channels.Channel<(string, bool)> Channel() => System.Threading.Channels.Channel.CreateUnbounded<(string, bool)>();

    private async Task RunOne(string name, SemaphoreSlim slots, System.Threading.Channels.Channel<(string, bool)> completions, CancellationToken cancel)
    {
        var node = _plan.ByName[name];
        var ok = false;
        var log = new RecordingRunLog();
        var sw = Stopwatch.StartNew();
        var started = DateTimeOffset.Now;
        try
        {
            if (node.Heavy) await slots.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                // Time spent waiting for a process slot is not the task's.
                sw.Restart();
                started = DateTimeOffset.Now;
                if (node.Heavy) _progress($"{name}: started");
                var outcome = await _runnerFor(log).RunAsync(name, cancel).ConfigureAwait(false);
                ok = outcome.Success;
                Results[name] = new NodeResult(outcome, log.Events, sw.Elapsed) { Started = started };
                if (node.Heavy) _progress($"{name}: {(outcome.Skipped ? "up to date" : ok ? "finished" : "FAILED")} ({sw.Elapsed.TotalSeconds:F1} s)");
            }
            finally
            {
                if (node.Heavy) slots.Release();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            // The runner reports task failures itself; anything else is a runner bug, reported on the task.
            log.Marker(name, node.Locate(new TaskMarker(MarkerSeverity.Error, $"internal error while running the task: {ex.GetType().Name}: {ex.Message}")));
            Results[name] = new NodeResult(new NodeOutcome(false, [], false, false, ex.Message, null), log.Events, sw.Elapsed);
        }
        finally
        {
            completions.Writer.TryWrite((name, ok));
        }
    }
}
