using System.Text.RegularExpressions;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Logs;

/// <summary>
/// UVM report lines in a simulation log: each <c>UVM_ERROR file(line) @ time: ...</c> / <c>UVM_FATAL ...</c>
/// message becomes an error marker, and the report summary's <c>UVM_ERROR :    N</c> counts are kept so a
/// run with errors fails even when the messages themselves were filtered or reformatted. Questa's
/// transcript prefix <c># </c> is allowed.
/// </summary>
public sealed partial class UvmReportParser : ISimLogParser
{
    [GeneratedRegex(@"^(?:#\s*)?(?<kind>UVM_ERROR|UVM_FATAL)\s+(?<path>[^\s(]+)\((?<line>\d+)\)\s*@\s*[^:]*:\s*(?<msg>.*)$")]
    private static partial Regex Message();

    [GeneratedRegex(@"^(?:#\s*)?(?<kind>UVM_ERROR|UVM_FATAL)\s*:\s*(?<count>\d+)\s*$")]
    private static partial Regex Count();

    /// <summary>The largest UVM_ERROR plus UVM_FATAL count reported by a summary (0 when none was seen).</summary>
    public int SummaryErrors => _errors + _fatals;

    private int _errors;
    private int _fatals;

    /// <inheritdoc />
    public TaskMarker? Parse(string line)
    {
        var c = Count().Match(line);
        if (c.Success)
        {
            var n = int.Parse(c.Groups["count"].Value);
            if (c.Groups["kind"].Value == "UVM_ERROR") _errors = Math.Max(_errors, n);
            else _fatals = Math.Max(_fatals, n);
            return null;
        }
        var m = Message().Match(line);
        if (!m.Success) return null;
        return new TaskMarker(MarkerSeverity.Error, m.Groups["msg"].Value.Trim(), m.Groups["path"].Value, int.Parse(m.Groups["line"].Value))
        { Code = m.Groups["kind"].Value };
    }
}
