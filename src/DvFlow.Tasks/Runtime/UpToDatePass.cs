using System.Collections.Concurrent;
using System.Diagnostics;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime;

/// <summary>
/// Decides in one pass whether requested tasks and everything they need are up to date, so a no-op build
/// need not enter one MSBuild target per task (about 0.3 ms each). Nodes are visited in dependency order and
/// kept in <c>results</c> as they are decided; light built-ins that always look at their files (std.FileSet)
/// are run, anything else that would run stops the pass. The targets then take over from where it stopped,
/// and replay what it recorded rather than checking again.
/// </summary>
public static class UpToDatePass
{
    /// <summary>
    /// When every node below <paramref name="roots"/> finished successfully without running a process: the nodes this
    /// pass decided (dependency order; nodes already in <paramref name="results"/> were decided, and logged, earlier in
    /// the build). Otherwise null.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="roots">The requested nodes.</param>
    /// <param name="runnerFor">Makes a runner logging to the given log.</param>
    /// <param name="results">This build's results: read for nodes already done, added to for nodes decided here.</param>
    /// <param name="cancel">Cancellation.</param>
    public static async Task<IReadOnlyList<string>?> RunAsync(FlowPlan plan, IReadOnlyList<string> roots, Func<IRunLog, NodeRunner> runnerFor,
        ConcurrentDictionary<string, NodeResult> results, CancellationToken cancel)
    {
        if (roots.Count == 0 || !roots.All(plan.ByName.ContainsKey)) return null;
        var decided = new List<string>();
        foreach (var name in GraphScheduler.Closure(plan, roots))
        {
            if (!results.TryGetValue(name, out var result))
            {
                var log = new RecordingRunLog();
                var sw = Stopwatch.StartNew();
                var outcome = await runnerFor(log).RunIfAsync(name, MayRun, cancel).ConfigureAwait(false);
                if (outcome is null) return null;
                result = new NodeResult(outcome, log.Events, sw.Elapsed);
                if (results.TryAdd(name, result)) decided.Add(name);
                else result = results[name];
            }
            if (!result.Outcome.Success) return null;
        }
        return decided;
    }

    // Only what costs no more than checking it: FileSets re-match their globs in-process on every build.
    private static bool MayRun(NodeSpec node, string reason) => !node.Heavy && ImplementationRegistry.AlwaysRuns(node);
}
