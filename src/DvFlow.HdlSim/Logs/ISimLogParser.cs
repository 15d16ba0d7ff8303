using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Logs;

/// <summary>Turns one line of a tool's output into a diagnostic, or null when the line is not one.</summary>
public interface ISimLogParser
{
    /// <summary>Parses <paramref name="line"/>.</summary>
    TaskMarker? Parse(string line);
}
