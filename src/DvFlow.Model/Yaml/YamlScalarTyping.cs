using System.Globalization;

namespace DvFlow.Model.Yaml;

/// <summary>
/// Types plain YAML scalars with PyYAML's (YAML 1.1) resolver rules: flows written for the Python
/// dfm tool see <c>yes</c>, <c>on</c> and <c>0x10</c> exactly as dfm does.
/// </summary>
public static class YamlScalarTyping
{
    /// <summary>Returns null, bool, long, double or the text itself.</summary>
    public static object? Resolve(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON":
                return true;
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF":
                return false;
        }
        var c = text[0];
        if (!(char.IsAsciiDigit(c) || c is '-' or '+' or '.')) return text;
        return TryInteger(text, out var l) ? l : TryFloat(text, out var d) ? d : text;
    }

    private static bool TryInteger(string text, out long value)
    {
        value = 0;
        var s = text.Replace("_", "", StringComparison.Ordinal);
        var neg = false;
        if (s.Length > 0 && s[0] is '-' or '+') { neg = s[0] == '-'; s = s[1..]; }
        if (s.Length == 0) return false;
        bool ok;
        if (s.StartsWith("0x", StringComparison.Ordinal))
            ok = long.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && value >= 0;
        else if (s.StartsWith("0o", StringComparison.Ordinal))
            ok = TryBase(s[2..], 8, out value);
        else if (s.StartsWith("0b", StringComparison.Ordinal))
            ok = TryBase(s[2..], 2, out value);
        else if (s.Length > 1 && s[0] == '0')
            ok = TryBase(s[1..], 8, out value); // YAML 1.1 octal
        else
            ok = s.All(char.IsAsciiDigit) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (ok && neg) value = -value;
        return ok;
    }

    private static bool TryBase(string digits, int radix, out long value)
    {
        value = 0;
        if (digits.Length == 0) return false;
        foreach (var ch in digits)
        {
            var d = ch - '0';
            if (d < 0 || d >= radix) return false;
            // Too large for a 64-bit integer: keep it as text rather than fail.
            if (value > (long.MaxValue - d) / radix) return false;
            value = value * radix + d;
        }
        return true;
    }

    private static bool TryFloat(string text, out double value)
    {
        value = 0;
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF": value = double.PositiveInfinity; return true;
            case "-.inf" or "-.Inf" or "-.INF": value = double.NegativeInfinity; return true;
            case ".nan" or ".NaN" or ".NAN": value = double.NaN; return true;
        }
        // PyYAML requires a dot in a float ("1e3" stays a string).
        if (!text.Contains('.')) return false;
        foreach (var ch in text)
            if (!(char.IsAsciiDigit(ch) || ch is '.' or '-' or '+' or 'e' or 'E' or '_')) return false;
        return double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
