namespace DvFlow.Tasks.Testing;

/// <summary>What became of a test, in vstest's terms.</summary>
public enum FlowTestOutcome
{
    /// <summary>The task ran and succeeded.</summary>
    Passed,
    /// <summary>The task failed, or could not run because a task it needs failed.</summary>
    Failed,
    /// <summary>The task is disabled (<c>iff</c> is false): vstest's NotExecuted.</summary>
    Skipped,
}
