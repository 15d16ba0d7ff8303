namespace DvFlow.TaskApi;

/// <summary>
/// Optional for an <see cref="ITaskImplementation"/> whose work depends on files the runner cannot see
/// in its inputs (a compiler's included headers, say). The runner asks it only when its own check
/// (parameters, input items and files, outputs) found the task up to date.
/// </summary>
public interface IUpToDateCheck
{
    /// <summary>Why the task must run again (a short reason for the log), or null when it is up to date.</summary>
    /// <param name="runDir">The task's run directory.</param>
    /// <param name="memento">The memento of the last successful run, or null.</param>
    string? WhyRun(string runDir, object? memento);
}
