using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace DvFlow.Tasks.Testing;

/// <summary>
/// Writes a test run as Visual Studio's TRX (the schema of vstest's TrxLogger, namespace
/// <c>http://microsoft.com/schemas/VisualStudio/TeamTest/2010</c>): <c>Times</c>, <c>Results</c> of
/// <c>UnitTestResult</c> (outcome, duration, output, error message and located errors as the stack trace),
/// <c>TestDefinitions</c>, <c>TestEntries</c>, <c>TestLists</c> and a <c>ResultSummary</c> with its counters. Azure
/// DevOps' PublishTestResults and Visual Studio's Test Explorer read it.
/// </summary>
public static class TrxWriter
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    // The ids vstest gives the unit-test type and its two standard test lists.
    private const string UnitTestType = "13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b";
    private const string ResultsNotInAList = "8c84fa94-04c1-424b-9868-57a2d4851a1d";
    private const string AllLoadedResults = "19431567-8539-422a-85d7-44ee4e166bda";

    /// <summary>The TRX document of <paramref name="run"/>.</summary>
    public static XDocument Write(FlowTestRun run)
    {
        var executions = run.Results.Select(_ => Guid.NewGuid().ToString()).ToList();
        var results = new XElement(Ns + "Results");
        var definitions = new XElement(Ns + "TestDefinitions");
        var entries = new XElement(Ns + "TestEntries");
        for (var i = 0; i < run.Results.Count; i++)
        {
            var r = run.Results[i];
            var testId = TestId(run.Project, r.Test.FullyQualifiedName);
            var output = new XElement(Ns + "Output");
            if (r.Output.Length > 0) output.Add(new XElement(Ns + "StdOut", r.Output));
            if (r.Outcome == FlowTestOutcome.Failed)
                output.Add(new XElement(Ns + "ErrorInfo", new XElement(Ns + "Message", r.ErrorMessage ?? ""), new XElement(Ns + "StackTrace", r.ErrorDetail ?? "")));
            else if (r.Outcome == FlowTestOutcome.Skipped && r.ErrorMessage is { } why)
                output.Add(new XElement(Ns + "ErrorInfo", new XElement(Ns + "Message", why)));
            results.Add(new XElement(Ns + "UnitTestResult",
                new XAttribute("executionId", executions[i]),
                new XAttribute("testId", testId),
                new XAttribute("testName", r.Test.DisplayName),
                new XAttribute("computerName", Environment.MachineName),
                new XAttribute("duration", r.Duration.ToString("c", System.Globalization.CultureInfo.InvariantCulture)),
                new XAttribute("startTime", Time(r.Start)),
                new XAttribute("endTime", Time(r.End)),
                new XAttribute("testType", UnitTestType),
                new XAttribute("outcome", r.Outcome switch { FlowTestOutcome.Passed => "Passed", FlowTestOutcome.Failed => "Failed", _ => "NotExecuted" }),
                new XAttribute("testListId", ResultsNotInAList),
                new XAttribute("relativeResultsDirectory", executions[i]),
                output));
            definitions.Add(new XElement(Ns + "UnitTest",
                new XAttribute("name", r.Test.DisplayName),
                new XAttribute("storage", run.Project),
                new XAttribute("id", testId),
                new XElement(Ns + "Execution", new XAttribute("id", executions[i])),
                new XElement(Ns + "TestMethod",
                    new XAttribute("codeBase", run.Project),
                    new XAttribute("adapterTypeName", "executor://dvflow/"),
                    new XAttribute("className", r.Test.ClassName),
                    new XAttribute("name", r.Test.MethodName))));
            entries.Add(new XElement(Ns + "TestEntry",
                new XAttribute("testId", testId), new XAttribute("executionId", executions[i]), new XAttribute("testListId", ResultsNotInAList)));
        }
        var c = run.Counts;
        var root = new XElement(Ns + "TestRun",
            new XAttribute("id", Guid.NewGuid().ToString()),
            new XAttribute("name", $"{Environment.UserName}@{Environment.MachineName} {run.Start.ToLocalTime():yyyy-MM-dd HH:mm:ss}"),
            new XAttribute("runUser", Environment.UserName),
            new XElement(Ns + "Times",
                new XAttribute("creation", Time(run.Start)), new XAttribute("queuing", Time(run.Start)),
                new XAttribute("start", Time(run.Start)), new XAttribute("finish", Time(run.End))),
            new XElement(Ns + "TestSettings", new XAttribute("name", "default"), new XAttribute("id", Guid.NewGuid().ToString()),
                new XElement(Ns + "Deployment", new XAttribute("runDeploymentRoot", Path.GetFileNameWithoutExtension(run.Project)))),
            results, definitions, entries,
            new XElement(Ns + "TestLists",
                new XElement(Ns + "TestList", new XAttribute("name", "Results Not in a List"), new XAttribute("id", ResultsNotInAList)),
                new XElement(Ns + "TestList", new XAttribute("name", "All Loaded Results"), new XAttribute("id", AllLoadedResults))),
            new XElement(Ns + "ResultSummary",
                new XAttribute("outcome", c.Failed > 0 ? "Failed" : "Completed"),
                new XElement(Ns + "Counters",
                    new XAttribute("total", c.Total), new XAttribute("executed", c.Passed + c.Failed), new XAttribute("passed", c.Passed),
                    new XAttribute("failed", c.Failed), new XAttribute("error", 0), new XAttribute("timeout", 0), new XAttribute("aborted", 0),
                    new XAttribute("inconclusive", 0), new XAttribute("passedButRunAborted", 0), new XAttribute("notRunnable", 0),
                    new XAttribute("notExecuted", c.Skipped), new XAttribute("disconnected", 0), new XAttribute("warning", 0),
                    new XAttribute("completed", 0), new XAttribute("inProgress", 0), new XAttribute("pending", 0))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    // vstest's test ids are stable across runs (a hash of the test's name and source): results of two runs line up.
    private static string TestId(string project, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(project + "\n" + name));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture);
}
