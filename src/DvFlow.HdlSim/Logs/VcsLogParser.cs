using System.Text.RegularExpressions;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Logs;

/// <summary>
/// VCS's (vlogan, vcs, simv) messages, which span lines: a header <c>Error-[CODE] title</c> (also
/// <c>Warning-</c>, <c>Lint-</c>, <c>Note-</c>), then the location <c>file, line</c> or, for syntax errors,
/// <c>"file", line: detail</c>, then indented detail, then a blank line. The marker is emitted at the
/// location line (or, without one, at the blank line or next header). Lint messages are warnings;
/// notes give no marker. Warnings and lint messages whose code is suppressed give no marker.
/// simv reports <c>$error</c>/<c>$fatal</c> as <c>Error: "file", line: scope: at time T</c> with the
/// user's message on the next line, which is appended.
/// </summary>
public sealed partial class VcsLogParser(IReadOnlySet<string>? suppressed = null) : ISimLogParser
{
    private readonly IReadOnlySet<string> _suppressed = suppressed ?? new HashSet<string>();
    private TaskMarker? _pending;
    private bool _awaitsText;

    [GeneratedRegex(@"^(?<kind>Error|Warning|Lint|Note)-\[(?<code>[^\]]+)\]\s*(?<title>.*)$")]
    private static partial Regex Header();

    // "/p/t.sv", 5: token is 'endmodule'   or   /p/t.sv, 12   (optionally followed by text)
    [GeneratedRegex(@"^\s*(?:""(?<qpath>[^""]+)""|(?<path>[^\s,""]+)),\s*(?<line>\d+)\s*(?::\s*(?<detail>.*))?$")]
    private static partial Regex Location();

    [GeneratedRegex(@"^(?<kind>Error|Fatal|Warning):\s*""(?<path>[^""]+)"",\s*(?<line>\d+):\s*(?<msg>.*)$")]
    private static partial Regex Runtime();

    /// <inheritdoc />
    public TaskMarker? Parse(string line)
    {
        if (_awaitsText && _pending is not null && line.Trim().Length > 0 && !Header().IsMatch(line) && !Runtime().IsMatch(line))
        {
            var withText = _pending with { Message = $"{_pending.Message}: {line.Trim()}" };
            _pending = null;
            _awaitsText = false;
            return withText;
        }
        var r = Runtime().Match(line);
        if (r.Success)
        {
            var previous = Flush();
            var severity = r.Groups["kind"].Value == "Warning" ? MarkerSeverity.Warning : MarkerSeverity.Error;
            _pending = new TaskMarker(severity, r.Groups["msg"].Value.Trim(), r.Groups["path"].Value, int.Parse(r.Groups["line"].Value));
            _awaitsText = true;
            return previous;
        }
        var h = Header().Match(line);
        if (h.Success)
        {
            var previous = Flush();
            var kind = h.Groups["kind"].Value;
            var code = h.Groups["code"].Value;
            var severity = kind == "Error" ? MarkerSeverity.Error : MarkerSeverity.Warning;
            var dropped = kind == "Note" || (severity == MarkerSeverity.Warning && _suppressed.Contains(code));
            _pending = dropped ? null : new TaskMarker(severity, h.Groups["title"].Value.Trim()) { Code = code };
            return previous;
        }
        if (_pending is null) return null;
        if (line.Trim().Length == 0) return Flush();
        var loc = Location().Match(line);
        if (!loc.Success) return null;
        var path = loc.Groups["qpath"].Success ? loc.Groups["qpath"].Value : loc.Groups["path"].Value;
        var detail = loc.Groups["detail"].Value.Trim();
        var msg = detail.Length > 0 ? $"{_pending.Message}: {detail}" : _pending.Message;
        var marker = _pending with { Message = msg, Path = path, Line = int.Parse(loc.Groups["line"].Value) };
        _pending = null;
        return marker;
    }

    /// <inheritdoc />
    public TaskMarker? Flush()
    {
        var p = _pending;
        _pending = null;
        _awaitsText = false;
        return p;
    }
}
