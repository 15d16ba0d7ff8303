using DvFlow.Tasks.Runtime;
using DvFlow.TaskApi;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DvFlow.Tasks.Build;

/// <summary>Routes runner output to the MSBuild log: markers become errors and warnings with file, line and column.</summary>
internal sealed class MsBuildRunLog(TaskLoggingHelper log) : IRunLog
{
    private readonly object _gate = new();

    /// <summary>True once an error marker was logged.</summary>
    public bool LoggedError { get; private set; }

    public void Message(string text, bool important = false)
    {
        lock (_gate) log.LogMessage(important ? MessageImportance.High : MessageImportance.Normal, text);
    }

    public void Marker(string task, TaskMarker m)
    {
        var code = m.Code ?? "DVF6000";
        var text = MarkerText.For(task, m.Message);
        var line = Math.Max(0, m.Line);
        var col = Math.Max(0, m.Column);
        lock (_gate)
        {
            switch (m.Severity)
            {
                case MarkerSeverity.Error:
                    LoggedError = true;
                    log.LogError(null, code, null, m.Path, line, col, 0, 0, "{0}", text);
                    break;
                case MarkerSeverity.Warning:
                    log.LogWarning(null, code, null, m.Path, line, col, 0, 0, "{0}", text);
                    break;
                default:
                    log.LogMessage(null, code, null, m.Path, line, col, 0, 0, MessageImportance.High, "{0}", text);
                    break;
            }
        }
    }

    public void Command(string commandLine)
    {
        lock (_gate) log.LogCommandLine(MessageImportance.Normal, commandLine);
    }

    public void ToolOutput(string line)
    {
        lock (_gate) log.LogMessage(MessageImportance.Normal, line);
    }
}
