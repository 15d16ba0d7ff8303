using DvFlow.Model.Diagnostics;
using Microsoft.Build.Utilities;

namespace DvFlow.Tasks.Build;

/// <summary>Logs flow diagnostics as MSBuild errors and warnings at their file, line and column.</summary>
internal static class DiagnosticLogging
{
    public static void Log(TaskLoggingHelper log, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            var file = d.Location?.File;
            var line = d.Location?.Line ?? 0;
            var col = d.Location?.Column ?? 0;
            if (d.IsError) log.LogError(null, d.Code, null, file, line, col, 0, 0, "{0}", d.Message);
            else if (d.Severity == DiagnosticSeverity.Warning) log.LogWarning(null, d.Code, null, file, line, col, 0, 0, "{0}", d.Message);
            else log.LogMessage(null, d.Code, null, file, line, col, 0, 0, Microsoft.Build.Framework.MessageImportance.Normal, "{0}", d.Message);
        }
    }

    /// <summary>
    /// An error of the runner at <paramref name="at"/> (a task's place in the flow file, or the flow file): without a file,
    /// MSBuild would point it at the generated targets, which nobody should open.
    /// </summary>
    public static void Error(TaskLoggingHelper log, SourceLocation? at, string code, string message)
        => log.LogError(null, code, null, at?.File, at?.Line ?? 0, at?.Column ?? 0, 0, 0, "{0}", message);

    /// <summary>A warning of the runner at <paramref name="at"/>; see <see cref="Error"/>.</summary>
    public static void Warning(TaskLoggingHelper log, SourceLocation? at, string code, string message)
        => log.LogWarning(null, code, null, at?.File, at?.Line ?? 0, at?.Column ?? 0, 0, 0, "{0}", message);

    /// <summary>Where diagnostics about the flow as a whole point: its root flow file.</summary>
    public static SourceLocation? FlowFile(Runtime.FlowPlan plan) => plan.FlowFile.Length > 0 ? SourceLocation.OfFile(plan.FlowFile) : null;
}
