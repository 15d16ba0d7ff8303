using System.Text.RegularExpressions;
using DvFlow.TaskApi;

namespace MyTool.Vlt;

/// <summary>Turns Verilator's '%Error: file:line:col: message' and '%Warning-CODE: ...' lines into markers.</summary>
public static partial class VerilatorLog
{
    [GeneratedRegex(@"^%(?<sev>Error|Warning)(-(?<code>[A-Z0-9_]+))?: (?<file>[^:\s]+):(?<line>\d+):((?<col>\d+):)? (?<msg>.*)$")]
    private static partial Regex Located();

    [GeneratedRegex(@"^%Error: (?<msg>.*)$")]
    private static partial Regex Plain();

    /// <summary>Adds a marker to <paramref name="ctxt"/> when <paramref name="line"/> is a Verilator message.</summary>
    public static void Parse(string line, TaskRunCtxt ctxt)
    {
        var m = Located().Match(line);
        if (m.Success)
        {
            var sev = m.Groups["sev"].Value == "Error" ? MarkerSeverity.Error : MarkerSeverity.Warning;
            var col = m.Groups["col"].Success ? int.Parse(m.Groups["col"].Value) : -1;
            ctxt.AddMarker(new TaskMarker(sev, m.Groups["msg"].Value, m.Groups["file"].Value, int.Parse(m.Groups["line"].Value), col)
            {
                Code = m.Groups["code"].Success ? m.Groups["code"].Value : null,
            });
            return;
        }
        var p = Plain().Match(line);
        if (p.Success && !line.StartsWith("%Error: Exiting due to", StringComparison.Ordinal))
            ctxt.AddMarker(new TaskMarker(MarkerSeverity.Error, p.Groups["msg"].Value));
    }
}
