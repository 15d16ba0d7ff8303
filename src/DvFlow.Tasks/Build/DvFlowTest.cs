using DvFlow.Tasks.Runtime;
using DvFlow.Tasks.Testing;
using DvFlow.TaskApi;
using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>
/// The body of a flow project's <c>VSTest</c> target, which <c>dotnet test</c> calls: runs the flow's tests (every task
/// tagged as a test, such as each <c>hdlsim</c> SimRun and matrix cell) and what they need as one graph, all of them even
/// when some fail, then reports each as a test result: the console summary, TRX and JUnit files for <c>--logger</c>,
/// <c>--filter</c> to select, <c>--list-tests</c> to list. It fails when a test fails, so the exit code says so.
/// </summary>
public sealed class DvFlowTest : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancel = new();

    /// <summary>The plan file.</summary>
    [Required] public string PlanFile { get; set; } = "";
    /// <summary>The project (its name names the results).</summary>
    [Required] public string Project { get; set; } = "";
    /// <summary>Where result files go (<c>--results-directory</c>; the project's <c>TestResults/</c> by default).</summary>
    [Required] public string ResultsDirectory { get; set; } = "";
    /// <summary><c>--logger</c> arguments (<c>VSTestLogger</c>), one item each.</summary>
    public string[] Loggers { get; set; } = [];
    /// <summary><c>--filter</c> (<c>VSTestTestCaseFilter</c>).</summary>
    public string? Filter { get; set; }
    /// <summary><c>--list-tests</c>: list the selected tests, run nothing.</summary>
    public bool ListTests { get; set; }
    /// <summary><c>--no-build</c>: run the tests on what the last build left; their needs are not run.</summary>
    public bool NoBuild { get; set; }
    /// <summary><c>-v</c> of dotnet test (<c>VSTestVerbosity</c>): normal or more lists passed tests too.</summary>
    public string? Verbosity { get; set; }
    /// <summary>dotnet test options set that have no meaning for a flow (data collectors, blame, run settings): named in a warning.</summary>
    public string[] Ignored { get; set; } = [];
    /// <summary>The build session id.</summary>
    public string? Session { get; set; }
    /// <summary>C# task library assemblies of the project.</summary>
    public ITaskItem[] TaskLibraries { get; set; } = [];
    /// <summary>How many process-running tasks may run at once.</summary>
    public int MaxParallel { get; set; } = 1;
    /// <summary>How long to wait for the run directory while another build uses it, in seconds (negative: as long as it takes).</summary>
    public int RunRootTimeout { get; set; } = -1;

    /// <inheritdoc />
    public void Cancel() => _cancel.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        if (BuildCaches.TryPlan(BuildEngine4, PlanFile, Log) is not { } plan) return false;
        var at = DiagnosticLogging.FlowFile(plan);
        var loggers = new List<TestLoggerSpec>();
        foreach (var text in Loggers.Where(l => l.Trim().Length > 0))
        {
            if (TestLoggerSpec.Parse(text, out var error) is { } spec) loggers.Add(spec);
            else DiagnosticLogging.Error(Log, Model.Diagnostics.SourceLocation.OfFile(Project), "DVF0014", error!);
        }
        TestFilter? filter = null;
        if (!string.IsNullOrWhiteSpace(Filter) && (filter = TestFilter.Parse(Filter, out var filterError)) is null)
            DiagnosticLogging.Error(Log, Model.Diagnostics.SourceLocation.OfFile(Project), "DVF0013", filterError!);
        if (Log.HasLoggedErrors) return false;
        if (Ignored.Length > 0)
            DiagnosticLogging.Warning(Log, Model.Diagnostics.SourceLocation.OfFile(Project), "DVF0016",
                $"dotnet test's {string.Join(", ", Ignored)} drive vstest's own machinery, which a flow's tests do not run in; not applied");

        var name = Path.GetFileName(Project);
        var tests = FlowTestCase.All(plan).Where(t => filter?.Matches(t) ?? true).ToList();
        if (ListTests)
        {
            Log.LogMessage(MessageImportance.High, "The following Tests are available:");
            foreach (var t in tests) Log.LogMessage(MessageImportance.High, "    {0}", t.DisplayName);
            return true;
        }
        if (tests.Count == 0)
            Log.LogMessage(MessageImportance.High, filter is null
                ? $"No test is available in {name}: no task of the flow is a test (an hdlsim SimRun, or a task tagged with category 'test')."
                : $"No test matches the given testcase filter `{Filter}` in {name}");

        var start = DateTimeOffset.Now;
        var results = tests.Count == 0 ? new Dictionary<string, NodeResult>() : Run(plan, tests);
        if (results is null) return false;
        var run = new FlowTestRun(Project, start, DateTimeOffset.Now, tests.Select(t => TestResultCollector.Collect(plan, t, results, start)).ToList());

        var listPassed = loggers.Any(l => l.ListsPassedTests) || Verbosity?.ToLowerInvariant() is "n" or "normal" or "d" or "detailed" or "diag" or "diagnostic";
        foreach (var r in run.Results)
        {
            if (r.Outcome == FlowTestOutcome.Failed)
            {
                Log.LogMessage(MessageImportance.High, "  Failed {0} [{1}]", r.Test.DisplayName, TestDuration.Format(r.Duration));
                Log.LogMessage(MessageImportance.High, "  Error Message:\n   {0}", r.ErrorMessage);
                if (!string.IsNullOrEmpty(r.ErrorDetail))
                    Log.LogMessage(MessageImportance.High, "  Stack Trace:\n{0}", string.Join("\n", r.ErrorDetail.Split('\n').Select(l => "   " + l)));
                if (r.LogFile is not null) Log.LogMessage(MessageImportance.High, "  Log: {0}", r.LogFile);
            }
            else if (listPassed)
                Log.LogMessage(MessageImportance.High, "  {0} {1} [{2}]", r.Outcome == FlowTestOutcome.Passed ? "Passed" : "Skipped", r.Test.DisplayName, TestDuration.Format(r.Duration));
        }
        foreach (var l in loggers.Where(l => l.Kind != TestLoggerKind.Console))
            WriteResults(l, run, at);
        var c = run.Counts;
        Log.LogMessage(MessageImportance.High, "{0}!  - Failed: {1,5}, Passed: {2,5}, Skipped: {3,5}, Total: {4,5}, Duration: {5} - {6} (dvflow)",
            c.Failed > 0 ? "Failed" : "Passed", c.Failed, c.Passed, c.Skipped, c.Total, TestDuration.Format(run.End - run.Start), name);
        if (c.Failed > 0 && !Log.HasLoggedErrors)
            DiagnosticLogging.Error(Log, at, "DVF6001", $"{c.Failed} test(s) failed: {string.Join(", ", run.Results.Where(r => r.Outcome == FlowTestOutcome.Failed).Select(r => r.Test.DisplayName))}");
        return c.Failed == 0 && !Log.HasLoggedErrors;
    }

    // Runs the tests and their needs as one graph (all of it, past failures), and logs what each task did, in dependency order.
    private IReadOnlyDictionary<string, NodeResult>? Run(FlowPlan plan, IReadOnlyList<FlowTestCase> tests)
    {
        var session = string.IsNullOrEmpty(Session) ? null : Session;
        using var guard = RunRootGuard.Enter(BuildEngine4, Log, plan.RunRoot, session, Project, RunRootTimeout, _cancel.Token);
        if (guard is null) return null;
        var store = BuildCaches.Store(BuildEngine4);
        var impls = BuildCaches.Implementations(BuildEngine4, plan, TaskLibraries, p => DiagnosticLogging.Warning(Log, DiagnosticLogging.FlowFile(plan), "DVF0008", p));
        var testNames = tests.Select(t => t.Node).ToHashSet(StringComparer.Ordinal);
        var options = new RunOptions { Session = session, MaxParallel = Math.Max(1, MaxParallel), Rerun = testNames };
        var scheduler = new GraphScheduler(plan, log => new NodeRunner(plan, store, impls, log, options), MaxParallel,
            msg => Log.LogMessage(MessageImportance.Normal, "{0}", msg));
        var closure = GraphScheduler.Closure(plan, testNames);
        var built = BuildCaches.Results(BuildEngine4, PlanFile, session);
        var done = NoBuild ? LastBuild(plan, closure, testNames, store) : new Dictionary<string, NodeResult>(built);
        try
        {
            scheduler.RunAsync(closure, done, _cancel.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            DiagnosticLogging.Error(Log, DiagnosticLogging.FlowFile(plan), "DVF0005", "cancelled");
            return null;
        }
        var log = new MsBuildRunLog(Log);
        foreach (var n in closure)
            if (scheduler.Results.TryGetValue(n, out var r))
            {
                if (!NoBuild || testNames.Contains(n)) built.TryAdd(n, r);
                foreach (var e in r.Events) e.ReplayTo(log);
            }
        BuildCaches.ReportWriteError(BuildEngine4, Log, DiagnosticLogging.FlowFile(plan));
        return scheduler.Results;
    }

    // --no-build: the tests' needs are what the last build recorded; a need without a successful record fails its tests.
    private static Dictionary<string, NodeResult> LastBuild(FlowPlan plan, IReadOnlyList<string> closure, IReadOnlySet<string> tests, ExecDataStore store)
    {
        var done = new Dictionary<string, NodeResult>(StringComparer.Ordinal);
        foreach (var n in closure.Where(n => !tests.Contains(n)))
        {
            var node = plan.ByName[n];
            var rec = node.Enabled ? store.Read(node.RunDir, node.Name) : null;
            if (!node.Enabled || rec is { Status: 0 })
                done[n] = new NodeResult(new NodeOutcome(true, rec?.Output ?? [], false, true, "--no-build: the last build's result", rec?.LogFile), [], TimeSpan.Zero);
            else
                done[n] = new NodeResult(new NodeOutcome(false, [], false, false, "not built", null),
                    [new MarkerEvent(n, node.Locate(new TaskMarker(MarkerSeverity.Error, rec is null
                        ? "has not been built, and dotnet test --no-build runs only the tests: build first, or drop --no-build"
                        : $"failed in the last build (status {rec.Status}), and dotnet test --no-build runs only the tests: build first, or drop --no-build")))],
                    TimeSpan.Zero);
        }
        return done;
    }

    private void WriteResults(TestLoggerSpec logger, FlowTestRun run, Model.Diagnostics.SourceLocation? at)
    {
        var path = logger.FilePath(ResultsDirectory, Path.GetDirectoryName(Project) ?? ".", Path.GetFileNameWithoutExtension(Project), run.Start)!;
        var doc = logger.Kind == TestLoggerKind.Trx ? TrxWriter.Write(run) : JUnitWriter.Write(run);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Two projects of a solution finishing in the same second would share the default TRX name.
            using var stream = logger.NamesUniqueFile ? CreateUnique(ref path) : new FileStream(path, FileMode.Create, FileAccess.Write);
            // No byte-order mark: some JUnit readers refuse one.
            using (var w = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
                doc.Save(w);
            Log.LogMessage(MessageImportance.High, "Results File: {0}", path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            DiagnosticLogging.Error(Log, Model.Diagnostics.SourceLocation.OfFile(Project), "DVF0015", $"the {logger.Kind.ToString().ToLowerInvariant()} results cannot be written to {path}: {ex.Message}");
        }
    }

    private static FileStream CreateUnique(ref string path)
    {
        var stem = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path));
        for (var i = 0; ; i++)
        {
            var candidate = i == 0 ? path : $"{stem}[{i}].trx";
            try
            {
                var s = new FileStream(candidate, FileMode.CreateNew, FileAccess.Write);
                path = candidate;
                return s;
            }
            catch (IOException) when (File.Exists(candidate) && i < 1000)
            {
            }
        }
    }
}
