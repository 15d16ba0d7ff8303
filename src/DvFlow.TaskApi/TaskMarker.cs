namespace DvFlow.TaskApi;

/// <summary>Severity of a <see cref="TaskMarker"/>.</summary>
public enum MarkerSeverity
{
    /// <summary>Information.</summary>
    Info,
    /// <summary>A warning: becomes an MSBuild warning.</summary>
    Warning,
    /// <summary>An error: becomes an MSBuild error.</summary>
    Error,
}

/// <summary>
/// A diagnostic from a task (a tool's log line, a script's DFM_MARKERS entry): shown in the build log
/// as an MSBuild error or warning with file, line and column so the IDE can jump to it.
/// </summary>
public sealed record TaskMarker(MarkerSeverity Severity, string Message, string? Path = null, int Line = -1, int Column = -1)
{
    /// <summary>The tool's own code for the message (e.g. Verilator's WIDTH), if any.</summary>
    public string? Code { get; init; }
}
