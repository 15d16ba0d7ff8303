using DvFlow.Model.Dataflow;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime;

/// <summary>
/// The record a task leaves in its run directory (<c>&lt;name&gt;.exec_data.json</c>, dfm's layout and
/// field names): parameters, input signature, commands, result, outputs and memento. Its presence with
/// status 0 is what "done" means; it is written atomically after the task finishes.
/// </summary>
public sealed record ExecData
{
    /// <summary>Task name.</summary>
    public required string Name { get; init; }
    /// <summary>Source directory.</summary>
    public string SrcDir { get; init; } = "";
    /// <summary>Run directory.</summary>
    public string RunDir { get; init; } = "";
    /// <summary>Parameters the task ran with.</summary>
    public FlowMap Params { get; init; } = FlowMap.Empty;
    /// <summary>Digest of the inputs (items and the files they name).</summary>
    public string InputsSignature { get; init; } = "";
    /// <summary>Needs by name.</summary>
    public IReadOnlyList<string> Needs { get; init; } = [];
    /// <summary>Commands run, with exit codes.</summary>
    public IReadOnlyList<(IReadOnlyList<string> Cmd, int Status)> Commands { get; init; } = [];
    /// <summary>0 for success.</summary>
    public int Status { get; init; }
    /// <summary>Whether the output changed in the run that wrote this record.</summary>
    public bool Changed { get; init; }
    /// <summary>The task's memento.</summary>
    public object? Memento { get; init; }
    /// <summary>Markers of the run.</summary>
    public IReadOnlyList<TaskMarker> Markers { get; init; } = [];
    /// <summary>Output items: passed-through inputs then the task's own items.</summary>
    public IReadOnlyList<DataItem> Output { get; init; } = [];
    /// <summary>Log file (relative to the run directory), if any.</summary>
    public string? LogFile { get; init; }
    /// <summary>The build session that wrote the record.</summary>
    public string? Session { get; init; }
    /// <summary>Why the task ran, or why it was skipped.</summary>
    public string? Reason { get; init; }

    /// <summary>The file name of a task's exec data in its run directory.</summary>
    public static string FileName(string taskName) => taskName + ".exec_data.json";

    /// <summary>The task's own output items (not passed through).</summary>
    public IEnumerable<DataItem> OwnOutput => Output.Where(o => o.Src == Name);

    /// <summary>The map form written to disk.</summary>
    public FlowMap ToMap() => FlowMap.Of(
        ("name", Name),
        ("srcdir", SrcDir),
        ("rundir", RunDir),
        ("params", Params),
        ("inputs_signature", InputsSignature),
        ("needs", Needs.Cast<object?>().ToArray()),
        ("commands", Commands.Select(c => (object?)FlowMap.Of(("cmd", c.Cmd.Cast<object?>().ToArray()), ("status", (long)c.Status))).ToArray()),
        ("result", FlowMap.Of(("status", (long)Status), ("changed", Changed), ("memento", Memento),
            ("markers", Markers.Select(m => (object?)MarkerJson.ToMap(m)).ToArray()))),
        ("output", FlowMap.Of(("changed", Changed), ("output", Output.Select(o => (object?)o.ToMap()).ToArray()))),
        ("logfile", LogFile),
        ("session", Session),
        ("reason", Reason));

    /// <summary>Reads the map form; null when it is not an exec-data record.</summary>
    public static ExecData? FromMap(object? value)
    {
        if (value is not FlowMap m || m.GetValueOrDefault("name") is not string name) return null;
        var result = m.GetValueOrDefault("result") as FlowMap ?? FlowMap.Empty;
        var output = (m.GetValueOrDefault("output") as FlowMap)?.GetValueOrDefault("output") as IReadOnlyList<object?> ?? [];
        return new ExecData
        {
            Name = name,
            SrcDir = m.GetValueOrDefault("srcdir") as string ?? "",
            RunDir = m.GetValueOrDefault("rundir") as string ?? "",
            Params = m.GetValueOrDefault("params") as FlowMap ?? FlowMap.Empty,
            InputsSignature = m.GetValueOrDefault("inputs_signature") as string ?? "",
            Needs = (m.GetValueOrDefault("needs") as IReadOnlyList<object?> ?? []).OfType<string>().ToList(),
            Commands = (m.GetValueOrDefault("commands") as IReadOnlyList<object?> ?? []).OfType<FlowMap>()
                .Select(c => ((IReadOnlyList<string>)(c.GetValueOrDefault("cmd") as IReadOnlyList<object?> ?? []).OfType<string>().ToList(), (int)(c.GetValueOrDefault("status") as long? ?? 0))).ToList(),
            Status = (int)(result.GetValueOrDefault("status") as long? ?? 1),
            Changed = result.GetValueOrDefault("changed") as bool? ?? true,
            Memento = result.GetValueOrDefault("memento"),
            Markers = (result.GetValueOrDefault("markers") as IReadOnlyList<object?> ?? []).OfType<FlowMap>().Select(MarkerJson.FromMap).ToList(),
            Output = output.OfType<FlowMap>().Select(DataItem.FromMap).OfType<DataItem>().ToList(),
            LogFile = m.GetValueOrDefault("logfile") as string,
            Session = m.GetValueOrDefault("session") as string,
            Reason = m.GetValueOrDefault("reason") as string,
        };
    }
}
