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
}
