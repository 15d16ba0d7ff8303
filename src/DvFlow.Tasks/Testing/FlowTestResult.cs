namespace DvFlow.Tasks.Testing;

/// <summary>
/// One test's result, taken from the run: the task's outcome, its error markers (located, as the build log shows them),
/// how long it ran, and its output (the tool log it names, else what it logged).
/// </summary>
/// <param name="Test">The test.</param>
/// <param name="Outcome">Passed, failed or skipped.</param>
/// <param name="Start">When the task started (or, for a task that never started, when the run reached it).</param>
/// <param name="Duration">How long the task ran.</param>
/// <param name="ErrorMessage">For a failure: the first error, one line.</param>
/// <param name="ErrorDetail">For a failure: every error, one per line, each <c>file(line,col): message</c> (vstest's stack trace).</param>
/// <param name="Output">What the test printed: its log file, else its messages and tool output.</param>
/// <param name="LogFile">The task's log file (absolute), if it names one.</param>
public sealed record FlowTestResult(FlowTestCase Test, FlowTestOutcome Outcome, DateTimeOffset Start, TimeSpan Duration,
    string? ErrorMessage, string? ErrorDetail, string Output, string? LogFile)
{
    /// <summary>When the task finished.</summary>
    public DateTimeOffset End => Start + Duration;
}
