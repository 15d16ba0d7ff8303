using System.Globalization;
using DvFlow.Model.Expressions;
using System.Text;
using System.Text.Json;

namespace DvFlow.Model.Values;

/// <summary>Converts between flow values (string, long, double, bool, lists, maps) and JSON.</summary>
public static class JsonValues
{
    /// <summary>Parses JSON text into flow values; false when the text is not valid JSON.</summary>
    public static bool TryParse(string json, out object? value)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            value = FromElement(doc.RootElement);
            return true;
        }
        catch (JsonException)
        {
            value = null;
            return false;
        }
    }

    /// <summary>Converts a JSON element into flow values.</summary>
    public static object? FromElement(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(FromElement).ToArray(),
        JsonValueKind.Object => new FlowMap(e.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, FromElement(p.Value)))),
        _ => null,
    };

    /// <summary>Writes a flow value as JSON.</summary>
    public static void Write(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case int i: w.WriteNumberValue(i); break;
            case double d when double.IsFinite(d): w.WriteNumberValue(d); break;
            case double d: w.WriteStringValue(d.ToString(CultureInfo.InvariantCulture)); break;
            case IReadOnlyDictionary<string, object?> map:
                w.WriteStartObject();
                foreach (var kv in map) { w.WritePropertyName(kv.Key); Write(w, kv.Value); }
                w.WriteEndObject();
                break;
            case IEnumerable<object?> list:
                w.WriteStartArray();
                foreach (var item in list) Write(w, item);
                w.WriteEndArray();
                break;
            default: w.WriteStringValue(value.ToString()); break;
        }
    }

    /// <summary>Serialises a flow value to compact JSON.</summary>
    public static string Serialize(object? value, bool indented = false)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(w, value);
        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
