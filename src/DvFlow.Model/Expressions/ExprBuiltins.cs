using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using DvFlow.TaskApi;

namespace DvFlow.Model.Expressions;

/// <summary>A built-in function, callable as <c>name(args)</c> or through a pipe as <c>value | name(args)</c>.</summary>
internal sealed class ExprBuiltin
{
    private readonly Func<object?[], object?> _fn;

    public ExprBuiltin(string name, int minArgs, int maxArgs, Func<object?[], object?> fn)
    {
        Name = name;
        MinArgs = minArgs;
        MaxArgs = maxArgs;
        _fn = fn;
    }

    public string Name { get; }

    public int MinArgs { get; }

    /// <summary>The most arguments accepted; -1 for no limit.</summary>
    public int MaxArgs { get; }

    /// <summary>Checks the argument count; for a pipe the piped value counts as the first argument.</summary>
    public void CheckArity(int count, bool pipe)
    {
        if (count >= MinArgs && (MaxArgs < 0 || count <= MaxArgs))
        {
            return;
        }

        int shift = pipe ? 1 : 0;
        int min = MinArgs - shift;
        int max = MaxArgs < 0 ? -1 : MaxArgs - shift;
        int given = count - shift;
        string expected = max < 0 ? $"at least {Plural(min)}"
            : min == max ? (min == 0 ? "no arguments" : $"exactly {Plural(min)}")
            : $"{min} to {max} arguments";
        string what = pipe ? $"filter '{Name}'" : $"{Name}()";
        throw new ExpressionException($"{what} takes {expected} ({given} given)", -1);
    }

    public object? Invoke(object?[] args) => _fn(args);

    private static string Plural(int n) => n == 1 ? "1 argument" : $"{n} arguments";
}

/// <summary>The built-in functions and pipe filters.</summary>
internal static class ExprBuiltins
{
    private static readonly FrozenDictionary<string, ExprBuiltin> Table = Create().ToFrozenDictionary(b => b.Name, StringComparer.Ordinal);

    /// <summary>The names of all built-in functions and filters.</summary>
    public static IEnumerable<string> Names => Table.Keys;

    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ExprBuiltin? builtin) =>
        Table.TryGetValue(name, out builtin);

    private static IEnumerable<ExprBuiltin> Create()
    {
        // Python-style functions.
        yield return new ExprBuiltin("len", 1, 1, a => (long)Len(a[0], "len"));
        yield return new ExprBuiltin("str", 1, 1, a => FlowValues.ToDisplayString(a[0]));
        yield return new ExprBuiltin("int", 1, 2, a => ToInt(a[0], a.Length > 1 ? a[1] : null, a.Length > 1));
        yield return new ExprBuiltin("bool", 1, 1, a => ToBool(a[0]));
        yield return new ExprBuiltin("float", 1, 1, a => ToFloat(a[0]));
        yield return new ExprBuiltin("min", 1, -1, a => MinMax(a, "min", wantMax: false));
        yield return new ExprBuiltin("max", 1, -1, a => MinMax(a, "max", wantMax: true));
        yield return new ExprBuiltin("range", 1, 3, Range);
        yield return new ExprBuiltin("join", 1, 2, a => Join(a[0], a.Length > 1 ? a[1] : string.Empty));
        yield return new ExprBuiltin("split", 1, 2, a => Split(a[0], a.Length > 1 ? a[1] : null));
        yield return new ExprBuiltin("upper", 1, 1, a => Str(a[0], "upper").ToUpperInvariant());
        yield return new ExprBuiltin("lower", 1, 1, a => Str(a[0], "lower").ToLowerInvariant());
        yield return new ExprBuiltin("contains", 2, 2, a => ExprOperators.Contains(a[0], a[1]));
        yield return new ExprBuiltin("startswith", 2, 2, a => Str(a[0], "startswith").StartsWith(Str(a[1], "startswith"), StringComparison.Ordinal));
        yield return new ExprBuiltin("endswith", 2, 2, a => Str(a[0], "endswith").EndsWith(Str(a[1], "endswith"), StringComparison.Ordinal));

        // jq-style filters (also callable as functions).
        yield return new ExprBuiltin("length", 1, 1, a => FlowValues.Canon(a[0]) is null ? 0L : (long)Len(a[0], "length"));
        yield return new ExprBuiltin("keys", 1, 1, a => Keys(a[0]));
        yield return new ExprBuiltin("values", 1, 1, a => Values(a[0]));
        yield return new ExprBuiltin("sort", 1, 1, a => Sort(List(a[0], "sort")));
        yield return new ExprBuiltin("unique", 1, 1, a => Unique(List(a[0], "unique")));
        yield return new ExprBuiltin("reverse", 1, 1, a => Reverse(a[0]));
        yield return new ExprBuiltin("first", 1, 1, a => List(a[0], "first") is { Count: > 0 } l ? FlowValues.Canon(l[0]) : null);
        yield return new ExprBuiltin("last", 1, 1, a => List(a[0], "last") is { Count: > 0 } l ? FlowValues.Canon(l[^1]) : null);
        yield return new ExprBuiltin("flatten", 1, 2, a => Flatten(a[0], a.Length > 1 ? a[1] : 1L));
        yield return new ExprBuiltin("type", 1, 1, a => JqType(a[0]));
    }

    private static string Str(object? v, string fn) =>
        FlowValues.Canon(v) as string
        ?? throw new ExpressionException($"{fn}() requires a str, not {FlowValues.TypeName(v)}", -1);

    private static IReadOnlyList<object?> List(object? v, string fn) =>
        FlowValues.Canon(v) as IReadOnlyList<object?>
        ?? throw new ExpressionException($"{fn}() requires a list, not {FlowValues.TypeName(v)}", -1);

    private static int Len(object? v, string fn) => FlowValues.Canon(v) switch
    {
        string s => s.Length,
        IReadOnlyList<object?> l => l.Count,
        IReadOnlyDictionary<string, object?> m => m.Count,
        _ => throw new ExpressionException($"{fn}() cannot be applied to {FlowValues.TypeName(v)}", -1),
    };

    private static long ToInt(object? v, object? baseArg, bool hasBase)
    {
        v = FlowValues.Canon(v);
        if (hasBase)
        {
            if (v is not string)
            {
                throw new ExpressionException("int() can't convert non-string with explicit base", -1);
            }

            if (!FlowValues.TryInteger(FlowValues.Canon(baseArg), out long b) || (b != 0 && (b < 2 || b > 36)))
            {
                throw new ExpressionException("int() base must be 0 or an integer from 2 to 36", -1);
            }

            return ParseInt((string)v, (int)b);
        }

        switch (v)
        {
            case long l:
                return l;
            case bool b:
                return b ? 1 : 0;
            case double d:
                if (double.IsNaN(d))
                {
                    throw new ExpressionException("cannot convert float NaN to integer", -1);
                }

                if (double.IsInfinity(d))
                {
                    throw new ExpressionException("cannot convert float infinity to integer", -1);
                }

                double t = Math.Truncate(d);
                if (t >= 9223372036854775808.0 || t < -9223372036854775808.0)
                {
                    throw new ExpressionException("integer overflow converting float to int", -1);
                }

                return (long)t;
            case string s:
                return ParseInt(s, 10);
            default:
                throw new ExpressionException($"int() argument must be a str or a number, not {FlowValues.TypeName(v)}", -1);
        }
    }

    private static long ParseInt(string s, int radix)
    {
        ReadOnlySpan<char> span = s.AsSpan().Trim();
        bool negative = false;
        if (span.Length > 0 && (span[0] == '+' || span[0] == '-'))
        {
            negative = span[0] == '-';
            span = span.Slice(1);
        }

        if (span.Length > 1 && span[0] == '0')
        {
            char p = char.ToLowerInvariant(span[1]);
            int prefixRadix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (prefixRadix != 0 && (radix == 0 || radix == prefixRadix))
            {
                radix = prefixRadix;
                span = span.Slice(2);
            }
        }

        if (radix == 0)
        {
            radix = 10;
        }

        ulong limit = negative ? 9223372036854775808UL : long.MaxValue;
        ulong acc = 0;
        bool any = false;
        foreach (char c in span)
        {
            int d = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'z' ? c - 'a' + 10
                : c >= 'A' && c <= 'Z' ? c - 'A' + 10
                : -1;
            if (c == '_' && any)
            {
                continue;
            }

            if (d < 0 || d >= radix)
            {
                any = false;
                break;
            }

            if (acc > (limit - (ulong)d) / (ulong)radix)
            {
                throw new ExpressionException($"int() value is too large: '{s}'", -1);
            }

            acc = (acc * (ulong)radix) + (ulong)d;
            any = true;
        }

        if (!any)
        {
            throw new ExpressionException($"invalid literal for int() with base {radix}: '{s}'", -1);
        }

        return negative ? (long)(0UL - acc) : (long)acc;
    }

    private static bool ToBool(object? v)
    {
        v = FlowValues.Canon(v);
        if (v is string s)
        {
            ReadOnlySpan<char> t = s.AsSpan().Trim();
            if (t.Equals("false", StringComparison.OrdinalIgnoreCase) || t.SequenceEqual("0") || t.Length == 0)
            {
                return false;
            }

            return true;
        }

        return FlowValues.IsTruthy(v);
    }

    private static double ToFloat(object? v)
    {
        v = FlowValues.Canon(v);
        switch (v)
        {
            case double d:
                return d;
            case long or bool:
                return FlowValues.ToDouble(v);
            case string s:
            {
                string t = s.Trim();
                string body = t.TrimStart('+', '-');
                bool neg = t.StartsWith('-');
                if (t.Length - body.Length <= 1)
                {
                    if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
                    {
                        return neg ? double.NegativeInfinity : double.PositiveInfinity;
                    }

                    if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
                    {
                        return double.NaN;
                    }

                    if (body.Length > 0 && (char.IsAsciiDigit(body[0]) || body[0] == '.')
                        && double.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double r))
                    {
                        return r;
                    }
                }

                throw new ExpressionException($"could not convert string to float: '{s}'", -1);
            }

            default:
                throw new ExpressionException($"float() argument must be a str or a number, not {FlowValues.TypeName(v)}", -1);
        }
    }

    private static object? MinMax(object?[] args, string fn, bool wantMax)
    {
        IReadOnlyList<object?> items;
        if (args.Length == 1)
        {
            object? only = FlowValues.Canon(args[0]);
            items = only switch
            {
                IReadOnlyList<object?> l => l,
                string s => s.Select(c => (object?)c.ToString()).ToArray(),
                IReadOnlyDictionary<string, object?> m => m.Keys.Select(k => (object?)k).ToArray(),
                _ => throw new ExpressionException($"{fn}() with one argument requires a list, not {FlowValues.TypeName(only)}", -1),
            };
        }
        else
        {
            items = args;
        }

        if (items.Count == 0)
        {
            throw new ExpressionException($"{fn}() arg is an empty sequence", -1);
        }

        object? best = FlowValues.Canon(items[0]);
        for (int i = 1; i < items.Count; i++)
        {
            object? x = FlowValues.Canon(items[i]);
            int c = FlowValues.CompareCore(x, best, wantMax ? ">" : "<", 0);
            if (wantMax ? c > 0 : c < 0)
            {
                best = x;
            }
        }

        return best;
    }

    private static object? Range(object?[] args)
    {
        long[] v = new long[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            if (!FlowValues.TryInteger(FlowValues.Canon(args[i]), out v[i]))
            {
                throw new ExpressionException($"range() arguments must be integers, not {FlowValues.TypeName(args[i])}", -1);
            }
        }

        long start = args.Length == 1 ? 0 : v[0];
        long stop = args.Length == 1 ? v[0] : v[1];
        long step = args.Length == 3 ? v[2] : 1;
        if (step == 0)
        {
            throw new ExpressionException("range() step must not be zero", -1);
        }

        // Compute the count in double first to avoid overflow, then exactly.
        double approx = step > 0 ? ((double)stop - start) / step : ((double)start - stop) / -(double)step;
        if (approx > FlowLimits.MaxValueLength)
        {
            ExprOperators.CheckLength((long)Math.Min(approx, long.MaxValue));
        }

        var result = new List<object?>();
        if (step > 0)
        {
            for (long x = start; x < stop; x += step)
            {
                result.Add(x);
                if (x > long.MaxValue - step)
                {
                    break;
                }
            }
        }
        else
        {
            for (long x = start; x > stop; x += step)
            {
                result.Add(x);
                if (x < long.MinValue - step)
                {
                    break;
                }
            }
        }

        return result.ToArray();
    }

    private static string Join(object? list, object? sep)
    {
        var items = List(list, "join");
        if (FlowValues.Canon(sep) is not string separator)
        {
            throw new ExpressionException($"join() separator must be a str, not {FlowValues.TypeName(sep)}", -1);
        }

        var sb = new StringBuilder();
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(separator);
            }

            sb.Append(FlowValues.ToDisplayString(items[i]));
            ExprOperators.CheckLength(sb.Length);
        }

        return sb.ToString();
    }

    private static object?[] Split(object? value, object? sep)
    {
        string s = Str(value, "split");
        sep = FlowValues.Canon(sep);
        if (sep is null)
        {
            return s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(x => (object?)x).ToArray();
        }

        if (sep is not string separator)
        {
            throw new ExpressionException($"split() separator must be a str, not {FlowValues.TypeName(sep)}", -1);
        }

        if (separator.Length == 0)
        {
            throw new ExpressionException("split() separator must not be empty", -1);
        }

        return s.Split(separator).Select(x => (object?)x).ToArray();
    }

    private static object?[] Keys(object? v)
    {
        v = FlowValues.Canon(v);
        switch (v)
        {
            case IReadOnlyDictionary<string, object?> map:
            {
                var keys = map.Keys.ToArray();
                Array.Sort(keys, StringComparer.Ordinal);
                return keys.Select(k => (object?)k).ToArray();
            }

            case IReadOnlyList<object?> list:
            {
                var result = new object?[list.Count];
                for (int i = 0; i < result.Length; i++)
                {
                    result[i] = (long)i;
                }

                return result;
            }

            default:
                throw new ExpressionException($"keys() requires a map or list, not {FlowValues.TypeName(v)}", -1);
        }
    }

    private static object? Values(object? v)
    {
        v = FlowValues.Canon(v);
        return v switch
        {
            IReadOnlyDictionary<string, object?> map => map.Values.ToArray(),
            IReadOnlyList<object?> list => list,
            _ => throw new ExpressionException($"values() requires a map or list, not {FlowValues.TypeName(v)}", -1),
        };
    }

    private static object?[] Sort(IReadOnlyList<object?> list)
    {
        var items = new object?[list.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = FlowValues.Canon(list[i]);
        }

        // Stable merge sort; the comparison may throw for incomparable items.
        var buffer = new object?[items.Length];
        MergeSort(items, buffer, 0, items.Length);
        return items;
    }

    private static void MergeSort(object?[] items, object?[] buffer, int lo, int hi)
    {
        if (hi - lo < 2)
        {
            return;
        }

        int mid = lo + ((hi - lo) / 2);
        MergeSort(items, buffer, lo, mid);
        MergeSort(items, buffer, mid, hi);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi)
        {
            buffer[k++] = FlowValues.CompareCore(items[j], items[i], "<", 0) < 0 ? items[j++] : items[i++];
        }

        while (i < mid)
        {
            buffer[k++] = items[i++];
        }

        while (j < hi)
        {
            buffer[k++] = items[j++];
        }

        Array.Copy(buffer, lo, items, lo, hi - lo);
    }

    private static object?[] Unique(IReadOnlyList<object?> list)
    {
        var result = new List<object?>();
        foreach (object? raw in list)
        {
            object? item = FlowValues.Canon(raw);
            bool seen = false;
            foreach (object? r in result)
            {
                if (FlowValues.ValueEquals(r, item))
                {
                    seen = true;
                    break;
                }
            }

            if (!seen)
            {
                result.Add(item);
            }
        }

        return result.ToArray();
    }

    private static object Reverse(object? v)
    {
        v = FlowValues.Canon(v);
        switch (v)
        {
            case string s:
            {
                char[] chars = s.ToCharArray();
                Array.Reverse(chars);
                return new string(chars);
            }

            case IReadOnlyList<object?> list:
            {
                var result = new object?[list.Count];
                for (int i = 0; i < result.Length; i++)
                {
                    result[i] = list[list.Count - 1 - i];
                }

                return result;
            }

            default:
                throw new ExpressionException($"reverse() requires a list or str, not {FlowValues.TypeName(v)}", -1);
        }
    }

    private static object?[] Flatten(object? v, object? depthArg)
    {
        var list = List(v, "flatten");
        if (!FlowValues.TryInteger(FlowValues.Canon(depthArg), out long depth))
        {
            throw new ExpressionException($"flatten() depth must be an int, not {FlowValues.TypeName(depthArg)}", -1);
        }

        if (depth < 0)
        {
            throw new ExpressionException("flatten() depth must not be negative", -1);
        }

        var result = new List<object?>();
        FlattenInto(result, list, depth, 0);
        return result.ToArray();
    }

    private static void FlattenInto(List<object?> result, IReadOnlyList<object?> list, long depth, int level)
    {
        FlowValues.CheckDepth(level);
        foreach (object? raw in list)
        {
            object? item = FlowValues.Canon(raw);
            if (depth > 0 && item is IReadOnlyList<object?> inner)
            {
                FlattenInto(result, inner, depth - 1, level + 1);
            }
            else
            {
                result.Add(item);
            }

            ExprOperators.CheckLength(result.Count);
        }
    }

    private static string JqType(object? v) => FlowValues.Canon(v) switch
    {
        null => "null",
        bool => "boolean",
        long or double => "number",
        string => "string",
        IReadOnlyList<object?> => "array",
        IReadOnlyDictionary<string, object?> => "object",
        _ => "unknown",
    };
}
