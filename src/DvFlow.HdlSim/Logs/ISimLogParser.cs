using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Logs;

/// <summary>
/// Turns a tool's output, line by line, into diagnostics. Parsers of multi-line messages (VCS, Questa)
/// hold a message until the line that completes it, so a line's result may be an earlier message;
/// <see cref="Flush"/> returns the one still held when the output ends.
/// </summary>
public interface ISimLogParser
{
    /// <summary>Parses <paramref name="line"/>; returns the message it completes, or null.</summary>
    TaskMarker? Parse(string line);

    /// <summary>The message still held at the end of the output, or null (single-line parsers hold none).</summary>
    TaskMarker? Flush() => null;
}
