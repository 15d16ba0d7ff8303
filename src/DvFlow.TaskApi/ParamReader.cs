
namespace DvFlow.TaskApi;

/// <summary>Reads parameter values as the simple .NET types task code wants.</summary>
internal static class ParamReader
{
    public static string Str(FlowMap p, string name) => p.TryGetValue(name, out var v) && v is not null ? FlowValues.ToDisplayString(v) : "";

    public static long Int(FlowMap p, string name) => p.TryGetValue(name, out var v) ? v switch
    {
        long l => l,
        double d => (long)d,
        bool b => b ? 1 : 0,
        string s when long.TryParse(s.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var l) => l,
        _ => 0,
    } : 0;

    public static bool Bool(FlowMap p, string name) => p.TryGetValue(name, out var v) && FlowValues.IsTruthy(v);

    public static IReadOnlyList<string> List(FlowMap p, string name) => p.TryGetValue(name, out var v) switch
    {
        true when v is IReadOnlyList<object?> l => l.Select(x => FlowValues.ToDisplayString(x)).ToList(),
        true when v is string s && s.Length > 0 => [s],
        _ => [],
    };

    public static IReadOnlyDictionary<string, object?> Map(FlowMap p, string name) => p.TryGetValue(name, out var v) && v is IReadOnlyDictionary<string, object?> m ? m : FlowMap.Empty;
}
