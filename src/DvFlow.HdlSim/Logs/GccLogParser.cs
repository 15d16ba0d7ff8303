using System.Text.RegularExpressions;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Logs;

/// <summary>Parses GCC/Clang diagnostics (<c>file:line:col: error: message</c>) from compiling DPI and VPI libraries.</summary>
public sealed partial class GccLogParser : ISimLogParser
{
    [GeneratedRegex(@"^(?<file>[^:\s][^:]*):(?<line>\d+):(?:(?<col>\d+):)?\s+(?<sev>fatal error|error|warning):\s+(?<msg>.*)$")]
    private static partial Regex Diagnostic();

    /// <inheritdoc />
    public TaskMarker? Parse(string line)
    {
        var m = Diagnostic().Match(line);
        if (!m.Success) return null;
        var severity = m.Groups["sev"].Value == "warning" ? MarkerSeverity.Warning : MarkerSeverity.Error;
        var col = m.Groups["col"].Success ? int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
        return new TaskMarker(severity, m.Groups["msg"].Value, m.Groups["file"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), col);
    }
}
