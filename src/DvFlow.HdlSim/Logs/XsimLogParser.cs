using System.Text.RegularExpressions;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Logs;

/// <summary>
/// The Vivado simulator's (xvlog, xelab, xsc, xsim) messages. Tool messages are one line:
/// <c>ERROR: [VRFC 10-2989] msg [file:line]</c>, <c>WARNING: [...]</c>, <c>CRITICAL WARNING: [...]</c> (a
/// warning), <c>FATAL_ERROR: msg</c>; the ID and the location are optional (<c>ERROR: [XSIM 43-3225] msg</c>),
/// and <c>INFO:</c> gives no marker. Warnings whose ID (<c>VRFC 10-3091</c>) is suppressed give none either.
/// xsim reports <c>$error</c>/<c>$warning</c>/<c>$fatal</c> as <c>Error: msg</c> (<c>Warning:</c>,
/// <c>Fatal:</c>, VHDL's <c>Failure:</c>), possibly over several lines, then
/// <c>Time: T  Iteration: N  Process: P  Scope: S  File: f Line: n</c>; the parser holds such a message until
/// that line, and drops it when another message or the end comes first: it was the design's own output.
/// </summary>
public sealed partial class XsimLogParser(IReadOnlySet<string>? suppressed = null) : ISimLogParser
{
    private readonly IReadOnlySet<string> _suppressed = suppressed ?? new HashSet<string>();
    private TaskMarker? _pending;
    private bool _holding;

    [GeneratedRegex(@"^(?<kind>ERROR|FATAL_ERROR|CRITICAL WARNING|WARNING|INFO):\s*(?:\[(?<code>[^\]]+)\]\s*)?(?<msg>.*?)(?:\s*\[(?<path>[^\[\]]+):(?<line>\d+)\])?\s*$")]
    private static partial Regex ToolMessage();

    [GeneratedRegex(@"^(?<kind>Error|Warning|Fatal|Failure|Info|Note):\s*(?<msg>.*)$")]
    private static partial Regex RuntimeMessage();

    [GeneratedRegex(@"^Time:\s.*?\bFile:\s*(?<path>\S+)(?:\s+Line:\s*(?<line>\d+))?")]
    private static partial Regex RuntimeLocation();

    /// <inheritdoc />
    public TaskMarker? Parse(string line)
    {
        var text = line.TrimEnd();
        if (_holding && text.StartsWith("Time:", StringComparison.Ordinal))
        {
            var held = _pending;
            Flush();
            if (held is null || RuntimeLocation().Match(text) is not { Success: true } loc) return held;
            return held with
            {
                Path = loc.Groups["path"].Value,
                Line = loc.Groups["line"].Success ? int.Parse(loc.Groups["line"].Value) : -1,
            };
        }
        if (ToolMessage().Match(text) is { Success: true } t)
        {
            Flush();
            return ToolMarker(t);
        }
        if (RuntimeMessage().Match(text) is { Success: true } r)
        {
            Flush();
            _holding = true;
            var kind = r.Groups["kind"].Value;
            _pending = kind is "Info" or "Note" ? null
                : new TaskMarker(kind == "Warning" ? MarkerSeverity.Warning : MarkerSeverity.Error, r.Groups["msg"].Value.Trim());
            return null;
        }
        // A message such as "Fatal: " whose text is on the next lines takes the first of them.
        if (_pending is { Message.Length: 0 } && text.Trim().Length > 0) _pending = _pending with { Message = text.Trim() };
        return null;
    }

    /// <summary>Drops a runtime message still waiting for its <c>Time:</c> line (without it, it was not xsim's); returns null.</summary>
    public TaskMarker? Flush()
    {
        _pending = null;
        _holding = false;
        return null;
    }

    private TaskMarker? ToolMarker(Match m)
    {
        var kind = m.Groups["kind"].Value;
        if (kind == "INFO") return null;
        var severity = kind.EndsWith("WARNING", StringComparison.Ordinal) ? MarkerSeverity.Warning : MarkerSeverity.Error;
        var code = m.Groups["code"].Success ? m.Groups["code"].Value.Trim() : null;
        if (severity == MarkerSeverity.Warning && code is not null && _suppressed.Contains(code)) return null;
        var msg = m.Groups["msg"].Value.Trim();
        return m.Groups["path"].Success
            ? new TaskMarker(severity, msg, m.Groups["path"].Value.Trim(), int.Parse(m.Groups["line"].Value)) { Code = code }
            : new TaskMarker(severity, msg) { Code = code };
    }
}
