using System.Text;
using System.Text.Json;
using DvFlow.Model.Definitions;
using DvFlow.Model.Expressions;
using DvFlow.Model.Graph;
using DvFlow.Model.Values;
using static DvFlow.Tasks.Runtime.JsonFields;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime;

/// <summary>
/// Writes and reads the plan file (obj/dvflow/plan.jsonl): JSON Lines, a header object
/// (<c>rootPackage</c>, <c>runRoot</c>, <c>projectDir</c>) then one object per node, dependencies first.
/// </summary>
/// <remarks>
/// Every flow build reads the whole plan, so it is laid out to read cheaply: one line per node keeps every buffer
/// small (one large document would land on the large object heap and start a full garbage collection in the
/// middle of a no-op build), fields at their default value are left out, and values repeated from node to node
/// (package, source directory, description) are read into one shared string.
/// </remarks>
public static class FlowPlanJson
{
    /// <summary>The plan file's name in the intermediate directory.</summary>
    public const string FileName = "plan.jsonl";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serialises a plan.</summary>
    public static string Write(FlowPlan plan)
    {
        var sb = new StringBuilder(plan.Nodes.Count * 400 + 256);
        sb.Append(Line(w =>
        {
            w.WriteString("rootPackage", plan.RootPackage);
            w.WriteString("runRoot", plan.RunRoot);
            w.WriteString("projectDir", plan.ProjectDir);
            w.WriteString("flowFile", plan.FlowFile);
        })).Append('\n');
        foreach (var n in plan.Nodes)
            sb.Append(Line(w => WriteNode(w, n))).Append('\n');
        return sb.ToString();
    }

    private static string Line(Action<Utf8JsonWriter> body)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, WriterOptions))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length);
    }

    private static void WriteNode(Utf8JsonWriter w, NodeSpec n)
    {
        w.WriteString("name", n.Name);
        w.WriteString("target", n.Target);
        w.WriteString("package", n.Package);
        w.WriteString("kind", KindNames[(int)n.Kind]);
        Opt(w, "shell", n.Shell);
        Opt(w, "run", n.Run);
        Opt(w, "dataType", n.DataType);
        if (n.Params.Count > 0) { w.WritePropertyName("params"); JsonValues.Write(w, n.Params); }
        if (n.Needs.Count > 0) { w.WritePropertyName("needs"); JsonValues.Write(w, n.Needs); }
        if (n.Consumes.Kind != DataFilterKind.All) { w.WritePropertyName("consumes"); JsonValues.Write(w, n.Consumes.ToValue()); }
        if (n.Passthrough.Kind != DataFilterKind.Unused) { w.WritePropertyName("passthrough"); JsonValues.Write(w, n.Passthrough.ToValue()); }
        if (n.Produces is not null) { w.WritePropertyName("produces"); JsonValues.Write(w, n.Produces); }
        w.WriteString("rundir", n.RunDir);
        w.WriteString("srcdir", n.SrcDir);
        if (!n.Enabled) w.WriteBoolean("enabled", false);
        if (n.Uptodate != "default") w.WriteString("uptodate", n.Uptodate);
        Opt(w, "parent", n.Parent);
        Opt(w, "location", n.Location?.ToString());
        Opt(w, "run_location", n.RunLocation);
        Opt(w, "desc", n.Desc);
        if (n.Heavy) w.WriteBoolean("heavy", true);
        if (n.Shared) w.WriteBoolean("shared", true);
        if (n.IsTest) w.WriteBoolean("test", true);
        if (n.Matrix is { Count: > 0 }) { w.WritePropertyName("matrix"); JsonValues.Write(w, n.Matrix); }
    }

    private static void Opt(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    /// <summary>Reads a plan file; throws <see cref="InvalidDataException"/> when it is not a plan.</summary>
    public static FlowPlan Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 16384);
        var lineNo = 0;
        try
        {
            lineNo = 1;
            var header = reader.ReadLine() ?? throw new InvalidDataException("the file is empty");
            string rootPackage, runRoot, projectDir, flowFile;
            using (var doc = JsonDocument.Parse(header))
            {
                rootPackage = doc.RootElement.GetProperty("rootPackage").GetString()!;
                runRoot = doc.RootElement.GetProperty("runRoot").GetString()!;
                projectDir = doc.RootElement.GetProperty("projectDir").GetString()!;
                flowFile = Str(doc.RootElement, "flowFile") ?? "";
            }
            var shared = new SharedStrings();
            var nodes = new List<NodeSpec>();
            while (reader.ReadLine() is { } line)
            {
                lineNo++;
                if (line.Length == 0) continue;
                using var doc = JsonDocument.Parse(line);
                nodes.Add(ReadNode(doc.RootElement, shared));
            }
            return new FlowPlan(rootPackage, runRoot, projectDir, nodes, flowFile);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException)
        {
            throw new InvalidDataException($"'{path}' is not a valid DvFlow plan file (line {lineNo}): {ex.Message}", ex);
        }
    }

    private static NodeSpec ReadNode(JsonElement e, SharedStrings shared) => new()
    {
        Name = e.GetProperty("name").GetString()!,
        Target = e.GetProperty("target").GetString()!,
        Package = shared.Get(e, "package")!,
        Kind = Enum.TryParse<TaskNodeKind>(shared.Get(e, "kind"), out var kind) ? kind : throw new InvalidDataException($"unknown node kind '{shared.Get(e, "kind")}'"),
        Shell = shared.Get(e, "shell"),
        Run = shared.Get(e, "run"),
        DataType = shared.Get(e, "dataType"),
        Params = Get(e, "params") is { } ps ? JsonValues.FromElement(ps) as FlowMap ?? FlowMap.Empty : FlowMap.Empty,
        Needs = Get(e, "needs") is { } needs ? Strings(needs) : [],
        Consumes = Get(e, "consumes") is { } c ? Filter(JsonValues.FromElement(c)) : DataFilterSpec.All,
        Passthrough = Get(e, "passthrough") is { } p ? Filter(JsonValues.FromElement(p)) : DataFilterSpec.Unused,
        Produces = Get(e, "produces") is { } pr ? JsonValues.FromElement(pr) as IReadOnlyList<object?> : null,
        RunDir = e.GetProperty("rundir").GetString()!,
        SrcDir = shared.Get(e, "srcdir")!,
        Enabled = Get(e, "enabled")?.GetBoolean() ?? true,
        Uptodate = shared.Get(e, "uptodate") ?? "default",
        Parent = shared.Get(e, "parent"),
        Location = Model.Diagnostics.SourceLocation.Parse(Str(e, "location")),
        RunLocation = shared.Get(e, "run_location"),
        Desc = shared.Get(e, "desc"),
        Heavy = Get(e, "heavy")?.GetBoolean() ?? false,
        Shared = Get(e, "shared")?.GetBoolean() ?? false,
        IsTest = Get(e, "test")?.GetBoolean() ?? false,
        Matrix = Get(e, "matrix") is { } mx ? JsonValues.FromElement(mx) as FlowMap : null,
    };

    private static string[] Strings(JsonElement array)
    {
        var items = new string[array.GetArrayLength()];
        var i = 0;
        foreach (var x in array.EnumerateArray()) items[i++] = x.GetString()!;
        return items;
    }

    /// <summary>The last string read for each field, handed out again while the next node has the same value.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, string> _last = new(StringComparer.Ordinal);

        public string? Get(JsonElement e, string name)
        {
            if (JsonFields.Get(e, name, JsonValueKind.String) is not { } v) return null;
            if (_last.TryGetValue(name, out var last) && v.ValueEquals(last)) return last;
            var s = v.GetString()!;
            _last[name] = s;
            return s;
        }
    }

    /// <summary>A consumes/passthrough setting from its plan form: a keyword or a list of pattern maps.</summary>
    private static DataFilterSpec Filter(object? value) => value switch
    {
        "all" => DataFilterSpec.All,
        "none" => DataFilterSpec.None,
        "unused" => DataFilterSpec.Unused,
        IReadOnlyList<object?> list => new DataFilterSpec(DataFilterKind.Patterns, list.OfType<FlowMap>().ToList()),
        _ => throw new InvalidDataException($"a consumes/passthrough value that is neither a keyword nor a list of patterns: {value}"),
    };

    private static readonly string[] KindNames = Enum.GetNames<TaskNodeKind>();
}
