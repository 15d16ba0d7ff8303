using DvFlow.Model.Dataflow;
using DvFlow.Model.Definitions;
using DvFlow.Model.Expressions;
using DvFlow.Model.Graph;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime;

/// <summary>
/// Runs one node of a plan: gathers its needs' recorded outputs, splits them by consumes and
/// passthrough, decides whether the node is up to date (and says why), runs its implementation,
/// and records the result atomically in the node's exec data.
/// </summary>
public sealed class NodeRunner
{
    private readonly FlowPlan _plan;
    private readonly ExecDataStore _store;
    private readonly ImplementationRegistry _impls;
    private readonly IRunLog _log;
    private readonly RunOptions _options;
    private string? _realRunRoot;

    /// <summary>Creates a runner.</summary>
    public NodeRunner(FlowPlan plan, ExecDataStore store, ImplementationRegistry impls, IRunLog log, RunOptions options)
    {
        _plan = plan;
        _store = store;
        _impls = impls;
        _log = log;
        _options = options;
    }

    /// <summary>Runs the named node.</summary>
    public async Task<NodeOutcome> RunAsync(string nodeName, CancellationToken cancel)
        => (await RunIfAsync(nodeName, static (_, _) => true, cancel).ConfigureAwait(false))!;

    /// <summary>
    /// Runs the named node when it is up to date (or only routes data), or when <paramref name="mayRun"/>, given the
    /// node and the reason it must run, allows it. Otherwise returns null, having logged and recorded nothing.
    /// </summary>
    public async Task<NodeOutcome?> RunIfAsync(string nodeName, Func<NodeSpec, string, bool> mayRun, CancellationToken cancel)
    {
        if (!_plan.ByName.TryGetValue(nodeName, out var node))
            return Fail(null, $"task '{nodeName}' is not in the flow plan (the generated targets are out of date: run restore)");
        if (OutsideRunRoot(node) is { } escape) return Fail(node, escape, Model.Diagnostics.DiagnosticCodes.OutsideRunRoot);
        // Cheap tasks may be reached from several MSBuild project instances at once; one runs, the others reuse its result.
        if (!node.Shared) return await RunLockedAsync(node, mayRun, cancel).ConfigureAwait(false);
        using var _ = await NodeLock.AcquireAsync(node.RunDir, node.Name, cancel).ConfigureAwait(false);
        return await RunLockedAsync(node, mayRun, cancel).ConfigureAwait(false);
    }

    private async Task<NodeOutcome?> RunLockedAsync(NodeSpec node, Func<NodeSpec, string, bool> mayRun, CancellationToken cancel)
    {
        // Inputs: the needs' recorded outputs, in needs order.
        var needOutputs = new List<IReadOnlyList<DataItem>>();
        var changedIn = false;
        foreach (var needName in node.Needs)
        {
            var need = _plan.ByName[needName];
            if (!need.Enabled) { needOutputs.Add([]); continue; }
            var rec = _store.Read(need.RunDir, need.Name);
            if (rec is null || rec.Status != 0)
                return Fail(node, $"'{need.Name}' has not completed successfully, so '{node.Name}' cannot run");
            needOutputs.Add(rec.Output);
            changedIn |= rec.Changed && rec.Session is not null && rec.Session == _options.Session;
        }
        var inputs = DataflowRouter.GatherInputs(needOutputs);
        var consumes = node.Consumes;
        var passthrough = node.Passthrough;
        var prev = _store.Read(node.RunDir, node.Name);

        if (!node.Enabled)
        {
            if (prev is null || prev.Output.Count > 0 || prev.Status != 0)
                _store.Write(new ExecData { Name = node.Name, RunDir = node.RunDir, SrcDir = node.SrcDir, Params = node.Params, Needs = node.Needs, Reason = "iff is false", Session = _options.Session }, durable: node.Shared);
            _log.Message($"{node.Name}: skipped (iff is false)");
            return new NodeOutcome(true, [], false, true, "iff is false", null);
        }

        var consumed = DataflowRouter.Consumed(inputs, consumes);
        var passed = DataflowRouter.PassedThrough(inputs, consumes, passthrough);

        if (prev is { Status: 0 } && _options.Session is not null && prev.Session == _options.Session)
            return Done(node, prev.Output, prev.Changed, true, "already ran in this build");

        if (node.Kind is not (TaskNodeKind.Leaf or TaskNodeKind.DataItem))
        {
            // Plumbing nodes (compound inputs and outputs, tasks without implementation) just route data.
            var output = passed;
            var same = prev is { Status: 0 } && SameItems(prev.Output, output);
            if (!same)
                _store.Write(new ExecData
                {
                    Name = node.Name, RunDir = node.RunDir, SrcDir = node.SrcDir, Params = node.Params, Needs = node.Needs,
                    Output = output, Changed = true, Session = _options.Session, Reason = prev is null ? "first run" : "inputs changed",
                }, durable: node.Shared);
            return Done(node, output, !same, same, same ? "unchanged" : "routed inputs", log: false);
        }

        var impl = _impls.Resolve(node, out var implError);
        var key = new RunKey(InputSignature.Compute(inputs), ImplementationSignature.Command(node), impl is null ? "" : ImplementationSignature.Code(impl));
        var reason = (impl is null ? "its implementation cannot be found" : null) ?? WhyRun(node, prev, key, changedIn)
                     ?? (impl as IUpToDateCheck)?.WhyRun(node.RunDir, prev!.Memento) // the implementation may know of files outside its inputs (included headers)
                     ?? await CustomWhyRunAsync(node, prev!, consumed, cancel).ConfigureAwait(false);
        if (reason is null)
        {
            _log.Message($"{node.Name}: skipped, up to date (command, parameters, inputs and outputs unchanged)", important: false);
            var output = passed.Concat(prev!.OwnOutput).ToList();
            return new NodeOutcome(true, output, false, true, "up to date", prev.LogFile);
        }
        if (!mayRun(node, reason)) return null;
        _log.Message($"{node.Name}: running ({reason})", important: false);
        if (impl is null) return Fail(node, implError!);
        return await ExecuteAsync(node, impl, prev, consumed, passed, key, changedIn || prev is null, reason, cancel).ConfigureAwait(false);
    }

    /// <summary>What a task's record must match for the task to be up to date, besides its parameters.</summary>
    private readonly record struct RunKey(string Inputs, string Command, string Code);

    // 'uptodate: Namespace.Type.Method' names a C# check; it is asked last, when everything else says up to date.
    private async Task<string?> CustomWhyRunAsync(NodeSpec node, ExecData prev, IReadOnlyList<DataItem> consumed, CancellationToken cancel)
    {
        if (node.Uptodate is "default" or "never") return null;
        var name = node.Uptodate;
        string? error = null;
        if (_impls.CSharp?.ResolveCheck(name, out error) is not { } check)
        {
            _log.Marker(node.Name, Located(new TaskMarker(MarkerSeverity.Warning, $"custom up-to-date check '{name}' cannot be used, so the task runs: {error ?? "no task libraries are available to this build"}"), node));
            return $"custom up-to-date check '{name}' is unavailable";
        }
        try
        {
            var ctxt = new UpToDateCtxt(node.Name, node.RunDir, node.SrcDir, node.Params, consumed, prev.Memento, prev.OwnOutput.ToList(), cancel);
            return await check(ctxt).ConfigureAwait(false) ? null : $"custom up-to-date check '{name}' said changed";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.Marker(node.Name, Located(CSharp.UserCodeError.Marker($"custom up-to-date check '{name}'", ex) with { Severity = MarkerSeverity.Warning }, node));
            return $"custom up-to-date check '{name}' threw {ex.GetType().Name}";
        }
    }

    private string? WhyRun(NodeSpec node, ExecData? prev, RunKey key, bool changedIn)
    {
        if (_options.Force) return "forced (rebuild)";
        if (_options.Rerun.Contains(node.Name)) return "a test: dotnet test runs every test it selects";
        if (node.Uptodate == "never") return "uptodate: false";
        if (ImplementationRegistry.AlwaysRuns(node)) return "always checks its files";
        if (prev is null) return "no previous run";
        if (prev.Status != 0) return $"previous run failed (status {prev.Status})";
        if (!FlowValues.ValueEquals(prev.Params, node.Params))
        {
            var changed = node.Params.Keys.Union(prev.Params.Keys)
                .Where(k => !FlowValues.ValueEquals(node.Params.TryGetValue(k, out var a) ? a : null, prev.Params.TryGetValue(k, out var b) ? b : null));
            return $"parameters changed: {string.Join(", ", changed)}";
        }
        if (prev.CommandSignature != key.Command)
            return prev.CommandSignature.Length == 0 ? "its record has no command (written by an older DvFlow.Sdk)" : "its command changed (shell or run: body)";
        if (prev.Implementation != key.Code)
            return $"its implementation changed ({TypeName(prev.Implementation)} was rebuilt or replaced)";
        if (prev.InputsSignature != key.Inputs) return "inputs changed";
        if (changedIn) return "an upstream task changed";
        foreach (var item in prev.OwnOutput)
            foreach (var f in InputSignature.FilesOf(item))
                if (!File.Exists(f) && !Directory.Exists(f)) return $"output '{f}' is missing";
        return null;
    }

    private static string TypeName(string implementation) => implementation.Split('@')[0] is { Length: > 0 } t ? t : "the task's code";

    private async Task<NodeOutcome> ExecuteAsync(NodeSpec node, ITaskImplementation impl, ExecData? prev, IReadOnlyList<DataItem> consumed, IReadOnlyList<DataItem> passed,
        RunKey key, bool changed, string reason, CancellationToken cancel)
    {
        // Built-ins that write no files leave the directory to the exec data writer.
        if (impl is not IWritesNoFiles) Directory.CreateDirectory(node.RunDir);
        // An in-process built-in that runs in every build anyway (std.FileSet) keeps its record while it runs: the record
        // is never taken as up to date without a rerun, and an unchanged result need not be written again.
        var keepsRecord = impl is IWritesNoFiles && ImplementationRegistry.AlwaysRuns(node) && !_options.Force;
        if (!keepsRecord && (prev is not null || File.Exists(ExecDataStore.PathOf(node.RunDir, node.Name)))) _store.Invalidate(node.RunDir, node.Name);

        var ctxt = new TaskRunCtxt(node.Name, node.RunDir, node.SrcDir, () => BuildEnvironment(consumed), _log, _options.MaxParallel, cancel);
        var input = new TaskDataInput(node.Name, node.RunDir, node.SrcDir, node.Params, consumed, changed, prev?.Status == 0 ? prev.Memento : null);
        TaskDataResult result;
        try
        {
            result = await impl.RunAsync(ctxt, input).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (RunDirectoryEscapeException ex)
        {
            result = new TaskDataResult { Status = 1, Changed = false };
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, ex.Message) { Code = Model.Diagnostics.DiagnosticCodes.OutsideRunRoot });
        }
        catch (Exception ex)
        {
            result = new TaskDataResult { Status = 1, Changed = false };
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, $"task implementation raised an exception: {ex.GetType().Name}: {ex.Message}"));
        }
        var markers = ctxt.Markers.Concat(result.Markers).Select(m => Located(WithFullPath(m, node), node)).ToList();
        var own = result.Output.Select((o, i) => o.WithSource(node.Name, i)).ToList();
        var logFile = ctxt.Commands.Count > 0 ? FindLog(node) : null;
        if (result.Status != 0 && !markers.Any(m => m.Severity == MarkerSeverity.Error))
            markers.Add(Located(new TaskMarker(MarkerSeverity.Error, $"task failed with status {result.Status}"), node));
        foreach (var m in markers) _log.Marker(node.Name, m);
        var output = passed.Concat(own).ToList();
        var memento = Mementos.ToFlowValue(result.Memento);
        if (keepsRecord && result.Status == 0 && !result.Changed && markers.Count == 0 && prev is { Status: 0 } && prev.InputsSignature == key.Inputs
            && prev.CommandSignature == key.Command && prev.Implementation == key.Code
            && FlowValues.ValueEquals(prev.Params, node.Params) && FlowValues.ValueEquals(prev.Memento, memento) && SameItems(prev.Output, output))
        {
            // Found as recorded: the record stays as it is, so a no-op build writes nothing.
            return Done(node, output, false, false, reason, logFile);
        }
        _store.Write(new ExecData
        {
            Name = node.Name, SrcDir = node.SrcDir, RunDir = node.RunDir, Params = node.Params, InputsSignature = key.Inputs,
            CommandSignature = key.Command, Implementation = key.Code,
            Needs = node.Needs, Commands = ctxt.Commands, Status = result.Status, Changed = result.Changed,
            Memento = memento, Markers = markers, Output = output, LogFile = logFile, Session = _options.Session, Reason = reason,
        }, durable: node.Shared);
        if (result.Status != 0)
        {
            var where = logFile is null ? "" : $"; see the log {Path.Combine(node.RunDir, logFile)}";
            _log.Message($"{node.Name}: FAILED with status {result.Status}{where}", important: true);
            return new NodeOutcome(false, output, true, false, reason, logFile);
        }
        return Done(node, output, result.Changed, false, reason, logFile);
    }

    private static TaskMarker Located(TaskMarker m, NodeSpec? node) => node is null ? m : node.Locate(m);

    /// <summary>Tools report paths relative to where they ran: make them absolute so IDEs can open them.</summary>
    private static TaskMarker WithFullPath(TaskMarker m, NodeSpec node)
    {
        if (m.Path is null || Path.IsPathRooted(m.Path)) return m;
        var inRun = Path.GetFullPath(Path.Combine(node.RunDir, m.Path));
        var inSrc = Path.GetFullPath(Path.Combine(node.SrcDir, m.Path));
        return m with { Path = File.Exists(inRun) ? inRun : inSrc };
    }

    private static string? FindLog(NodeSpec node)
    {
        var own = node.Name + ".log";
        if (File.Exists(Path.Combine(node.RunDir, own))) return own;
        return Directory.Exists(node.RunDir)
            ? Directory.EnumerateFiles(node.RunDir, "*.log").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private NodeOutcome Done(NodeSpec node, IReadOnlyList<DataItem> output, bool changed, bool skipped, string reason, string? logFile = null, bool log = true)
    {
        if (log && skipped) _log.Message($"{node.Name}: {reason}");
        return new NodeOutcome(true, output, changed, skipped, reason, logFile);
    }

    private NodeOutcome Fail(NodeSpec? node, string message, string? code = null)
    {
        _log.Marker(node?.Name ?? "", Located(new TaskMarker(MarkerSeverity.Error, message) { Code = code }, node));
        return new NodeOutcome(false, [], false, false, message, null);
    }

    /// <summary>
    /// Null when the task's run directory really lies in the run root; otherwise why not (a folder on the way is a
    /// symbolic link out of it), before anything is written there, records included.
    /// </summary>
    private string? OutsideRunRoot(NodeSpec node)
    {
        var root = _realRunRoot ??= RunDirectoryPath.RealPath(_plan.RunRoot);
        var real = RunDirectoryPath.RealPath(node.RunDir);
        return RunDirectoryPath.IsWithin(root, real) ? null
            : $"the run directory of '{node.Name}', {node.RunDir}, resolves to '{real}', outside the run root {_plan.RunRoot} (through a symbolic link); refusing to run it there. Delete the link";
    }

    private Dictionary<string, string?> BuildEnvironment(IReadOnlyList<DataItem> consumed)
    {
        var env = _options.BaseEnvironment is { } b
            ? new Dictionary<string, string?>(b, StringComparer.Ordinal)
            : Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        // std.Env items, oldest first: set, then append to and prepend to path-like variables.
        foreach (var item in consumed.Where(i => i.Type == DataflowRouter.EnvType))
        {
            foreach (var (k, v) in Map(item, "vals")) env[k] = v;
            foreach (var (k, v) in Map(item, "append_path"))
                env[k] = env.TryGetValue(k, out var cur) && !string.IsNullOrEmpty(cur) ? cur + Path.PathSeparator + v : v;
            foreach (var (k, v) in Map(item, "prepend_path"))
                env[k] = env.TryGetValue(k, out var cur) && !string.IsNullOrEmpty(cur) ? v + Path.PathSeparator + cur : v;
        }
        return env;
    }

    private static IEnumerable<(string, string)> Map(DataItem item, string field)
        => item.TryGet(field, out var v) && v is IReadOnlyDictionary<string, object?> m
            ? m.Where(kv => kv.Value is not null && FlowValues.ToDisplayString(kv.Value).Length > 0).Select(kv => (kv.Key, FlowValues.ToDisplayString(kv.Value)))
            : [];

    private static bool SameItems(IReadOnlyList<DataItem> a, IReadOnlyList<DataItem> b)
        => a.Count == b.Count && a.Zip(b).All(p => FlowValues.ValueEquals(p.First.ToMap(), p.Second.ToMap()));
}
