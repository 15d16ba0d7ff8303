using System.Text.RegularExpressions;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Logs;

/// <summary>
/// Icarus Verilog's messages: the compiler's <c>file:line: error: msg</c>, <c>file:line: warning: msg</c>,
/// <c>file:line: sorry: msg</c> and <c>file:line: syntax error</c>; the runtime's <c>ERROR: file:line: msg</c>
/// (<c>$error</c>), <c>FATAL: file:line: msg</c> (<c>$fatal</c>) and <c>WARNING: file:line: msg</c>.
/// Icarus warnings have no codes, so a suppressed code matches a warning whose text contains it.
/// </summary>
public sealed partial class IvlLogParser(IReadOnlySet<string>? suppressed = null) : ISimLogParser
{
    private readonly IReadOnlySet<string> _suppressed = suppressed ?? new HashSet<string>();

    [GeneratedRegex(@"^(?<path>[^\s:]+):(?<line>\d+):\s*(?:(?<kind>error|warning|sorry):\s*(?<msg>.*)|(?<syntax>syntax error.*))$")]
    private static partial Regex Compiler();

    [GeneratedRegex(@"^(?<kind>ERROR|FATAL|WARNING):\s*(?<path>[^\s:]+):(?<line>\d+):\s*(?<msg>.*)$")]
    private static partial Regex Runtime();

    /// <inheritdoc />
    public TaskMarker? Parse(string line)
    {
        var m = Compiler().Match(line);
        if (m.Success)
        {
            var msg = m.Groups["syntax"].Success ? m.Groups["syntax"].Value : m.Groups["msg"].Value;
            var sev = m.Groups["kind"].Value == "warning" ? MarkerSeverity.Warning : MarkerSeverity.Error;
            return Make(sev, msg, m);
        }
        m = Runtime().Match(line);
        if (m.Success)
            return Make(m.Groups["kind"].Value == "WARNING" ? MarkerSeverity.Warning : MarkerSeverity.Error, m.Groups["msg"].Value.Trim(), m);
        return null;
    }

    private TaskMarker? Make(MarkerSeverity severity, string msg, Match m)
    {
        if (severity == MarkerSeverity.Warning && _suppressed.Any(c => msg.Contains(c, StringComparison.OrdinalIgnoreCase))) return null;
        return new TaskMarker(severity, msg.Trim(), m.Groups["path"].Value, int.Parse(m.Groups["line"].Value));
    }
}
