namespace DvFlow.TaskApi;

/// <summary>One command for <see cref="TaskRunCtxt.ExecParallelAsync"/>: argv, log file (relative to the run directory), working directory and extra environment.</summary>
public sealed record ExecCmd(IReadOnlyList<string> Cmd, string? LogFile = null, string? Cwd = null, IReadOnlyDictionary<string, string>? Env = null)
{
    /// <summary>Called with each output line (the log-parser pattern).</summary>
    public Action<string>? LogFilter { get; init; }
}
