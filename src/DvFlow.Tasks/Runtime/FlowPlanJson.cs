using System.Text;
using System.Text.Json;
using DvFlow.Model.Expressions;
using DvFlow.Model.Values;

namespace DvFlow.Tasks.Runtime;

/// <summary>Writes and reads the plan file (obj/dvflow/&lt;key&gt;/plan.json).</summary>
public static class FlowPlanJson
{
    /// <summary>Serialises a plan.</summary>
    public static string Write(FlowPlan plan)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("rootPackage", plan.RootPackage);
            w.WriteString("runRoot", plan.RunRoot);
            w.WriteString("projectDir", plan.ProjectDir);
            w.WriteStartArray("nodes");
            foreach (var n in plan.Nodes)
            {
                w.WriteStartObject();
                w.WriteString("name", n.Name);
                w.WriteString("target", n.Target);
                w.WriteString("package", n.Package);
                w.WriteString("kind", n.Kind);
                Opt(w, "shell", n.Shell);
                Opt(w, "run", n.Run);
                Opt(w, "dataType", n.DataType);
                w.WritePropertyName("params"); JsonValues.Write(w, n.Params);
                w.WritePropertyName("paramTypes"); JsonValues.Write(w, n.ParamTypes);
                w.WritePropertyName("needs"); JsonValues.Write(w, n.Needs);
                w.WritePropertyName("consumes"); JsonValues.Write(w, n.Consumes);
                w.WritePropertyName("passthrough"); JsonValues.Write(w, n.Passthrough);
                w.WritePropertyName("produces"); JsonValues.Write(w, n.Produces);
                w.WriteString("rundir", n.RunDir);
                w.WriteString("srcdir", n.SrcDir);
                w.WriteBoolean("enabled", n.Enabled);
                w.WriteString("uptodate", n.Uptodate);
                Opt(w, "parent", n.Parent);
                Opt(w, "location", n.Location);
                Opt(w, "run_location", n.RunLocation);
                Opt(w, "desc", n.Desc);
                w.WriteBoolean("heavy", n.Heavy);
                w.WriteBoolean("shared", n.Shared);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void Opt(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    /// <summary>Reads a plan file; throws <see cref="InvalidDataException"/> when it is not a plan.</summary>
    public static FlowPlan Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            var nodes = new List<NodeSpec>();
            foreach (var e in root.GetProperty("nodes").EnumerateArray())
            {
                nodes.Add(new NodeSpec
                {
                    Name = e.GetProperty("name").GetString()!,
                    Target = e.GetProperty("target").GetString()!,
                    Package = e.GetProperty("package").GetString()!,
                    Kind = e.GetProperty("kind").GetString()!,
                    Shell = Str(e, "shell"),
                    Run = Str(e, "run"),
                    DataType = Str(e, "dataType"),
                    Params = JsonValues.FromElement(e.GetProperty("params")) as FlowMap ?? FlowMap.Empty,
                    ParamTypes = JsonValues.FromElement(e.GetProperty("paramTypes")) as FlowMap ?? FlowMap.Empty,
                    Needs = e.GetProperty("needs").EnumerateArray().Select(x => x.GetString()!).ToList(),
                    Consumes = JsonValues.FromElement(e.GetProperty("consumes"))!,
                    Passthrough = JsonValues.FromElement(e.GetProperty("passthrough"))!,
                    Produces = JsonValues.FromElement(e.GetProperty("produces")) as IReadOnlyList<object?>,
                    RunDir = e.GetProperty("rundir").GetString()!,
                    SrcDir = e.GetProperty("srcdir").GetString()!,
                    Enabled = e.GetProperty("enabled").GetBoolean(),
                    Uptodate = e.GetProperty("uptodate").GetString()!,
                    Parent = Str(e, "parent"),
                    Location = Str(e, "location"),
                    RunLocation = Str(e, "run_location"),
                    Desc = Str(e, "desc"),
                    Heavy = e.GetProperty("heavy").GetBoolean(),
                    Shared = e.GetProperty("shared").GetBoolean(),
                });
            }
            return new FlowPlan(root.GetProperty("rootPackage").GetString()!, root.GetProperty("runRoot").GetString()!,
                root.GetProperty("projectDir").GetString()!, nodes);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"'{path}' is not a valid DvFlow plan file: {ex.Message}", ex);
        }
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
