using System.Globalization;
using DvFlow.TaskApi;

namespace DvFlow.Model.Values;

/// <summary>
/// The parameter types of the language (<c>str</c>, <c>int</c>, <c>bool</c>, <c>list</c>, <c>map</c>, and <c>float</c>)
/// and the conversions between values and them. Values are plain CLR objects: string, long, double,
/// bool, <see cref="IReadOnlyList{T}"/> and <see cref="IReadOnlyDictionary{TKey, TValue}"/>.
/// </summary>
public static class ParamTypes
{
    /// <summary>The type names a flow may declare.</summary>
    public static readonly IReadOnlyList<string> Names = ["str", "int", "bool", "list", "map", "float"];

    /// <summary>True for a declarable type name.</summary>
    public static bool IsKnown(string type) => Canonical(type) is not null;

    /// <summary>The canonical name of a type, accepting common spellings (string, integer, dict).</summary>
    public static string? Canonical(string type) => type switch
    {
        "str" or "string" => "str",
        "int" or "integer" => "int",
        "bool" or "boolean" => "bool",
        "list" or "array" => "list",
        "map" or "dict" or "object" => "map",
        "float" or "double" => "float",
        _ => null,
    };

    /// <summary>The type a value has when none is declared.</summary>
    public static string Infer(object? value) => value switch
    {
        bool => "bool",
        long or int => "int",
        double => "float",
        IReadOnlyList<object?> => "list",
        IReadOnlyDictionary<string, object?> => "map",
        _ => "str",
    };

    /// <summary>The value a parameter of <paramref name="type"/> has when no value is given.</summary>
    public static object? DefaultOf(string? type) => Canonical(type ?? "str") switch
    {
        "int" => 0L,
        "bool" => false,
        "float" => 0.0,
        "list" => Array.Empty<object?>(),
        "map" => EmptyMap,
        _ => "",
    };

    /// <summary>An empty map value.</summary>
    public static readonly IReadOnlyDictionary<string, object?> EmptyMap = new Dictionary<string, object?>();

    /// <summary>
    /// Converts <paramref name="value"/> to <paramref name="type"/> the way dfm does when a value comes
    /// from YAML or the command line: strings parse into numbers and booleans, a scalar becomes a
    /// one-element list, a JSON-looking string becomes a list or map. Returns false with a reason when it cannot.
    /// </summary>
    public static bool TryCoerce(object? value, string type, out object? result, out string error)
    {
        error = "";
        result = value;
        var canonical = Canonical(type) ?? "str";
        switch (canonical)
        {
            case "str":
                result = value switch
                {
                    null => "",
                    string s => s,
                    bool b => b ? "true" : "false",
                    long l => l.ToString(CultureInfo.InvariantCulture),
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    _ => null,
                };
                if (result is null) { error = $"expected a string, found {Describe(value)}"; return false; }
                return true;
            case "int":
                switch (value)
                {
                    case long: return true;
                    case bool b: result = b ? 1L : 0L; return true;
                    case double d when Math.Floor(d) == d && Math.Abs(d) < 9.2e18: result = (long)d; return true;
                    case string s when TryParseInt(s, out var l): result = l; return true;
                }
                error = $"expected an integer, found {Describe(value)}";
                return false;
            case "float":
                switch (value)
                {
                    case double: return true;
                    case long l: result = (double)l; return true;
                    case string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d): result = d; return true;
                }
                error = $"expected a number, found {Describe(value)}";
                return false;
            case "bool":
                switch (value)
                {
                    case bool: return true;
                    case long l: result = l != 0; return true;
                    case string s:
                        switch (s.Trim().ToLowerInvariant())
                        {
                            case "true" or "yes" or "y" or "on" or "1": result = true; return true;
                            case "false" or "no" or "n" or "off" or "0" or "": result = false; return true;
                        }
                        break;
                }
                error = $"expected true or false, found {Describe(value)}";
                return false;
            case "list":
                switch (value)
                {
                    case null: result = Array.Empty<object?>(); return true;
                    case IReadOnlyList<object?>: return true;
                    case IReadOnlyDictionary<string, object?>:
                        error = $"expected a list, found {Describe(value)}";
                        return false;
                    case string s when s.TrimStart().StartsWith('[') && JsonValues.TryParse(s, out var parsed) && parsed is IReadOnlyList<object?>:
                        result = parsed; return true;
                    default:
                        result = new object?[] { value }; return true;
                }
            case "map":
                switch (value)
                {
                    case null: result = EmptyMap; return true;
                    case IReadOnlyDictionary<string, object?>: return true;
                    case string s when s.TrimStart().StartsWith('{') && JsonValues.TryParse(s, out var parsed) && parsed is IReadOnlyDictionary<string, object?>:
                        result = parsed; return true;
                }
                error = $"expected a map, found {Describe(value)}";
                return false;
        }
        return true;
    }

    private static bool TryParseInt(string s, out long value)
    {
        s = s.Trim();
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return long.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Describes a value for an error message: its type and, for scalars, the value.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "nothing",
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        long or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        IReadOnlyList<object?> => "a list",
        IReadOnlyDictionary<string, object?> => "a map",
        _ => value.GetType().Name,
    };
}
