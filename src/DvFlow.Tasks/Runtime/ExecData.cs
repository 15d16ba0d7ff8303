using System.Text.Json;
using DvFlow.Model.Dataflow;
using DvFlow.Model.Values;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;
using static DvFlow.Tasks.Runtime.JsonFields;

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
    /// <summary>Digest of the command the task ran (shell and <c>run:</c> after expansion; see <see cref="ImplementationSignature"/>).</summary>
    public string CommandSignature { get; init; } = "";
    /// <summary>The code that ran it (<c>Type@build-id</c>).</summary>
    public string Implementation { get; init; } = "";
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
        ("command_signature", CommandSignature),
        ("implementation", Implementation),
        ("needs", Needs.Cast<object?>().ToArray()),
        ("commands", Commands.Select(c => (object?)FlowMap.Of(("cmd", c.Cmd.Cast<object?>().ToArray()), ("status", (long)c.Status))).ToArray()),
        ("result", FlowMap.Of(("status", (long)Status), ("changed", Changed), ("memento", Memento),
            ("markers", Markers.Select(m => (object?)MarkerJson.ToMap(m)).ToArray()))),
        ("output", FlowMap.Of(("changed", Changed), ("output", Output.Select(o => (object?)o.ToMap()).ToArray()))),
        ("logfile", LogFile),
        ("session", Session),
        ("reason", Reason));

    /// <summary>Reads the JSON form; null when it is not an exec-data record.</summary>
    /// <remarks>Read field by field rather than through a map of the whole record: a no-op build reads every task's record.</remarks>
    public static ExecData? FromJson(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || Str(e, "name") is not { } name) return null;
        var result = Get(e, "result", JsonValueKind.Object);
        var output = Get(e, "output", JsonValueKind.Object) is { } o ? Get(o, "output", JsonValueKind.Array) : null;
        return new ExecData
        {
            Name = name,
            SrcDir = Str(e, "srcdir") ?? "",
            RunDir = Str(e, "rundir") ?? "",
            Params = Get(e, "params", JsonValueKind.Object) is { } ps ? (FlowMap)JsonValues.FromElement(ps)! : FlowMap.Empty,
            InputsSignature = Str(e, "inputs_signature") ?? "",
            CommandSignature = Str(e, "command_signature") ?? "",
            Implementation = Str(e, "implementation") ?? "",
            Needs = Get(e, "needs", JsonValueKind.Array) is { } needs ? Strings(needs) : [],
            Commands = Get(e, "commands", JsonValueKind.Array) is { } cmds ? ReadCommands(cmds) : [],
            Status = result is { } r1 && Get(r1, "status", JsonValueKind.Number) is { } st && st.TryGetInt32(out var status) ? status : 1,
            Changed = result is not { } r2 || Get(r2, "changed", JsonValueKind.False) is null,
            Memento = result is { } r3 && r3.TryGetProperty("memento", out var memento) ? JsonValues.FromElement(memento) : null,
            Markers = result is { } r4 && Get(r4, "markers", JsonValueKind.Array) is { } ms
                ? ms.EnumerateArray().Select(JsonValues.FromElement).OfType<FlowMap>().Select(MarkerJson.FromMap).ToList()
                : [],
            Output = output is { } items ? Items(items) : [],
            LogFile = Str(e, "logfile"),
            Session = Str(e, "session"),
            Reason = Str(e, "reason"),
        };
    }

    private static string[] Strings(JsonElement array)
        => array.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray();

    private static IReadOnlyList<(IReadOnlyList<string> Cmd, int Status)> ReadCommands(JsonElement array)
    {
        var list = new List<(IReadOnlyList<string>, int)>(array.GetArrayLength());
        foreach (var c in array.EnumerateArray())
        {
            if (c.ValueKind != JsonValueKind.Object) continue;
            var cmd = Get(c, "cmd", JsonValueKind.Array) is { } a ? Strings(a) : [];
            list.Add((cmd, Get(c, "status", JsonValueKind.Number) is { } st && st.TryGetInt32(out var status) ? status : 0));
        }
        return list;
    }

    private static IReadOnlyList<DataItem> Items(JsonElement array)
    {
        if (array.GetArrayLength() == 0) return [];
        var list = new List<DataItem>(array.GetArrayLength());
        foreach (var x in array.EnumerateArray())
            if (JsonValues.FromElement(x) is FlowMap m && DataItem.FromMap(m) is { } item) list.Add(item);
        return list;
    }
}
