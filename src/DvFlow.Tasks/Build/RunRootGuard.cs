using System.Diagnostics;
using DvFlow.Model.Diagnostics;
using DvFlow.Tasks.Runtime;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DvFlow.Tasks.Build;

/// <summary>
/// Holds a run root's <see cref="RunRootLock"/> while a DvFlow task of this build works in it. Tasks of one project
/// instance (one build session) share the hold, so an entry target's own task targets run under it; any other
/// build, or another instance of the project in this build, waits until the holder is done, yielding its MSBuild
/// node meanwhile so the holder can go on. Records written behind are flushed before the lock is released, so the
/// next holder reads what this one did.
/// </summary>
internal sealed class RunRootGuard : IDisposable
{
    private readonly Holder _holder;
    private readonly ExecDataStore _store;

    private RunRootGuard(Holder holder, ExecDataStore store)
    {
        _holder = holder;
        _store = store;
    }

    /// <summary>The per-process state of one run root's lock: which session holds it and how many tasks use it.</summary>
    private sealed class Holder : IDisposable
    {
        public string? Session;
        public int Count;
        public RunRootLock? Lock;

        public void Dispose()
        {
            lock (this) { Lock?.Dispose(); Lock = null; Count = 0; }
        }
    }

    /// <summary>
    /// Takes (or joins) the hold of <paramref name="runRoot"/> for <paramref name="session"/>; null after logging an error
    /// when the run root is still in use after <paramref name="timeoutSeconds"/> (negative: wait as long as it takes).
    /// </summary>
    public static RunRootGuard? Enter(IBuildEngine4 engine, TaskLoggingHelper log, string runRoot, string? session, string project,
        int timeoutSeconds, CancellationToken cancel)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(runRoot));
        // A run root that is a link puts every record and run directory wherever it points; one a script can swap.
        if (new DirectoryInfo(root).LinkTarget is { } target)
        {
            log.LogError(null, DiagnosticCodes.OutsideRunRoot, null, project, 0, 0, 0, 0,
                "the run directory {0} is a symbolic link (to '{1}'); refusing to write through it. Set DvFlowRunRoot to the directory itself", root, target);
            return null;
        }
        var key = "DvFlow.RunRoot:" + root;
        if (engine.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is not Holder holder)
        {
            holder = new Holder();
            engine.RegisterTaskObject(key, holder, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
            holder = (Holder)engine.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build);
        }
        session ??= Guid.NewGuid().ToString("N");
        var me = new RunRootOwner(Environment.ProcessId, Environment.MachineName, project, DateTime.UtcNow);
        if (TryTake(holder, root, session, me)) return new RunRootGuard(holder, BuildCaches.Store(engine));

        var owner = RunRootLock.ReadOwner(root);
        var who = owner is null ? "another build" : $"another build ({owner})";
        if (timeoutSeconds == 0)
        {
            log.LogError(null, "DVF0007", null, project, 0, 0, 0, 0,
                "the run directory {0} is in use by {1}; build again when it is done, or set DvFlowRunRootTimeout to wait for it", root, who);
            return null;
        }
        log.LogMessage(MessageImportance.High, "DvFlow: waiting for the run directory {0}, in use by {1}", root, who);
        var waited = Stopwatch.StartNew();
        var yielded = false;
        if (engine is IBuildEngine3 e3) { e3.Yield(); yielded = true; }
        try
        {
            var delay = 20;
            while (!TryTake(holder, root, session, me))
            {
                if (timeoutSeconds > 0 && waited.Elapsed.TotalSeconds >= timeoutSeconds)
                {
                    log.LogError(null, "DVF0007", null, project, 0, 0, 0, 0,
                        "the run directory {0} is still in use by {1} after {2} s (DvFlowRunRootTimeout)", root, who, timeoutSeconds);
                    return null;
                }
                if (cancel.WaitHandle.WaitOne(delay))
                {
                    log.LogError(null, "DVF0005", null, project, 0, 0, 0, 0, "cancelled while waiting for the run directory {0}", root);
                    return null;
                }
                delay = Math.Min(delay * 2, 250);
            }
        }
        finally
        {
            if (yielded) ((IBuildEngine3)engine).Reacquire();
        }
        log.LogMessage(MessageImportance.High, "DvFlow: the run directory is free after {0:F1} s; continuing", waited.Elapsed.TotalSeconds);
        return new RunRootGuard(holder, BuildCaches.Store(engine));
    }

    private static bool TryTake(Holder holder, string root, string session, RunRootOwner me)
    {
        lock (holder)
        {
            if (holder.Lock is not null)
            {
                if (holder.Session != session) return false;
                holder.Count++;
                return true;
            }
            if (RunRootLock.TryAcquire(root, me) is not { } taken) return false;
            (holder.Lock, holder.Session, holder.Count) = (taken, session, 1);
            return true;
        }
    }

    /// <summary>Leaves the hold; the last task of the session out flushes the records written behind and releases the lock.</summary>
    public void Dispose()
    {
        lock (_holder)
        {
            if (_holder.Count == 0 || --_holder.Count > 0) return;
            _store.Flush();
            _holder.Lock?.Dispose();
            _holder.Lock = null;
            _holder.Session = null;
        }
    }
}
