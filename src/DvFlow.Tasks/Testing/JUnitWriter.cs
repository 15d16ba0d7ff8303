using System.Globalization;
using System.Xml.Linq;

namespace DvFlow.Tasks.Testing;

/// <summary>
/// Writes a test run as JUnit XML, in the shape JunitXml.TestLogger writes and Jenkins, GitLab and GitHub test
/// reporters read: <c>testsuites</c> with one <c>testsuite</c> per project (tests, failures, errors, skipped, time,
/// timestamp), a <c>testcase</c> per test (classname, name, time) carrying a <c>failure</c> (message, and the located
/// errors as its text) or <c>skipped</c>, and the test's output as <c>system-out</c>.
/// </summary>
public static class JUnitWriter
{
    /// <summary>The JUnit document of <paramref name="run"/>.</summary>
    public static XDocument Write(FlowTestRun run)
    {
        var c = run.Counts;
        var suite = new XElement("testsuite",
            new XAttribute("name", Path.GetFileName(run.Project)),
            new XAttribute("tests", c.Total),
            new XAttribute("skipped", c.Skipped),
            new XAttribute("failures", c.Failed),
            new XAttribute("errors", 0),
            new XAttribute("time", Seconds(run.End - run.Start)),
            new XAttribute("timestamp", run.Start.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
            new XAttribute("hostname", Environment.MachineName),
            new XAttribute("id", 0),
            new XAttribute("package", run.Project),
            new XElement("properties"));
        foreach (var r in run.Results)
        {
            var tc = new XElement("testcase",
                new XAttribute("classname", r.Test.ClassName),
                new XAttribute("name", r.Test.MethodName),
                new XAttribute("time", Seconds(r.Duration)));
            if (r.Test.Location is { } at) tc.Add(new XAttribute("file", at.File));
            if (r.Outcome == FlowTestOutcome.Failed)
                tc.Add(new XElement("failure", new XAttribute("type", "failure"), new XAttribute("message", r.ErrorMessage ?? ""), r.ErrorDetail ?? ""));
            else if (r.Outcome == FlowTestOutcome.Skipped)
                tc.Add(new XElement("skipped", new XAttribute("message", r.ErrorMessage ?? "")));
            if (r.Output.Length > 0) tc.Add(new XElement("system-out", r.Output));
            suite.Add(tc);
        }
        suite.Add(new XElement("system-out"), new XElement("system-err"));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite));
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0000000", CultureInfo.InvariantCulture);
}
