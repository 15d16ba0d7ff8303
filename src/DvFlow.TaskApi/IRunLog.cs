
namespace DvFlow.TaskApi;

/// <summary>Where the runner reports: the MSBuild log in the SDK, a list in tests.</summary>
public interface IRunLog
{
    /// <summary>A message; <paramref name="important"/> ones show at normal verbosity.</summary>
    void Message(string text, bool important = false);

    /// <summary>A diagnostic of the task <paramref name="task"/>.</summary>
    void Marker(string task, TaskMarker marker);

    /// <summary>A command line the task runs.</summary>
    void Command(string commandLine);

    /// <summary>One line of a tool's output.</summary>
    void ToolOutput(string line);
}
