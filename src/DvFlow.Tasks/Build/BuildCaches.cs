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

    /// <summary>The user task libraries loaded in this build (one set per MSBuild node process and build).</summary>
    public static Runtime.CSharp.TaskLibrarySet TaskLibraries(IBuildEngine4 engine)
    {
        const string key = "DvFlow.TaskLibraries";
        if (engine.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is Runtime.CSharp.TaskLibrarySet s) return s;
        // Two tasks racing here each get a set; both are correct, one is merely loaded twice.
        var set = new Runtime.CSharp.TaskLibrarySet();
        engine.RegisterTaskObject(key, set, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        return set;
    }

    /// <summary>
    /// The C# resolver of one flow's library list in this build, so types, methods and inline bodies are
    /// resolved once per build and node process rather than once per task.
    /// </summary>
    /// <summary>The implementations a build's tasks use: built-ins, installed task libraries, and the project's C# task libraries.</summary>
    public static ImplementationRegistry Implementations(IBuildEngine4 engine, FlowPlan plan, ITaskItem[] taskLibraries, Action<string> problem)
    {
        // Once per build and node process: scanning and loading the installed libraries costs far more than a cheap task.
        var libraries = taskLibraries.Select(i => i.GetMetadata("FullPath")).Distinct(StringComparer.Ordinal).ToList();
        var key = "DvFlow.Implementations:" + plan.RunRoot + "|" + string.Join("|", libraries);
        if (engine.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is ImplementationRegistry cached) return cached;
        var impls = ImplementationRegistry.WithInstalledLibraries(problem);
        impls.CSharp = CSharpResolver(engine, libraries, Path.Combine(plan.RunRoot, Runtime.CSharp.InlineCSharp.CacheFolder));
        engine.RegisterTaskObject(key, impls, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        return impls;
    }

    public static Runtime.CSharp.CSharpTaskResolver CSharpResolver(IBuildEngine4 engine, IReadOnlyList<string> libraries, string inlineCacheDir)
    {
        var key = "DvFlow.CSharpResolver:" + inlineCacheDir + "|" + string.Join("|", libraries);
        if (engine.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is Runtime.CSharp.CSharpTaskResolver r) return r;
        var resolver = new Runtime.CSharp.CSharpTaskResolver(TaskLibraries(engine), libraries, inlineCacheDir);
        engine.RegisterTaskObject(key, resolver, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        return resolver;
    }
}
