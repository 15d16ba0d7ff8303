using System.Text.RegularExpressions;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Logs;

/// <summary>
/// Questa's (vlog, vopt, vsim) messages, optionally behind vsim's transcript prefix <c># </c>:
/// <c>** Error: (vlog-CODE) file(line): msg</c>, <c>** Error: file(line): (vlog-CODE) msg</c>,
/// <c>** Error (suppressible): ...</c>, <c>** Warning: ...</c>, <c>** Fatal: ...</c>. A runtime message
/// without a location (<c>$error</c>) is followed by <c>Time: ... File: f Line: n</c>; the parser holds each
/// message for one line to take that location. Warnings whose code (<c>vlog-2643</c> or <c>2643</c>) is
/// suppressed give no marker.
/// </summary>
public sealed partial class QuestaLogParser(IReadOnlySet<string>? suppressed = null) : ISimLogParser
{
    private readonly IReadOnlySet<string> _suppressed = suppressed ?? new HashSet<string>();
    private TaskMarker? _pending;

    [GeneratedRegex(@"^(?:#\s*)?\*\*\s+(?<kind>Error|Warning|Fatal)(?:\s+\(suppressible\))?:\s*(?<rest>.*)$")]
    private static partial Regex Message();

    [GeneratedRegex(@"^\((?<code>[\w-]+)\)\s*")]
    private static partial Regex Code();

    [GeneratedRegex(@"^(?<path>[^\s()]+)\((?<line>\d+)\):\s*")]
    private static partial Regex Location();

    [GeneratedRegex(@"^(?:#\s*)?\s+Time:.*\bFile:\s*(?<path>\S+)\s+Line:\s*(?<line>\d+)")]
    private static partial Regex RuntimeLocation();

    /// <inheritdoc />
    public TaskMarker? Parse(string line)
    {
        if (_pending is { Path: null } && RuntimeLocation().Match(line) is { Success: true } rl)
        {
            var located = _pending with { Path = rl.Groups["path"].Value, Line = int.Parse(rl.Groups["line"].Value) };
            _pending = null;
            return located;
        }
        var previous = Flush();
        var m = Message().Match(line);
        if (m.Success) _pending = Make(m);
        return previous;
    }

    /// <inheritdoc />
    public TaskMarker? Flush()
    {
        var p = _pending;
        _pending = null;
        return p;
    }

    private TaskMarker? Make(Match m)
    {
        var rest = m.Groups["rest"].Value;
        string? code = null;
        string? path = null;
        var lineNo = -1;
        // The code and the location come in either order.
        for (var i = 0; i < 2; i++)
        {
            if (code is null && Code().Match(rest) is { Success: true } c)
            {
                code = c.Groups["code"].Value;
                rest = rest[c.Length..];
            }
            else if (path is null && Location().Match(rest) is { Success: true } l)
            {
                path = l.Groups["path"].Value;
                lineNo = int.Parse(l.Groups["line"].Value);
                rest = rest[l.Length..];
            }
        }
        var severity = m.Groups["kind"].Value == "Warning" ? MarkerSeverity.Warning : MarkerSeverity.Error;
        if (severity == MarkerSeverity.Warning && code is not null && IsSuppressed(code)) return null;
        return new TaskMarker(severity, rest.Trim(), path, lineNo) { Code = code };
    }

    // "vlog-2643" is suppressed by "vlog-2643" or by the bare number, as vlog's own -suppress takes it.
    private bool IsSuppressed(string code)
        => _suppressed.Contains(code) || (code.LastIndexOf('-') is var dash and >= 0 && _suppressed.Contains(code[(dash + 1)..]));
}
