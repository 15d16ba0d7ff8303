using DvFlow.TaskApi;
using DvFlow.Tasks.Runtime;
using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>
/// The body of an entry target: a root-package task's short name (<c>-t:sim</c>), <c>Build</c> and <c>DvFlowRun</c>.
/// When the requested tasks and everything they need are up to date, it logs each task's skip reason and returns
/// the requested tasks' outputs without entering their targets (about 0.3 ms a target, which is most of a large
/// flow's no-op build). Otherwise it builds the tasks' targets, which reuse what it decided.
/// </summary>
/// <remarks>
/// The fast path is off when <see cref="Fast"/> is false (Rebuild, or <c>DvFlowFastNoOp=false</c>), and when the log
/// is detailed (a binlog, <c>-v:detailed</c> or <c>-v:diag</c> asks for low-importance messages), so such a log shows every task under
/// its own target.
/// </remarks>
public sealed class DvFlowEntry : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancel = new();

    /// <summary>The plan file.</summary>
    [Required] public string PlanFile { get; set; } = "";
    /// <summary>The requested tasks.</summary>
    [Required] public string[] Nodes { get; set; } = [];
    /// <summary>The project, whose task targets are built when the tasks are not all up to date.</summary>
    [Required] public string Project { get; set; } = "";
    /// <summary>Whether a no-op may be decided in one pass (<c>DvFlowFastNoOp</c>).</summary>
    public bool Fast { get; set; } = true;
    /// <summary>Ignore up-to-date checks (Rebuild, <c>DvFlowForce</c>): the task targets always run.</summary>
    public bool Force { get; set; }
    /// <summary>The build session id.</summary>
    public string? Session { get; set; }
    /// <summary>C# task library assemblies of the project (for C# up-to-date checks).</summary>
    public ITaskItem[] TaskLibraries { get; set; } = [];

    /// <summary>The requested tasks' output items.</summary>
    [Output] public ITaskItem[] Outputs { get; set; } = [];

    /// <inheritdoc />
    public void Cancel() => _cancel.Cancel();

    /// <summary>How long to wait for the run directory while another build uses it, in seconds (negative: as long as it takes; 0: refuse at once).</summary>
    public int RunRootTimeout { get; set; } = -1;

    /// <inheritdoc />
    public override bool Execute()
    {
        if (BuildCaches.TryPlan(BuildEngine4, PlanFile, Log) is not { } plan) return false;
        var unknown = false;
        foreach (var name in Nodes.Where(n => !plan.ByName.ContainsKey(n)))
        {
            TaskNameLookup.Find(name, plan.RootPackage, plan.ByName.Keys.ToList(), out var error);
            DiagnosticLogging.Error(Log, DiagnosticLogging.FlowFile(plan), "DVF0012", error!);
            unknown = true;
        }
        if (unknown) return false;
        // The build owns the run directory while its tasks run: a second build of the project waits here.
        using var guard = RunRootGuard.Enter(BuildEngine4, Log, plan.RunRoot, string.IsNullOrEmpty(Session) ? null : Session, Project, RunRootTimeout, _cancel.Token);
        if (guard is null) return false;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (Fast && !Force && !DetailedLog())
        {
            if (AllUpToDate(plan) is not { } current) return false;
            if (current)
            {
                Summarize(plan, clock.Elapsed);
                return true;
            }
        }
        // The same project and global properties: the targets run in this project instance, as with the MSBuild task.
        var targets = Nodes.Select(TargetNames.Canonical).ToArray();
        var outputs = new Dictionary<string, ITaskItem[]>(StringComparer.OrdinalIgnoreCase);
        var ok = BuildEngine.BuildProjectFile(Project, targets, null, outputs);
        Summarize(plan, clock.Elapsed);
        if (!ok) return false;
        Outputs = targets.SelectMany(t => outputs.TryGetValue(t, out var items) ? items : []).ToArray();
        return true;
    }

    /// <summary>One line at the default verbosity: how many of the requested tasks ran, were up to date, failed or never started, and how long it took.</summary>
    private void Summarize(FlowPlan plan, TimeSpan elapsed)
    {
        var results = BuildCaches.Results(BuildEngine4, PlanFile, string.IsNullOrEmpty(Session) ? null : Session);
        var tasks = GraphScheduler.Closure(plan, Nodes).Where(n => plan.ByName[n].Kind is Model.Graph.TaskNodeKind.Leaf or Model.Graph.TaskNodeKind.DataItem).ToList();
        int ran = 0, upToDate = 0, failed = 0, notRun = 0;
        foreach (var n in tasks)
        {
            if (!results.TryGetValue(n, out var r)) notRun++;
            else if (!r.Outcome.Success) failed++;
            else if (r.Outcome.Skipped) upToDate++;
            else ran++;
        }
        var parts = new List<string> { $"{ran} ran", $"{upToDate} up to date" };
        if (failed > 0) parts.Add($"{failed} failed");
        if (notRun > 0) parts.Add($"{notRun} not run");
        Log.LogMessage(MessageImportance.High, "DvFlow: {0}: {1} task(s), {2} ({3:F1} s)",
            string.Join(", ", Nodes), tasks.Count, string.Join(", ", parts), elapsed.TotalSeconds);
    }

    private bool DetailedLog()
    {
        if (!Log.LogsMessagesOfImportance(MessageImportance.Low)) return false;
        Log.LogMessage(MessageImportance.Low, "DvFlow: the log is detailed, so every task runs under its own target");
        return true;
    }

    // True (outputs set, skip reasons logged) when the targets need not run; null after a logged error.
    private bool? AllUpToDate(FlowPlan plan)
    {
        var session = string.IsNullOrEmpty(Session) ? null : Session;
        var results = BuildCaches.Results(BuildEngine4, PlanFile, session);
        var store = BuildCaches.Store(BuildEngine4);
        var impls = BuildCaches.Implementations(BuildEngine4, plan, TaskLibraries, p => DiagnosticLogging.Warning(Log, DiagnosticLogging.FlowFile(plan), "DVF0008", p));
        var options = new RunOptions { Session = session };
        IReadOnlyList<string>? decided;
        try
        {
            decided = UpToDatePass.RunAsync(plan, Nodes, log => new NodeRunner(plan, store, impls, log, options), results, _cancel.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            DiagnosticLogging.Error(Log, Nodes.Select(n => plan.ByName.GetValueOrDefault(n)?.Location).FirstOrDefault(l => l is not null) ?? DiagnosticLogging.FlowFile(plan), "DVF0005", "cancelled");
            return null;
        }
        if (decided is null) return false;
        // What was decided earlier in the build was logged then, under its own target or by an earlier entry target.
        var runLog = new MsBuildRunLog(Log);
        foreach (var name in decided)
            foreach (var e in results[name].Events) e.ReplayTo(runLog);
        BuildCaches.ReportWriteError(BuildEngine4, Log, DiagnosticLogging.FlowFile(plan));
        Outputs = Nodes.SelectMany(n => results[n].Outcome.Output).SelectMany(DvFlowRunNode.ToItems).ToArray();
        Log.LogMessage(MessageImportance.Normal, "DvFlow: {0} task(s) up to date; their targets were not entered", GraphScheduler.Closure(plan, Nodes).Count);
        return true;
    }
}
