using System.Text.Json;

namespace DvFlow.TaskApi;

/// <summary>
/// Converts mementos between a task's own types and the flow values stored in exec data, with
/// System.Text.Json, so a task may return a typed record and read it back typed on the next run.
/// </summary>
public static class Mementos
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The stored memento as <typeparamref name="T"/>, or null when absent or of another shape.</summary>
    public static T? As<T>(object? memento) where T : class
    {
        if (memento is null) return null;
        if (memento is T typed) return typed;
        try { return JsonSerializer.Deserialize<T>(JsonValues.Serialize(memento), Options); }
        catch (JsonException) { return null; }
        catch (NotSupportedException) { return null; }
    }

    /// <summary>
    /// The flow-value form of a memento returned by a task (maps, lists, strings, numbers, booleans), so
    /// exec data stays plain JSON. Objects of other types are serialised with System.Text.Json.
    /// </summary>
    public static object? ToFlowValue(object? memento)
    {
        if (memento is null or string or bool or long or double or FlowMap) return memento;
        if (memento is IReadOnlyList<object?> l && l.All(x => x is null or string or bool or long or double or FlowMap)) return memento;
        try
        {
            var json = JsonSerializer.Serialize(memento, memento.GetType());
            return JsonValues.TryParse(json, out var v) ? v : null;
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            // A memento that cannot be stored only costs the next run its shortcut.
            return null;
        }
    }
}
