using DvFlow.Tasks.Runtime;
using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>Per-build caches shared by the tasks of one MSBuild node process (the plan, exec data reads).</summary>
internal static class BuildCaches
{
    private sealed record PlanEntry(DateTime Stamp, FlowPlan Plan);

    /// <summary>The plan, or null after logging DVF0004 when it cannot be read.</summary>
    public static FlowPlan? TryPlan(IBuildEngine4 engine, string path, Microsoft.Build.Utilities.TaskLoggingHelper log)
    {
        try { return Plan(engine, path); }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            log.LogError(null, "DVF0004", null, path, 0, 0, 0, 0, "cannot read the flow plan: {0}", ex.Message);
            return null;
        }
    }

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
        => GetOrAdd(engine, "DvFlow.Results:" + Path.GetFullPath(planFile) + ":" + session,
            () => new System.Collections.Concurrent.ConcurrentDictionary<string, NodeResult>(StringComparer.Ordinal));

    /// <summary>Exec data of the build: reads cached, writes behind (MSBuild disposes the store, flushing it, when the build ends).</summary>
    public static ExecDataStore Store(IBuildEngine4 engine) => GetOrAdd(engine, "DvFlow.ExecDataStore", () => new ExecDataStore(writeBehind: true));

    /// <summary>Warns (DVF0006) when a record of this build could not be written since the last call: that task runs again next time.</summary>
    public static void ReportWriteError(IBuildEngine4 engine, Microsoft.Build.Utilities.TaskLoggingHelper log, DvFlow.Model.Diagnostics.SourceLocation? at)
    {
        if (Store(engine).TakeWriteError() is { } writeError)
            DiagnosticLogging.Warning(log, at, "DVF0006", $"a task's record could not be written, so it will run again next time: {writeError.Message}");
    }

    /// <summary>The user task libraries loaded in this build (one set per MSBuild node process and build).</summary>
    /// <remarks>Two tasks racing here each get a set; both are correct, one is merely loaded twice.</remarks>
    public static Runtime.CSharp.TaskLibrarySet TaskLibraries(IBuildEngine4 engine) => GetOrAdd(engine, "DvFlow.TaskLibraries", () => new Runtime.CSharp.TaskLibrarySet());

    /// <summary>The implementations a build's tasks use: built-ins, installed task libraries, and the project's C# task libraries.</summary>
    /// <remarks>Once per build and node process: scanning and loading the installed libraries costs far more than a cheap task.</remarks>
    public static ImplementationRegistry Implementations(IBuildEngine4 engine, FlowPlan plan, ITaskItem[] taskLibraries, Action<string> problem)
    {
        var libraries = taskLibraries.Select(i => i.GetMetadata("FullPath")).Distinct(StringComparer.Ordinal).ToList();
        return GetOrAdd(engine, "DvFlow.Implementations:" + plan.RunRoot + "|" + string.Join("|", libraries), () =>
        {
            // Libraries name their built-in implementations (shell: builtin) with [TaskLibrary]; loading them here costs
            // nothing extra, as their shell: csharp tasks would load them anyway.
            var errors = new List<string>();
            var assemblies = TaskLibraries(engine).Load(libraries, errors);
            errors.ForEach(problem);
            var impls = ImplementationRegistry.With(TaskLibraryCatalog.FromAssemblies(assemblies, problem));
            impls.CSharp = CSharpResolver(engine, libraries, Path.Combine(plan.RunRoot, Runtime.CSharp.InlineCSharp.CacheFolder));
            return impls;
        });
    }

    /// <summary>
    /// The C# resolver of one flow's library list in this build, so types, methods and inline bodies are
    /// resolved once per build and node process rather than once per task.
    /// </summary>
    public static Runtime.CSharp.CSharpTaskResolver CSharpResolver(IBuildEngine4 engine, IReadOnlyList<string> libraries, string inlineCacheDir)
        => GetOrAdd(engine, "DvFlow.CSharpResolver:" + inlineCacheDir + "|" + string.Join("|", libraries),
            () => new Runtime.CSharp.CSharpTaskResolver(TaskLibraries(engine), libraries, inlineCacheDir));

    private static T GetOrAdd<T>(IBuildEngine4 engine, string key, Func<T> create) where T : class
    {
        if (engine.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is T existing) return existing;
        var value = create();
        engine.RegisterTaskObject(key, value, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        return value;
    }
}
