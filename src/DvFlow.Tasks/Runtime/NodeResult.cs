namespace DvFlow.Tasks.Runtime;

/// <summary>A task's outcome in this build together with what it logged, kept until its target collects it.</summary>
public sealed record NodeResult(NodeOutcome Outcome, IReadOnlyList<RunEvent> Events, TimeSpan Elapsed)
{
    /// <summary>When the task started, where the runner recorded it (a parallel batch); test results report it.</summary>
    public DateTimeOffset? Started { get; init; }
}
