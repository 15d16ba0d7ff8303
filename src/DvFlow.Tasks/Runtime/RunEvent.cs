using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime;

/// <summary>One thing a task reported while it ran: kept so that it can be replayed into the task's own MSBuild target.</summary>
public abstract record RunEvent
{
    /// <summary>Sends the event to a log.</summary>
    public abstract void ReplayTo(IRunLog log);
}

/// <summary>A message.</summary>
public sealed record MessageEvent(string Text, bool Important) : RunEvent
{
    /// <inheritdoc />
    public override void ReplayTo(IRunLog log) => log.Message(Text, Important);
}

/// <summary>A marker (error, warning, info with location).</summary>
public sealed record MarkerEvent(string Task, TaskMarker Marker) : RunEvent
{
    /// <inheritdoc />
    public override void ReplayTo(IRunLog log) => log.Marker(Task, Marker);
}

/// <summary>A command line.</summary>
public sealed record CommandEvent(string CommandLine) : RunEvent
{
    /// <inheritdoc />
    public override void ReplayTo(IRunLog log) => log.Command(CommandLine);
}

/// <summary>A line of tool output.</summary>
public sealed record ToolOutputEvent(string Line) : RunEvent
{
    /// <inheritdoc />
    public override void ReplayTo(IRunLog log) => log.ToolOutput(Line);
}
