using DvFlow.Tasks.Runtime;
using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>
/// Runs a task and everything it needs as one dataflow graph, with up to MaxParallel processes at a
/// time (MSBuild's -m), before the tasks' own targets run. MSBuild runs the targets of a project one
/// after another, so this is where independent flow tasks run concurrently; each task's target then
/// collects its result and replays its log, so the binlog still shows every task under its own target.
/// </summary>
public sealed class DvFlowRunBatch : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancel = new();

    /// <summary>The plan file.</summary>
    [Required] public string PlanFile { get; set; } = "";
    /// <summary>The tasks to run, with everything they need.</summary>
    [Required] public string[] Nodes { get; set; } = [];
    /// <summary>Ignore up-to-date checks.</summary>
    public bool Force { get; set; }
    /// <summary>The build session id.</summary>
    public string? Session { get; set; }
    /// <summary>C# task library assemblies of the project.</summary>
    public ITaskItem[] TaskLibraries { get; set; } = [];
    /// <summary>How many process-running tasks may run at once (MSBuild's node count).</summary>
    public int MaxParallel { get; set; } = 1;

    /// <inheritdoc />
    public void Cancel() => _cancel.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        var session = string.IsNullOrEmpty(Session) ? null : Session;
        var results = BuildCaches.Results(BuildEngine4, PlanFile, session);
        if (Nodes.All(results.ContainsKey)) return true;
        if (BuildCaches.TryPlan(BuildEngine4, PlanFile, Log) is not { } plan) return false;
        using var guard = RunRootGuard.Enter(BuildEngine4, Log, plan.RunRoot, session, BuildEngine.ProjectFileOfTaskNode, -1, _cancel.Token);
        if (guard is null) return false;
        var store = BuildCaches.Store(BuildEngine4);
        var impls = BuildCaches.Implementations(BuildEngine4, plan, TaskLibraries, p => DiagnosticLogging.Warning(Log, DiagnosticLogging.FlowFile(plan), "DVF0008", p));
        var at = Nodes.Select(n => plan.ByName.GetValueOrDefault(n)?.Location).FirstOrDefault(l => l is not null) ?? DiagnosticLogging.FlowFile(plan);
        var options = new RunOptions { Force = Force, Session = session, MaxParallel = Math.Max(1, MaxParallel) };
        var gate = new object();
        var scheduler = new GraphScheduler(plan, log => new NodeRunner(plan, store, impls, log, options), MaxParallel,
            msg => { lock (gate) Log.LogMessage(MessageImportance.Normal, "{0}", msg); });
        var closure = GraphScheduler.Closure(plan, Nodes.Where(plan.ByName.ContainsKey));
        Log.LogMessage(MessageImportance.Low, "DvFlow: running {0} task(s) below {1} with up to {2} process(es) at a time", closure.Count, string.Join(", ", Nodes), MaxParallel);
        try
        {
            scheduler.RunAsync(closure, results, _cancel.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            DiagnosticLogging.Error(Log, at, "DVF0005", "cancelled");
            return false;
        }
        foreach (var (k, v) in scheduler.Results) results.TryAdd(k, v);
        if (scheduler.Results.Values.All(r => r.Outcome.Success)) return true; // each target replays its own task's log
        // A failure stops the build before the tasks' targets run, so report every task of the batch here,
        // in dependency order: each failure, and what the others did.
        var log = new MsBuildRunLog(Log);
        foreach (var name in closure)
            if (scheduler.Results.TryGetValue(name, out var r))
                foreach (var e in r.Events) e.ReplayTo(log);
        var failed = closure.Where(n => scheduler.Results.TryGetValue(n, out var r) && !r.Outcome.Success).ToList();
        DiagnosticLogging.Error(Log, at, "DVF6001", $"{failed.Count} task(s) failed: {string.Join(", ", failed)}");
        return false;
    }
}
