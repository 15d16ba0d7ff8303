using System.Text.RegularExpressions;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Logs;

/// <summary>
/// Verilator's messages, from the compiler and from a running model:
/// <c>%Error: file:line:col: msg</c>, <c>%Warning-CODE: file:line:col: msg</c>, <c>%Fatal: file:line: msg</c>,
/// optionally preceded by the simulation time (<c>[100] %Error: ...</c>). Indented continuation lines
/// (the source excerpt) are not messages. Warnings whose code is suppressed give no marker.
/// </summary>
public sealed partial class VltLogParser(IReadOnlySet<string>? suppressed = null) : ISimLogParser
{
    private readonly IReadOnlySet<string> _suppressed = suppressed ?? new HashSet<string>();

    [GeneratedRegex(@"^(?:\[[^\]]*\]\s*)?%(?<kind>Error|Warning|Fatal)(?:-(?<code>[A-Za-z0-9_]+))?:\s*(?<rest>.*)$")]
    private static partial Regex Message();

    [GeneratedRegex(@"^(?<path>[^\s:]+):(?<line>\d+):(?:(?<col>\d+):)?\s*(?<msg>.*)$")]
    private static partial Regex Location();

    // The C++ compiler building the model, when a header of a system library the Verilator runtime uses is missing.
    [GeneratedRegex(@"^(?<file>/\S*/verilator/include/\S+?):(?<line>\d+):(?:\d+:)?\s+fatal error:\s+(?<header>\S+): No such file or directory")]
    private static partial Regex MissingRuntimeHeader();

    // The Debian packages of the headers the Verilator runtime includes (FST tracing compiles against zlib).
    private static readonly IReadOnlyDictionary<string, string> HeaderPackages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["zlib.h"] = "zlib1g-dev",
    };

    /// <inheritdoc />
    public TaskMarker? Parse(string line)
    {
        if (MissingRuntimeHeader().Match(line) is { Success: true } h)
        {
            var header = h.Groups["header"].Value;
            var install = HeaderPackages.TryGetValue(header, out var pkg) ? $"install {pkg} (apt-get install -y {pkg})" : "install the development package that provides it";
            return new TaskMarker(MarkerSeverity.Error,
                $"the C++ compiler cannot find '{header}', which Verilator's runtime ({Path.GetFileName(h.Groups["file"].Value)}) includes: {install}");
        }
        var m = Message().Match(line);
        if (!m.Success) return null;
        var rest = m.Groups["rest"].Value.Trim();
        // The summary repeats what the individual errors said.
        if (rest.StartsWith("Exiting due to", StringComparison.Ordinal)) return null;
        var code = m.Groups["code"].Success ? m.Groups["code"].Value : null;
        var severity = m.Groups["kind"].Value == "Warning" ? MarkerSeverity.Warning : MarkerSeverity.Error;
        if (severity == MarkerSeverity.Warning && code is not null && _suppressed.Contains(code)) return null;
        var loc = Location().Match(rest);
        if (!loc.Success) return new TaskMarker(severity, rest) { Code = code };
        return new TaskMarker(severity, loc.Groups["msg"].Value, loc.Groups["path"].Value, int.Parse(loc.Groups["line"].Value),
            loc.Groups["col"].Success ? int.Parse(loc.Groups["col"].Value) : -1) { Code = code };
    }
}
