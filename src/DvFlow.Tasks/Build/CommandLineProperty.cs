using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>
/// Properties as the user typed them on the command line (<c>-p:NAME=value</c>). MSBuild hands a task a global
/// property's value after expanding it in a task attribute, which unescapes <c>%xx</c> and expands <c>@(...)</c>; read
/// from the engine's global properties it arrives as typed. DvFlow decodes MSBuild's <c>%xx</c> escapes itself, once,
/// so every route (<c>-p:D_name</c>, <c>DvFlowDefines</c>, <c>DvFlowProduces</c>) reads a value the same way.
/// </summary>
internal static class CommandLineProperty
{
    /// <summary>The value of global property <paramref name="name"/> as given, or null when it is not a global property.</summary>
    public static string? Raw(IBuildEngine engine, string name)
    {
        if (engine is not IBuildEngine6 e6) return null;
        foreach (var (k, v) in e6.GetGlobalProperties())
            if (string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) return v;
        return null;
    }

    /// <summary>Every global property whose name starts with <paramref name="prefix"/> (ignoring case), as given, by name.</summary>
    public static IEnumerable<(string Name, string Value)> WithPrefix(IBuildEngine engine, string prefix)
        => engine is IBuildEngine6 e6
            ? e6.GetGlobalProperties().Where(kv => kv.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && kv.Key.Length > prefix.Length)
                .OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).Select(kv => (kv.Key, kv.Value))
            : [];

    /// <summary>MSBuild's escapes decoded: <c>%</c> and two hex digits is that character (<c>%3B</c> ';', <c>%2C</c> ',', <c>%25</c> '%'); any other '%' stays.</summary>
    public static string Unescape(string text)
    {
        if (!text.Contains('%')) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                sb.Append((char)Convert.ToInt32(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else sb.Append(text[i]);
        }
        return sb.ToString();
    }
}
