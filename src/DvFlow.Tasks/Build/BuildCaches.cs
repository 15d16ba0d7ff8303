using DvFlow.Tasks.Runtime;
using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>Per-build caches shared by the tasks of one MSBuild node process (the plan, exec data reads).</summary>
internal static class BuildCaches
{
    private sealed record PlanEntry(DateTime Stamp, FlowPlan Plan);

    public static FlowPlan Plan(IBuildEngine4 engine, string path)
    {
        var full = Path.GetFullPath(path);
        var key = "DvFlow.Plan:" + full;
        var stamp = File.GetLastWriteTimeUtc(full);
        if (engine.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is PlanEntry e && e.Stamp == stamp) return e.Plan;
        var plan = FlowPlanJson.Read(full);
        engine.RegisterTaskObject(key, new PlanEntry(stamp, plan), RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        return plan;
    }

    /// <summary>Task results of this build (by node name), shared by batch runs and the targets that collect them.</summary>
    public static System.Collections.Concurrent.ConcurrentDictionary<string, NodeResult> Results(IBuildEngine4 engine, string planFile, string? session)
    {
        var key = "DvFlow.Results:" + Path.GetFullPath(planFile) + ":" + session;
        if (engine.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is System.Collections.Concurrent.ConcurrentDictionary<string, NodeResult> r) return r;
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, NodeResult>(StringComparer.Ordinal);
        engine.RegisterTaskObject(key, results, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        return results;
    }

    public static ExecDataStore Store(IBuildEngine4 engine)
    {
        const string key = "DvFlow.ExecDataStore";
        if (engine.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is ExecDataStore s) return s;
        var store = new ExecDataStore();
        engine.RegisterTaskObject(key, store, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        return store;
    }
}
