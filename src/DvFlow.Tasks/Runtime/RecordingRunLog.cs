using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime;

/// <summary>Records what a task logs (thread-safe), for replay into its MSBuild target later.</summary>
public sealed class RecordingRunLog : IRunLog
{
    private readonly List<RunEvent> _events = new();

    /// <summary>The events so far, in order.</summary>
    public IReadOnlyList<RunEvent> Events
    {
        get { lock (_events) return _events.ToList(); }
    }

    private void Add(RunEvent e)
    {
        lock (_events) _events.Add(e);
    }

    /// <inheritdoc />
    public void Message(string text, bool important = false) => Add(new MessageEvent(text, important));
    /// <inheritdoc />
    public void Marker(string task, TaskMarker marker) => Add(new MarkerEvent(task, marker));
    /// <inheritdoc />
    public void Command(string commandLine) => Add(new CommandEvent(commandLine));
    /// <inheritdoc />
    public void ToolOutput(string line) => Add(new ToolOutputEvent(line));
}
