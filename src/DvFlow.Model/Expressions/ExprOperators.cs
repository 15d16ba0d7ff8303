using System.Text;
using DvFlow.TaskApi;

namespace DvFlow.Model.Expressions;

/// <summary>Python-like operator semantics on flow values. Errors are raised with offset -1 and placed by the caller.</summary>
internal static class ExprOperators
{
    public static object? Binary(ExprBinaryOp op, object? a, object? b) => op switch
    {
        ExprBinaryOp.Add => Add(a, b),
        ExprBinaryOp.Sub => Subtract(a, b),
        ExprBinaryOp.Mul => Multiply(a, b),
        ExprBinaryOp.Div => Divide(a, b),
        ExprBinaryOp.FloorDiv => FloorDivide(a, b),
        ExprBinaryOp.Mod => Modulo(a, b),
        _ => Power(a, b),
    };

    public static object? Add(object? a, object? b)
    {
        a = FlowValues.Canon(a);
        b = FlowValues.Canon(b);
        if (FlowValues.IsNumber(a) && FlowValues.IsNumber(b))
        {
            if (FlowValues.TryInteger(a, out long x) && FlowValues.TryInteger(b, out long y))
            {
                return AddInt(x, y);
            }

            return FlowValues.ToDouble(a!) + FlowValues.ToDouble(b!);
        }

        if (a is string sa && b is string sb)
        {
            CheckLength((long)sa.Length + sb.Length);
            return string.Concat(sa, sb);
        }

        if (a is IReadOnlyList<object?> la && b is IReadOnlyList<object?> lb)
        {
            CheckLength((long)la.Count + lb.Count);
            var result = new object?[la.Count + lb.Count];
            for (int i = 0; i < la.Count; i++)
            {
                result[i] = la[i];
            }

            for (int i = 0; i < lb.Count; i++)
            {
                result[la.Count + i] = lb[i];
            }

            return result;
        }

        throw new ExpressionException($"cannot add {FlowValues.TypeName(a)} and {FlowValues.TypeName(b)}", -1);
    }

    public static object? Subtract(object? a, object? b)
    {
        a = FlowValues.Canon(a);
        b = FlowValues.Canon(b);
        if (FlowValues.IsNumber(a) && FlowValues.IsNumber(b))
        {
            if (FlowValues.TryInteger(a, out long x) && FlowValues.TryInteger(b, out long y))
            {
                return SubInt(x, y);
            }

            return FlowValues.ToDouble(a!) - FlowValues.ToDouble(b!);
        }

        throw new ExpressionException($"cannot subtract {FlowValues.TypeName(b)} from {FlowValues.TypeName(a)}", -1);
    }

    public static object? Multiply(object? a, object? b)
    {
        a = FlowValues.Canon(a);
        b = FlowValues.Canon(b);
        if (FlowValues.IsNumber(a) && FlowValues.IsNumber(b))
        {
            if (FlowValues.TryInteger(a, out long x) && FlowValues.TryInteger(b, out long y))
            {
                return MulInt(x, y);
            }

            return FlowValues.ToDouble(a!) * FlowValues.ToDouble(b!);
        }

        if (FlowValues.TryInteger(b, out long n1) && a is string or IReadOnlyList<object?>)
        {
            return Repeat(a!, n1);
        }

        if (FlowValues.TryInteger(a, out long n2) && b is string or IReadOnlyList<object?>)
        {
            return Repeat(b!, n2);
        }

        throw new ExpressionException($"cannot multiply {FlowValues.TypeName(a)} by {FlowValues.TypeName(b)}", -1);
    }

    public static object? Divide(object? a, object? b)
    {
        a = FlowValues.Canon(a);
        b = FlowValues.Canon(b);
        if (!FlowValues.IsNumber(a) || !FlowValues.IsNumber(b))
        {
            throw new ExpressionException($"cannot divide {FlowValues.TypeName(a)} by {FlowValues.TypeName(b)}", -1);
        }

        double y = FlowValues.ToDouble(b!);
        if (y == 0.0)
        {
            throw new ExpressionException("division by zero", -1);
        }

        return FlowValues.ToDouble(a!) / y;
    }

    public static object? FloorDivide(object? a, object? b)
    {
        a = FlowValues.Canon(a);
        b = FlowValues.Canon(b);
        if (!FlowValues.IsNumber(a) || !FlowValues.IsNumber(b))
        {
            throw new ExpressionException($"cannot floor-divide {FlowValues.TypeName(a)} by {FlowValues.TypeName(b)}", -1);
        }

        if (FlowValues.TryInteger(a, out long x) && FlowValues.TryInteger(b, out long y))
        {
            if (y == 0)
            {
                throw new ExpressionException("integer division by zero", -1);
            }

            if (x == long.MinValue && y == -1)
            {
                throw new ExpressionException("integer overflow", -1);
            }

            long q = x / y;
            if (x % y != 0 && ((x < 0) != (y < 0)))
            {
                q--;
            }

            return q;
        }

        double vx = FlowValues.ToDouble(a!);
        double wx = FlowValues.ToDouble(b!);
        if (wx == 0.0)
        {
            throw new ExpressionException("float floor division by zero", -1);
        }

        return FloatDivMod(vx, wx).Div;
    }

    public static object? Modulo(object? a, object? b)
    {
        a = FlowValues.Canon(a);
        b = FlowValues.Canon(b);
        if (!FlowValues.IsNumber(a) || !FlowValues.IsNumber(b))
        {
            throw new ExpressionException($"unsupported operand types for %: {FlowValues.TypeName(a)} and {FlowValues.TypeName(b)}", -1);
        }

        if (FlowValues.TryInteger(a, out long x) && FlowValues.TryInteger(b, out long y))
        {
            if (y == 0)
            {
                throw new ExpressionException("integer modulo by zero", -1);
            }

            if (y == -1)
            {
                return 0L;
            }

            long r = x % y;
            if (r != 0 && ((r < 0) != (y < 0)))
            {
                r += y;
            }

            return r;
        }

        double vx = FlowValues.ToDouble(a!);
        double wx = FlowValues.ToDouble(b!);
        if (wx == 0.0)
        {
            throw new ExpressionException("float modulo by zero", -1);
        }

        return FloatDivMod(vx, wx).Mod;
    }

    public static object? Power(object? a, object? b)
    {
        a = FlowValues.Canon(a);
        b = FlowValues.Canon(b);
        if (!FlowValues.IsNumber(a) || !FlowValues.IsNumber(b))
        {
            throw new ExpressionException($"unsupported operand types for **: {FlowValues.TypeName(a)} and {FlowValues.TypeName(b)}", -1);
        }

        if (FlowValues.TryInteger(a, out long x) && FlowValues.TryInteger(b, out long e) && e >= 0)
        {
            long result = 1;
            long bas = x;
            try
            {
                while (e > 0)
                {
                    if ((e & 1) != 0)
                    {
                        result = checked(result * bas);
                    }

                    e >>= 1;
                    if (e > 0)
                    {
                        bas = checked(bas * bas);
                    }
                }
            }
            catch (OverflowException)
            {
                throw new ExpressionException("integer overflow in '**'", -1);
            }

            return result;
        }

        double db = FlowValues.ToDouble(a!);
        double de = FlowValues.ToDouble(b!);
        if (db == 0.0 && de < 0)
        {
            throw new ExpressionException("0 cannot be raised to a negative power", -1);
        }

        if (db < 0 && de != Math.Floor(de) && double.IsFinite(de))
        {
            throw new ExpressionException("a negative number cannot be raised to a fractional power", -1);
        }

        double r = Math.Pow(db, de);
        if (double.IsInfinity(r) && double.IsFinite(db) && double.IsFinite(de))
        {
            throw new ExpressionException("numeric result out of range in '**'", -1);
        }

        return r;
    }

    public static object? Negate(object? v)
    {
        v = FlowValues.Canon(v);
        return v switch
        {
            long l when l == long.MinValue => throw new ExpressionException("integer overflow", -1),
            long l => (object)(-l),
            bool b => b ? -1L : 0L,
            double d => (object)(-d),
            _ => throw new ExpressionException($"bad operand type for unary -: {FlowValues.TypeName(v)}", -1),
        };
    }

    public static object? Plus(object? v)
    {
        v = FlowValues.Canon(v);
        return v switch
        {
            long or double => v,
            bool b => b ? 1L : 0L,
            _ => throw new ExpressionException($"bad operand type for unary +: {FlowValues.TypeName(v)}", -1),
        };
    }

    public static bool Compare(ExprCompareOp op, object? a, object? b)
    {
        switch (op)
        {
            case ExprCompareOp.Eq: return FlowValues.ValueEquals(a, b);
            case ExprCompareOp.Ne: return !FlowValues.ValueEquals(a, b);
            case ExprCompareOp.In: return Contains(b, a);
            case ExprCompareOp.NotIn: return !Contains(b, a);
        }

        a = FlowValues.Canon(a);
        b = FlowValues.Canon(b);
        int c;
        if (FlowValues.IsNumber(a) && FlowValues.IsNumber(b))
        {
            int? r = FlowValues.CompareNumbers(a!, b!);
            if (r is null)
            {
                return false; // NaN is unordered
            }

            c = r.Value;
        }
        else
        {
            c = FlowValues.CompareCore(a, b, Symbol(op), 0);
        }

        return op switch
        {
            ExprCompareOp.Lt => c < 0,
            ExprCompareOp.Le => c <= 0,
            ExprCompareOp.Gt => c > 0,
            _ => c >= 0,
        };
    }

    /// <summary><paramref name="item"/> in <paramref name="container"/>.</summary>
    public static bool Contains(object? container, object? item)
    {
        container = FlowValues.Canon(container);
        item = FlowValues.Canon(item);
        switch (container)
        {
            case string s:
                if (item is not string sub)
                {
                    throw new ExpressionException($"'in <str>' requires str as left operand, not {FlowValues.TypeName(item)}", -1);
                }

                return s.Contains(sub, StringComparison.Ordinal);
            case IReadOnlyList<object?> list:
                foreach (object? x in list)
                {
                    if (FlowValues.ValueEquals(x, item))
                    {
                        return true;
                    }
                }

                return false;
            case IReadOnlyDictionary<string, object?> map:
                return item is string key && map.ContainsKey(key);
            default:
                throw new ExpressionException($"argument of type {FlowValues.TypeName(container)} is not iterable", -1);
        }
    }

    public static object? Member(object? target, string name)
    {
        target = FlowValues.Canon(target);
        if (target is IReadOnlyDictionary<string, object?> map)
        {
            if (map.TryGetValue(name, out object? value))
            {
                return FlowValues.Canon(value);
            }

            throw new ExpressionException($"map has no member '{name}'", -1);
        }

        throw new ExpressionException($"cannot access member '{name}' of {FlowValues.TypeName(target)}", -1);
    }

    /// <summary>
    /// <c>target[index]</c>: list and string positions (negative counts from the end) and map keys
    /// (a missing key gives null, like the reference implementation).
    /// </summary>
    public static object? Index(object? target, object? index)
    {
        target = FlowValues.Canon(target);
        index = FlowValues.Canon(index);
        switch (target)
        {
            case IReadOnlyDictionary<string, object?> map:
                return index is string key && map.TryGetValue(key, out object? value) ? FlowValues.Canon(value) : null;
            case IReadOnlyList<object?> list:
                return FlowValues.Canon(list[Position(index, list.Count, "list")]);
            case string s:
                return s[Position(index, s.Length, "string")].ToString();
            case null:
                throw new ExpressionException("cannot index null", -1);
            default:
                throw new ExpressionException($"{FlowValues.TypeName(target)} is not subscriptable", -1);
        }
    }

    public static object? Slice(object? target, object? start, object? stop, object? step)
    {
        target = FlowValues.Canon(target);
        int length = target switch
        {
            string s => s.Length,
            IReadOnlyList<object?> list => list.Count,
            _ => throw new ExpressionException($"{FlowValues.TypeName(target)} cannot be sliced", -1),
        };

        long st = SliceArg(step, 1);
        if (st == 0)
        {
            throw new ExpressionException("slice step cannot be zero", -1);
        }

        if (st == long.MinValue)
        {
            st = -long.MaxValue;
        }

        long lower = st > 0 ? 0 : -1;
        long upper = st > 0 ? length : length - 1;
        long begin = Adjust(start, st < 0 ? upper : lower, length, lower, upper);
        long end = Adjust(stop, st < 0 ? lower : upper, length, lower, upper);
        long count = st > 0
            ? (begin < end ? ((end - begin - 1) / st) + 1 : 0)
            : (begin > end ? ((begin - end - 1) / -st) + 1 : 0);

        if (target is string str)
        {
            if (st == 1)
            {
                return str.Substring((int)begin, (int)count);
            }

            var sb = new StringBuilder((int)count);
            for (long k = 0; k < count; k++)
            {
                sb.Append(str[(int)(begin + (k * st))]);
            }

            return sb.ToString();
        }

        var source = (IReadOnlyList<object?>)target!;
        var result = new object?[count];
        for (long k = 0; k < count; k++)
        {
            result[k] = source[(int)(begin + (k * st))];
        }

        return result;
    }

    internal static void CheckLength(long length)
    {
        if (length > FlowLimits.MaxValueLength)
        {
            throw new ExpressionException($"result is too large ({length} characters or items; at most {FlowLimits.MaxValueLength} allowed)", -1);
        }
    }

    private static object Repeat(object sequence, long times)
    {
        if (times < 0)
        {
            times = 0;
        }

        if (sequence is string s)
        {
            CheckLength(s.Length == 0 ? 0 : (times > FlowLimits.MaxValueLength ? times : s.Length * times));
            if (s.Length == 0 || times == 0)
            {
                return string.Empty;
            }

            var sb = new StringBuilder(s.Length * (int)times);
            for (long i = 0; i < times; i++)
            {
                sb.Append(s);
            }

            return sb.ToString();
        }

        var list = (IReadOnlyList<object?>)sequence;
        CheckLength(list.Count == 0 ? 0 : (times > FlowLimits.MaxValueLength ? times : list.Count * times));
        var result = new object?[list.Count * (int)times];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = list[i % list.Count];
        }

        return result;
    }

    private static int Position(object? index, int length, string what)
    {
        if (!FlowValues.TryInteger(index, out long i))
        {
            throw new ExpressionException($"{what} indices must be integers, not {FlowValues.TypeName(index)}", -1);
        }

        long p = i < 0 ? i + length : i;
        if (p < 0 || p >= length)
        {
            throw new ExpressionException($"{what} index {i} out of range (length {length})", -1);
        }

        return (int)p;
    }

    private static long SliceArg(object? value, long fallback)
    {
        value = FlowValues.Canon(value);
        if (value is null)
        {
            return fallback;
        }

        if (!FlowValues.TryInteger(value, out long l))
        {
            throw new ExpressionException($"slice indices must be integers or null, not {FlowValues.TypeName(value)}", -1);
        }

        return l;
    }

    private static long Adjust(object? value, long fallback, long length, long lower, long upper)
    {
        if (FlowValues.Canon(value) is null)
        {
            return fallback;
        }

        long v = SliceArg(value, fallback);
        if (v < 0)
        {
            v = v < -length ? lower : v + length;
            return v < lower ? lower : v;
        }

        return v > upper ? upper : v;
    }

    private static (double Div, double Mod) FloatDivMod(double vx, double wx)
    {
        // CPython's float divmod algorithm (float_divmod).
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0.0)
        {
            if ((wx < 0) != (mod < 0))
            {
                mod += wx;
                div -= 1.0;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, wx);
        }

        double floordiv;
        if (div != 0.0)
        {
            floordiv = Math.Floor(div);
            if (div - floordiv > 0.5)
            {
                floordiv += 1.0;
            }
        }
        else
        {
            floordiv = Math.CopySign(0.0, vx / wx);
        }

        return (floordiv, mod);
    }

    private static long AddInt(long x, long y)
    {
        long r = unchecked(x + y);
        return ((x ^ r) & (y ^ r)) < 0 ? throw Overflow() : r;
    }

    private static long SubInt(long x, long y)
    {
        long r = unchecked(x - y);
        return ((x ^ y) & (x ^ r)) < 0 ? throw Overflow() : r;
    }

    private static long MulInt(long x, long y)
    {
        long r = unchecked(x * y);
        long hi = Math.BigMul(x, y, out long lo);
        return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? r : throw Overflow();
    }

    private static ExpressionException Overflow() => new("integer overflow", -1);

    private static string Symbol(ExprCompareOp op) => op switch
    {
        ExprCompareOp.Lt => "<",
        ExprCompareOp.Le => "<=",
        ExprCompareOp.Gt => ">",
        _ => ">=",
    };
}
