using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime;

/// <summary>
/// dfm's JSON shape of a marker, <c>{"severity", "msg", "loc": {"path", "line", "pos"}}</c>, shared by
/// exec data and the DFM_MARKERS channel of shell tasks.
/// </summary>
public static class MarkerJson
{
    /// <summary>The map form of a marker.</summary>
    public static FlowMap ToMap(TaskMarker m) => FlowMap.Of(
        ("severity", m.Severity.ToString().ToLowerInvariant()),
        ("msg", m.Message),
        ("loc", m.Path is null ? null : FlowMap.Of(("path", m.Path), ("line", (long)m.Line), ("pos", (long)m.Column))));

    /// <summary>Reads the map form; an unknown or missing severity is info, a missing location -1.</summary>
    public static TaskMarker FromMap(FlowMap m)
    {
        var sev = (m.GetValueOrDefault("severity") as string)?.ToLowerInvariant() switch
        {
            "error" => MarkerSeverity.Error,
            "warning" => MarkerSeverity.Warning,
            _ => MarkerSeverity.Info,
        };
        var loc = m.GetValueOrDefault("loc") as FlowMap;
        return new TaskMarker(sev, m.GetValueOrDefault("msg") as string ?? "", loc?.GetValueOrDefault("path") as string,
            (int)(loc?.GetValueOrDefault("line") as long? ?? -1), (int)(loc?.GetValueOrDefault("pos") as long? ?? -1));
    }
}
