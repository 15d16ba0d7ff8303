using System.Text.Json;

namespace DvFlow.Tasks.Runtime;

/// <summary>Fields of the SDK's own JSON files (the plan, exec data), read one by one rather than through a map of the whole object.</summary>
internal static class JsonFields
{
    /// <summary>The field, unless it is missing or null.</summary>
    public static JsonElement? Get(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    /// <summary>The field when it is of <paramref name="kind"/>.</summary>
    public static JsonElement? Get(JsonElement e, string name, JsonValueKind kind) => e.TryGetProperty(name, out var v) && v.ValueKind == kind ? v : null;

    /// <summary>The field when it is a string.</summary>
    public static string? Str(JsonElement e, string name) => Get(e, name, JsonValueKind.String)?.GetString();
}
