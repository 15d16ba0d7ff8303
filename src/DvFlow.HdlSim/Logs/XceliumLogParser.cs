using System.Text.RegularExpressions;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Logs;

/// <summary>
/// Xcelium's (xrun, xmvlog, xmelab, xmsim) messages: <c>tool: *E,CODE (file,line|col): msg</c>, with
/// <c>*W</c> warnings and <c>*F</c> fatals; the location is optional (<c>xmsim: *E,CODE: msg</c>).
/// Notes (<c>*N</c>) give no marker; warnings whose code is suppressed give none either.
/// </summary>
public sealed partial class XceliumLogParser(IReadOnlySet<string>? suppressed = null) : ISimLogParser
{
    private readonly IReadOnlySet<string> _suppressed = suppressed ?? new HashSet<string>();

    [GeneratedRegex(@"^(?:\w+:\s+)?\*(?<kind>[EWF]),(?<code>\w+)(?:\s+\((?<path>[^,()]+),(?<line>\d+)(?:\|(?<col>\d+))?\))?\s*:\s*(?<msg>.*)$")]
    private static partial Regex Message();

    /// <inheritdoc />
    public TaskMarker? Parse(string line)
    {
        var m = Message().Match(line.TrimStart());
        if (!m.Success) return null;
        var code = m.Groups["code"].Value;
        var severity = m.Groups["kind"].Value == "W" ? MarkerSeverity.Warning : MarkerSeverity.Error;
        if (severity == MarkerSeverity.Warning && _suppressed.Contains(code)) return null;
        var msg = m.Groups["msg"].Value.Trim();
        if (!m.Groups["path"].Success) return new TaskMarker(severity, msg) { Code = code };
        return new TaskMarker(severity, msg, m.Groups["path"].Value.Trim(), int.Parse(m.Groups["line"].Value),
            m.Groups["col"].Success ? int.Parse(m.Groups["col"].Value) : -1) { Code = code };
    }
}
