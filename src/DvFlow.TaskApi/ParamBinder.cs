using System.Collections;
using System.Globalization;
using System.Reflection;

namespace DvFlow.TaskApi;

/// <summary>
/// Fills a class task's parameter object from the flow's parameter values: properties match parameter
/// names case-insensitively with underscores ignored (<c>top_module</c> binds <c>TopModule</c>).
/// </summary>
public static class ParamBinder
{
    /// <summary>A new <typeparamref name="T"/> with every matching property set.</summary>
    /// <exception cref="InvalidCastException">A value cannot be converted to its property's type (the message names both).</exception>
    public static T Bind<T>(FlowMap values) where T : class, new()
    {
        var target = new T();
        var props = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
            .GroupBy(p => Key(p.Name)).ToDictionary(g => g.Key, g => g.First());
        foreach (var (name, value) in values)
        {
            if (!props.TryGetValue(Key(name), out var prop)) continue;
            try { prop.SetValue(target, Convert(value, prop.PropertyType)); }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException)
            {
                throw new InvalidCastException($"parameter '{name}' = {FlowValues.ToJson(value)} cannot be converted to {prop.PropertyType.Name} ({typeof(T).Name}.{prop.Name}): {ex.Message}", ex);
            }
        }
        return target;
    }

    private static string Key(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>Converts a flow value (string, bool, long, double, list, map, null) to <paramref name="type"/>.</summary>
    public static object? Convert(object? value, Type type)
    {
        var inner = Nullable.GetUnderlyingType(type);
        if (value is null) return type.IsValueType && inner is null ? Activator.CreateInstance(type) : null;
        type = inner ?? type;
        if (type == typeof(object) || type.IsInstanceOfType(value) && value is not IReadOnlyList<object?>) return value;
        if (type == typeof(string)) return FlowValues.ToDisplayString(value);
        if (type == typeof(bool)) return value is string s ? bool.Parse(s) : FlowValues.IsTruthy(value);
        if (type.IsEnum) return Enum.Parse(type, FlowValues.ToDisplayString(value), ignoreCase: true);
        if (type.IsPrimitive || type == typeof(decimal))
            return System.Convert.ChangeType(value is string str ? str.Trim() : value, type, CultureInfo.InvariantCulture);
        if (value is IReadOnlyDictionary<string, object?> map && type.IsAssignableFrom(typeof(Dictionary<string, string>)))
            return map.ToDictionary(kv => kv.Key, kv => FlowValues.ToDisplayString(kv.Value));
        var element = ElementType(type);
        if (element is not null)
        {
            IEnumerable<object?> items = value is IReadOnlyList<object?> l ? l : [value];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            foreach (var x in items) list.Add(Convert(x, element));
            if (!type.IsArray) return list;
            var array = Array.CreateInstance(element, list.Count);
            list.CopyTo(array, 0);
            return array;
        }
        throw new InvalidCastException($"no conversion from {value.GetType().Name}");
    }

    // Arrays and the list interfaces a List<T> satisfies.
    private static Type? ElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType) return null;
        var def = type.GetGenericTypeDefinition();
        return def == typeof(List<>) || def == typeof(IList<>) || def == typeof(IReadOnlyList<>) || def == typeof(IEnumerable<>) || def == typeof(ICollection<>) || def == typeof(IReadOnlyCollection<>)
            ? type.GetGenericArguments()[0] : null;
    }
}
