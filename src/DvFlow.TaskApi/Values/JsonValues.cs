using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DvFlow.TaskApi;

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
        JsonValueKind.Array => ArrayFrom(e),
        JsonValueKind.Object => MapFrom(e),
        _ => null,
    };

    // Sized from the element: plans and exec data hold thousands of small lists and maps.
    private static object?[] ArrayFrom(JsonElement e)
    {
        var items = new object?[e.GetArrayLength()];
        var i = 0;
        foreach (var x in e.EnumerateArray()) items[i++] = FromElement(x);
        return items;
    }

    private static FlowMap MapFrom(JsonElement e)
    {
        var entries = new KeyValuePair<string, object?>[e.GetPropertyCount()];
        if (entries.Length == 0) return FlowMap.Empty;
        var i = 0;
        foreach (var p in e.EnumerateObject()) entries[i++] = new KeyValuePair<string, object?>(p.Name, FromElement(p.Value));
        return new FlowMap(entries);
    }

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
