namespace DvFlow.Tasks.Runtime;

/// <summary>A task's outcome in this build together with what it logged, kept until its target collects it.</summary>
public sealed record NodeResult(NodeOutcome Outcome, IReadOnlyList<RunEvent> Events, TimeSpan Elapsed);
