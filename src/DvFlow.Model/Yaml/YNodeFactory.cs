using System.Globalization;
using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Yaml;

/// <summary>
/// Builds YAML nodes from flow values, so that values computed in code (a generator's task parameters)
/// go through the same typing, list operations and checks as values written in a flow file.
/// </summary>
public static class YNodeFactory
{
    /// <summary>The node for <paramref name="value"/> (string, integer, floating point, bool, null, lists, maps), located at <paramref name="at"/>.</summary>
    public static YNode FromValue(object? value, SourceLocation at) => value switch
    {
        null => new YScalar("null", isPlain: true, at),
        string s => new YScalar(s, isPlain: false, at),
        bool b => new YScalar(b ? "true" : "false", isPlain: true, at),
        long or int or short or byte or sbyte or ushort or uint => new YScalar(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), isPlain: true, at),
        double or float or decimal => new YScalar(FloatText(Convert.ToDouble(value, CultureInfo.InvariantCulture)), isPlain: true, at),
        IReadOnlyDictionary<string, object?> map => new YMapping(map.Select(kv => new YEntry(new YScalar(kv.Key, isPlain: false, at), FromValue(kv.Value, at))).ToList(), at),
        IEnumerable<object?> list => new YSequence(list.Select(v => FromValue(v, at)).ToList(), at),
        _ => new YScalar(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", isPlain: false, at),
    };

    // YAML 1.1 spellings, and a fraction so that a whole number stays a float.
    private static string FloatText(double d)
    {
        if (double.IsNaN(d)) return ".nan";
        if (double.IsInfinity(d)) return d > 0 ? ".inf" : "-.inf";
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }
}
