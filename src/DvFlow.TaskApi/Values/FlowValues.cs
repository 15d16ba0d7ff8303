using System.Collections;
using System.Globalization;
using System.Text;

namespace DvFlow.TaskApi;

/// <summary>
/// Operations on flow values: null, <see cref="string"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="bool"/>, lists (<see cref="IReadOnlyList{T}"/> of object) and maps
/// (<see cref="IReadOnlyDictionary{TKey, TValue}"/> of string to object), with Python-like semantics.
/// </summary>
public static class FlowValues
{
    /// <summary>How deeply values may nest before they are treated as cyclic (listed with the model's limits in FlowLimits).</summary>
    internal const int MaxValueDepth = 512;

    /// <summary>The longest string or list a value may be built or rendered to, in characters or items (listed in FlowLimits).</summary>
    internal const int MaxValueLength = 10_000_000;

    /// <summary>
    /// Renders a value for string interpolation: strings as they are, everything else as compact JSON
    /// the way Python's <c>json.dumps</c> does (<c>true</c>, <c>null</c>, <c>1.0</c>, <c>["a", "b"]</c>, <c>{"k": 1}</c>).
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The display text.</returns>
    public static string ToDisplayString(object? value)
    {
        value = Canon(value);
        return value switch
        {
            string s => s,
            null => "null",
            bool b => b ? "true" : "false",
            long l => l.ToString(CultureInfo.InvariantCulture),
            double d => FormatJsonDouble(d),
            IReadOnlyList<object?> or IReadOnlyDictionary<string, object?> => ToJson(value),
            _ => value.ToString() ?? string.Empty,
        };
    }

    /// <summary>
    /// Renders a value as compact JSON like Python's <c>json.dumps</c>: <c>", "</c> and <c>": "</c>
    /// separators, non-ASCII characters escaped, floats in shortest round-trip form (<c>1.0</c>, <c>1e+16</c>).
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(object? value)
    {
        var sb = new StringBuilder();
        WriteJson(sb, value, 0);
        return sb.ToString();
    }

    /// <summary>Python truthiness: null, false, 0, 0.0, empty strings, lists and maps are false.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether the value counts as true.</returns>
    public static bool IsTruthy(object? value)
    {
        value = Canon(value);
        return value switch
        {
            null => false,
            bool b => b,
            long l => l != 0,
            double d => d != 0.0,
            string s => s.Length != 0,
            IReadOnlyList<object?> list => list.Count != 0,
            IReadOnlyDictionary<string, object?> map => map.Count != 0,
            _ => true,
        };
    }

    /// <summary>
    /// Python equality: numbers compare by value across int/float/bool, strings ordinally, lists
    /// element-wise and maps by their key/value pairs regardless of order.
    /// </summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns>Whether the values are equal.</returns>
    public static bool ValueEquals(object? a, object? b) => EqualsCore(a, b, 0);

    /// <summary>
    /// Orders two values: numbers by value, strings ordinally, lists lexicographically.
    /// </summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns>Negative, zero or positive as <paramref name="a"/> is less than, equal to or greater than <paramref name="b"/>.</returns>
    /// <exception cref="FlowValueException">The values cannot be ordered (for example a string and a number).</exception>
    public static int Compare(object? a, object? b) => CompareCore(a, b, null, 0);

    /// <summary>
    /// The type name of a value as used in error messages: <c>null</c>, <c>bool</c>, <c>int</c>, <c>float</c>,
    /// <c>str</c>, <c>list</c>, <c>map</c> (or the CLR type name of any other object).
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The type name.</returns>
    public static string TypeName(object? value)
    {
        value = Canon(value);
        return value switch
        {
            null => "null",
            bool => "bool",
            long => "int",
            double => "float",
            string => "str",
            IReadOnlyList<object?> => "list",
            IReadOnlyDictionary<string, object?> => "map",
            _ => value.GetType().Name,
        };
    }

    /// <summary>
    /// Converts a CLR value to a flow value, recursively: other integer types become <see cref="long"/>,
    /// <see cref="float"/> and <see cref="decimal"/> become <see cref="double"/>, sequences become
    /// <c>object?[]</c> lists and dictionaries become <see cref="FlowMap"/>s.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The normalised value.</returns>
    /// <exception cref="FlowValueException">The value nests too deeply (for example it is cyclic).</exception>
    public static object? Normalize(object? value) => NormalizeCore(value, 0);

    /// <summary>Formats a double like Python's <c>repr</c> (shortest round-trip, <c>1.0</c>, <c>1e-05</c>, <c>inf</c>).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        bool negative = double.IsNegative(value);
        if (value == 0.0)
        {
            return negative ? "-0.0" : "0.0";
        }

        string r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int exponent = 0;
        int e = r.IndexOfAny(['E', 'e']);
        string mantissa = r;
        if (e >= 0)
        {
            exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = r.Substring(0, e);
        }

        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        int intLength = dot >= 0 ? dot : mantissa.Length;
        string digits = dot >= 0 ? mantissa.Remove(dot, 1) : mantissa;
        int decpt = intLength + exponent;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
        }

        digits = digits.Substring(lead);
        decpt -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return negative ? "-0.0" : "0.0";
        }

        var sb = new StringBuilder(24);
        if (negative)
        {
            sb.Append('-');
        }

        int n = digits.Length;
        if (decpt > 16 || decpt < -3)
        {
            sb.Append(digits[0]);
            if (n > 1)
            {
                sb.Append('.').Append(digits, 1, n - 1);
            }

            int exp = decpt - 1;
            sb.Append('e').Append(exp < 0 ? '-' : '+');
            int absExp = Math.Abs(exp);
            if (absExp < 10)
            {
                sb.Append('0');
            }

            sb.Append(absExp.ToString(CultureInfo.InvariantCulture));
        }
        else if (decpt <= 0)
        {
            sb.Append("0.").Append('0', -decpt).Append(digits);
        }
        else if (decpt >= n)
        {
            sb.Append(digits).Append('0', decpt - n).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, n - decpt);
        }

        return sb.ToString();
    }

    /// <summary>Shallow conversion of common CLR values to flow values (see <see cref="Normalize"/>).</summary>
    internal static object? Canon(object? value) => value switch
    {
        null or string or long or double or bool => value,
        IReadOnlyList<object?> or IReadOnlyDictionary<string, object?> => value,
        _ => CanonSlow(value),
    };

    internal static bool IsNumber(object? value) => value is long or double or bool;

    internal static bool TryInteger(object? value, out long result)
    {
        switch (value)
        {
            case long l:
                result = l;
                return true;
            case bool b:
                result = b ? 1 : 0;
                return true;
            default:
                result = 0;
                return false;
        }
    }

    internal static double ToDouble(object value) => value switch
    {
        long l => l,
        bool b => b ? 1.0 : 0.0,
        double d => d,
        _ => throw new FlowValueException($"expected a number, not {TypeName(value)}"),
    };

    /// <summary>Exact numeric comparison; null when unordered (NaN). Both values must be numbers.</summary>
    internal static int? CompareNumbers(object a, object b)
    {
        if (TryInteger(a, out long la))
        {
            if (TryInteger(b, out long lb))
            {
                return la.CompareTo(lb);
            }

            return CompareLongDouble(la, (double)b);
        }

        double da = (double)a;
        if (TryInteger(b, out long lb2))
        {
            int? r = CompareLongDouble(lb2, da);
            return r is null ? null : -r.Value;
        }

        double db = (double)b;
        if (double.IsNaN(da) || double.IsNaN(db))
        {
            return null;
        }

        return da.CompareTo(db);
    }

    /// <summary>Orders two values; <paramref name="op"/> names the operator for the error message.</summary>
    internal static int CompareCore(object? a, object? b, string? op, int depth)
    {
        CheckDepth(depth);
        a = Canon(a);
        b = Canon(b);
        if (IsNumber(a) && IsNumber(b))
        {
            int? r = CompareNumbers(a!, b!);
            if (r is not null)
            {
                return r.Value;
            }

            // NaN: order it before every other number so sorting stays total.
            bool nanA = a is double da && double.IsNaN(da);
            bool nanB = b is double db && double.IsNaN(db);
            return nanA == nanB ? 0 : (nanA ? -1 : 1);
        }

        if (a is string sa && b is string sb)
        {
            int c = string.CompareOrdinal(sa, sb);
            return c < 0 ? -1 : (c > 0 ? 1 : 0);
        }

        if (a is IReadOnlyList<object?> la && b is IReadOnlyList<object?> lb)
        {
            int n = Math.Min(la.Count, lb.Count);
            for (int i = 0; i < n; i++)
            {
                object? x = la[i];
                object? y = lb[i];
                if (!EqualsCore(x, y, depth + 1))
                {
                    return CompareCore(x, y, op, depth + 1);
                }
            }

            return la.Count.CompareTo(lb.Count);
        }

        throw new FlowValueException(
            op is null
                ? $"cannot compare {TypeName(a)} and {TypeName(b)}"
                : $"'{op}' is not supported between {TypeName(a)} and {TypeName(b)}");
    }

    internal static void CheckDepth(int depth)
    {
        if (depth > MaxValueDepth)
        {
            throw new FlowValueException($"value is nested more than {MaxValueDepth} levels deep (is it cyclic?)");
        }
    }

    private static int? CompareLongDouble(long l, double d)
    {
        if (double.IsNaN(d))
        {
            return null;
        }

        if (d >= 9223372036854775808.0)
        {
            return -1;
        }

        if (d < -9223372036854775808.0)
        {
            return 1;
        }

        double t = Math.Truncate(d);
        long lt = (long)t;
        if (l != lt)
        {
            return l < lt ? -1 : 1;
        }

        double frac = d - t;
        return frac > 0 ? -1 : (frac < 0 ? 1 : 0);
    }

    private static bool EqualsCore(object? a, object? b, int depth)
    {
        CheckDepth(depth);
        a = Canon(a);
        b = Canon(b);
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (IsNumber(a) && IsNumber(b))
        {
            return CompareNumbers(a, b) == 0;
        }

        if (a is string sa)
        {
            return b is string sb && string.Equals(sa, sb, StringComparison.Ordinal);
        }

        if (a is IReadOnlyList<object?> la)
        {
            if (b is not IReadOnlyList<object?> lb || la.Count != lb.Count)
            {
                return false;
            }

            for (int i = 0; i < la.Count; i++)
            {
                if (!EqualsCore(la[i], lb[i], depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        if (a is IReadOnlyDictionary<string, object?> ma)
        {
            if (b is not IReadOnlyDictionary<string, object?> mb || ma.Count != mb.Count)
            {
                return false;
            }

            foreach (var kv in ma)
            {
                if (!mb.TryGetValue(kv.Key, out var other) || !EqualsCore(kv.Value, other, depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        return a.Equals(b);
    }

    private static object? CanonSlow(object value)
    {
        switch (value)
        {
            case int i: return (long)i;
            case short s: return (long)s;
            case sbyte sb: return (long)sb;
            case byte by: return (long)by;
            case ushort us: return (long)us;
            case uint ui: return (long)ui;
            case ulong ul: return ul <= long.MaxValue ? (long)ul : (double)ul;
            case nint ni: return (long)ni;
            case float f: return (double)f;
            case decimal m: return (double)m;
            case char c: return c.ToString();
            case Enum e: return e.ToString();
            case IDictionary dict:
            {
                var entries = new List<KeyValuePair<string, object?>>(dict.Count);
                foreach (DictionaryEntry entry in dict)
                {
                    string key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                    entries.Add(new KeyValuePair<string, object?>(key, Canon(entry.Value)));
                }

                return new FlowMap(entries);
            }

            case IEnumerable seq:
            {
                var items = new List<object?>();
                foreach (object? item in seq)
                {
                    items.Add(Canon(item));
                }

                return items.ToArray();
            }

            default: return value;
        }
    }

    private static object? NormalizeCore(object? value, int depth)
    {
        CheckDepth(depth);
        value = Canon(value);
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> map:
            {
                var entries = new List<KeyValuePair<string, object?>>(map.Count);
                foreach (var kv in map)
                {
                    entries.Add(new KeyValuePair<string, object?>(kv.Key, NormalizeCore(kv.Value, depth + 1)));
                }

                return new FlowMap(entries);
            }

            case IReadOnlyList<object?> list:
            {
                var items = new object?[list.Count];
                for (int i = 0; i < items.Length; i++)
                {
                    items[i] = NormalizeCore(list[i], depth + 1);
                }

                return items;
            }

            default:
                return value;
        }
    }

    private static string FormatJsonDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        return FormatDouble(d);
    }

    private static void WriteJson(StringBuilder sb, object? value, int depth)
    {
        CheckDepth(depth);
        // A list repeating one large value renders far larger than it is held: stop at the limit, not at out of memory.
        if (sb.Length > MaxValueLength)
            throw new FlowValueException($"result is too large ({sb.Length} characters or items; at most {MaxValueLength} allowed)");
        value = Canon(value);
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(FormatJsonDouble(d));
                break;
            case string s:
                WriteJsonString(sb, s);
                break;
            case IReadOnlyDictionary<string, object?> map:
            {
                sb.Append('{');
                bool first = true;
                foreach (var kv in map)
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    WriteJsonString(sb, kv.Key);
                    sb.Append(": ");
                    WriteJson(sb, kv.Value, depth + 1);
                }

                sb.Append('}');
                break;
            }

            case IReadOnlyList<object?> list:
            {
                sb.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    WriteJson(sb, list[i], depth + 1);
                }

                sb.Append(']');
                break;
            }

            default:
                WriteJsonString(sb, value.ToString() ?? string.Empty);
                break;
        }
    }

    private static void WriteJsonString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
