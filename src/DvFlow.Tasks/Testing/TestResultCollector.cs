using System.Text;
using System.Xml;
using DvFlow.TaskApi;
using DvFlow.Tasks.Runtime;

namespace DvFlow.Tasks.Testing;

/// <summary>
/// Turns what the run recorded for each test task (its outcome, markers, duration and log file) into test results. A test
/// that never started because a task it needs failed (its image did not compile) is a failed test carrying that task's
/// errors, located as the build log shows them.
/// </summary>
public static class TestResultCollector
{
    /// <summary>How much of a log file a result carries (its end, where a simulation says how it ended).</summary>
    public const int MaxOutputChars = 64 * 1024;

    /// <summary>The result of <paramref name="test"/> from the run's <paramref name="results"/>.</summary>
    public static FlowTestResult Collect(FlowPlan plan, FlowTestCase test, IReadOnlyDictionary<string, NodeResult> results, DateTimeOffset runStart)
    {
        var node = plan.ByName[test.Node];
        if (!node.Enabled)
            return new FlowTestResult(test, FlowTestOutcome.Skipped, runStart, TimeSpan.Zero, "disabled: its iff is false", null, "", null);
        if (!results.TryGetValue(test.Node, out var r))
        {
            // It never started: report the tasks below it that failed, with their errors.
            var failed = FailedNeeds(plan, test.Node, results);
            var errors = failed.SelectMany(f => Errors(results[f])).ToList();
            var message = failed.Count > 0
                ? $"not run: {string.Join(", ", failed)} failed" + (errors.Count > 0 ? ": " + FirstLine(errors[0]) : "")
                : "not run";
            return new FlowTestResult(test, FlowTestOutcome.Failed, runStart, TimeSpan.Zero, Clean(message), Clean(string.Join("\n", errors)), "", null);
        }
        var logFile = r.Outcome.LogFile is { } lf ? Path.GetFullPath(Path.Combine(node.RunDir, lf)) : null;
        var output = logFile is not null && File.Exists(logFile) ? Tail(logFile) : Logged(r);
        var start = r.Started ?? runStart;
        if (r.Outcome.Success)
            return new FlowTestResult(test, FlowTestOutcome.Passed, start, r.Elapsed, null, null, Clean(output), logFile);
        var own = Errors(r).ToList();
        var msg = own.Count > 0 ? FirstLine(own[0]) : r.Outcome.Reason;
        return new FlowTestResult(test, FlowTestOutcome.Failed, start, r.Elapsed, Clean(msg), Clean(string.Join("\n", own)), Clean(output), logFile);
    }

    // The failed tasks the test needs (directly or not) that themselves had no failed need: where the failure started.
    private static List<string> FailedNeeds(FlowPlan plan, string name, IReadOnlyDictionary<string, NodeResult> results)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(plan.ByName[name].Needs);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (!seen.Add(n)) continue;
            if (results.TryGetValue(n, out var r))
            {
                if (!r.Outcome.Success) found.Add(n);
                continue;
            }
            foreach (var need in plan.ByName[n].Needs) stack.Push(need);
        }
        return plan.Nodes.Select(n => n.Name).Where(found.Contains).ToList();
    }

    // Errors as the build log shows them: file(line,col): task: message.
    private static IEnumerable<string> Errors(NodeResult r)
    {
        foreach (var e in r.Events)
        {
            if (e is not MarkerEvent { Marker: { Severity: MarkerSeverity.Error } m } me) continue;
            var where = m.Path is null ? "" : m.Line > 0 ? $"{m.Path}({m.Line}{(m.Column > 0 ? "," + m.Column : "")}): " : $"{m.Path}: ";
            yield return where + Build.MarkerText.For(me.Task, m.Message);
        }
    }

    private static string Logged(NodeResult r)
    {
        var sb = new StringBuilder();
        foreach (var e in r.Events)
        {
            switch (e)
            {
                case MessageEvent m: sb.AppendLine(m.Text); break;
                case ToolOutputEvent t: sb.AppendLine(t.Line); break;
            }
        }
        return sb.ToString();
    }

    private static string Tail(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            return text.Length <= MaxOutputChars ? text : "...\n" + text[^MaxOutputChars..];
        }
        catch (IOException ex)
        {
            return $"(the log file {path} cannot be read: {ex.Message})";
        }
    }

    private static string FirstLine(string s) => s.Split('\n')[0].TrimEnd('\r');

    // What XML cannot hold (terminal escapes in a tool's output) is left out of the result files.
    private static string Clean(string s)
    {
        if (s.All(XmlConvert.IsXmlChar)) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)) sb.Append(c);
        return sb.ToString();
    }
}
