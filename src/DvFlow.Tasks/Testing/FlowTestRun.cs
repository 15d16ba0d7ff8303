namespace DvFlow.Tasks.Testing;

/// <summary>The tests of one project's <c>dotnet test</c>, in the order they were selected.</summary>
/// <param name="Project">The project file (absolute): the TRX storage and the JUnit suite.</param>
/// <param name="Start">When the run started.</param>
/// <param name="End">When the last test finished.</param>
/// <param name="Results">Each test's result.</param>
public sealed record FlowTestRun(string Project, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<FlowTestResult> Results)
{
    /// <summary>How many tests passed, failed and were skipped.</summary>
    public (int Total, int Passed, int Failed, int Skipped) Counts => (Results.Count,
        Results.Count(r => r.Outcome == FlowTestOutcome.Passed),
        Results.Count(r => r.Outcome == FlowTestOutcome.Failed),
        Results.Count(r => r.Outcome == FlowTestOutcome.Skipped));
}
