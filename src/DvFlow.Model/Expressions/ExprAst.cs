using DvFlow.TaskApi;

namespace DvFlow.Model.Expressions;

/// <summary>Unary operators.</summary>
internal enum ExprUnaryOp
{
    Neg,
    Pos,
    Not,
}

/// <summary>Arithmetic binary operators.</summary>
internal enum ExprBinaryOp
{
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
}

/// <summary>Comparison operators (chainable).</summary>
internal enum ExprCompareOp
{
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
}

/// <summary>An immutable expression tree node.</summary>
internal abstract class ExprNode
{
    protected ExprNode(int offset, int depth)
    {
        Offset = offset;
        Depth = depth;
        if (depth > FlowLimits.MaxExpressionDepth)
        {
            throw new ExpressionException($"expression is too complex (more than {FlowLimits.MaxExpressionDepth} levels of operations)", offset);
        }
    }

    /// <summary>Offset of this node (its operator or first character) in the template text.</summary>
    public int Offset { get; }

    /// <summary>The height of the tree below and including this node.</summary>
    public int Depth { get; }

    /// <summary>Evaluates the node; every failure surfaces as an <see cref="ExpressionException"/> with an offset.</summary>
    public object? Evaluate(IExpressionScope scope)
    {
        try
        {
            return EvaluateCore(scope);
        }
        catch (ExpressionException ex) when (ex.Offset < 0)
        {
            throw new ExpressionException(ex.Message, Offset, ex.InnerException);
        }
        catch (FlowValueException ex)
        {
            throw new ExpressionException(ex.Message, Offset, ex);
        }
        catch (Exception ex) when (ex is not ExpressionException and not OutOfMemoryException)
        {
            throw new ExpressionException(Describe(ex), Offset, ex);
        }
    }

    protected abstract object? EvaluateCore(IExpressionScope scope);

    protected static int DepthOf(ExprNode a) => a.Depth + 1;

    protected static int DepthOf(ExprNode a, ExprNode b) => Math.Max(a.Depth, b.Depth) + 1;

    protected static int DepthOf(ExprNode? a, ExprNode? b, ExprNode? c)
        => Math.Max(a?.Depth ?? 0, Math.Max(b?.Depth ?? 0, c?.Depth ?? 0)) + 1;

    protected static int DepthOf(IReadOnlyList<ExprNode> nodes, ExprNode? extra = null)
    {
        int max = extra?.Depth ?? 0;
        foreach (var n in nodes)
        {
            max = Math.Max(max, n.Depth);
        }

        return max + 1;
    }

    protected static object?[] EvaluateAll(ExprNode[] nodes, IExpressionScope scope, object? first, bool withFirst)
    {
        int shift = withFirst ? 1 : 0;
        var values = new object?[nodes.Length + shift];
        if (withFirst)
        {
            values[0] = first;
        }

        for (int i = 0; i < nodes.Length; i++)
        {
            values[i + shift] = nodes[i].Evaluate(scope);
        }

        return values;
    }

    private static string Describe(Exception ex) => ex switch
    {
        OverflowException => "integer overflow",
        DivideByZeroException => "division by zero",
        InsufficientExecutionStackException => "expression is too deeply nested to evaluate",
        _ => "error evaluating expression: " + ex.Message,
    };
}

/// <summary>A literal number, string, boolean or null.</summary>
internal sealed class LiteralExpr : ExprNode
{
    private readonly object? _value;

    public LiteralExpr(int offset, object? value)
        : base(offset, 1)
    {
        _value = value;
    }

    protected override object? EvaluateCore(IExpressionScope scope) => _value;
}

/// <summary>A plain or dotted name such as <c>width</c> or <c>params.target</c>.</summary>
internal sealed class NameExpr : ExprNode
{
    private readonly string[] _parts;

    /// <summary>Prefixes to try, longest first: <c>a.b.c</c>, <c>a.b</c>, <c>a</c>.</summary>
    private readonly string[] _prefixes;

    public NameExpr(int offset, string[] parts)
        : base(offset, 1)
    {
        _parts = parts;
        _prefixes = new string[parts.Length];
        string current = parts[0];
        _prefixes[parts.Length - 1] = current;
        for (int i = 1; i < parts.Length; i++)
        {
            current = current + "." + parts[i];
            _prefixes[parts.Length - 1 - i] = current;
        }

        FullName = _prefixes[0];
    }

    public string FullName { get; }

    protected override object? EvaluateCore(IExpressionScope scope)
    {
        string? error = Resolve(scope, out object? value);
        return error is null ? value : throw new ExpressionException(error, Offset);
    }

    /// <summary>Resolves the name without throwing for an undefined one (used by <c>name:-default</c>).</summary>
    public bool TryEvaluate(IExpressionScope scope, out object? value) => Resolve(scope, out value) is null;

    // Returns null on success, else the error message.
    private string? Resolve(IExpressionScope scope, out object? value)
    {
        for (int i = 0; i < _prefixes.Length; i++)
        {
            if (!scope.TryResolve(_prefixes[i], out value))
            {
                continue;
            }

            // Found the first (parts.Length - i) parts; walk the rest as member accesses.
            int used = _parts.Length - i;
            for (int k = used; k < _parts.Length; k++)
            {
                value = FlowValues.Canon(value);
                string owner = _prefixes[_parts.Length - k];
                if (value is not IReadOnlyDictionary<string, object?> map)
                {
                    return $"undefined variable '{FullName}': '{owner}' is {FlowValues.TypeName(value)}, not a map";
                }

                if (!map.TryGetValue(_parts[k], out value))
                {
                    return $"undefined variable '{FullName}': '{owner}' has no member '{_parts[k]}'";
                }
            }

            value = FlowValues.Canon(value);
            return null;
        }

        value = null;
        return $"undefined variable '{FullName}'";
    }
}

/// <summary>
/// <c>name:-text</c>: the value of <c>name</c>, or the literal <c>text</c> when the name (or a member on
/// its path) is undefined or its value is null, as dfm's <c>${{ pkg.param:-unset }}</c>.
/// </summary>
internal sealed class DefaultedNameExpr : ExprNode
{
    private readonly NameExpr _name;
    private readonly string _fallback;

    public DefaultedNameExpr(int offset, NameExpr name, string fallback)
        : base(offset, 2)
    {
        _name = name;
        _fallback = fallback;
    }

    protected override object? EvaluateCore(IExpressionScope scope) =>
        _name.TryEvaluate(scope, out object? value) && value is not null ? value : _fallback;
}

/// <summary><c>target.name</c> where the target is not a plain name (for example <c>f(x).k</c>).</summary>
internal sealed class MemberExpr : ExprNode
{
    private readonly ExprNode _target;
    private readonly string _name;

    public MemberExpr(int offset, ExprNode target, string name)
        : base(offset, DepthOf(target))
    {
        _target = target;
        _name = name;
    }

    protected override object? EvaluateCore(IExpressionScope scope) =>
        ExprOperators.Member(_target.Evaluate(scope), _name);
}

/// <summary><c>target[index]</c>.</summary>
internal sealed class IndexExpr : ExprNode
{
    private readonly ExprNode _target;
    private readonly ExprNode _index;

    public IndexExpr(int offset, ExprNode target, ExprNode index)
        : base(offset, DepthOf(target, index))
    {
        _target = target;
        _index = index;
    }

    protected override object? EvaluateCore(IExpressionScope scope)
    {
        object? target = _target.Evaluate(scope);
        object? index = _index.Evaluate(scope);
        return ExprOperators.Index(target, index);
    }
}

/// <summary><c>target[start:stop:step]</c>.</summary>
internal sealed class SliceExpr : ExprNode
{
    private readonly ExprNode _target;
    private readonly ExprNode? _start;
    private readonly ExprNode? _stop;
    private readonly ExprNode? _step;

    public SliceExpr(int offset, ExprNode target, ExprNode? start, ExprNode? stop, ExprNode? step)
        : base(offset, Math.Max(target.Depth, DepthOf(start, stop, step)) + 1)
    {
        _target = target;
        _start = start;
        _stop = stop;
        _step = step;
    }

    protected override object? EvaluateCore(IExpressionScope scope)
    {
        object? target = _target.Evaluate(scope);
        object? start = _start?.Evaluate(scope);
        object? stop = _stop?.Evaluate(scope);
        object? step = _step?.Evaluate(scope);
        return ExprOperators.Slice(target, start, stop, step);
    }
}

/// <summary>A built-in function call <c>name(args)</c>.</summary>
internal sealed class CallExpr : ExprNode
{
    private readonly string _name;
    private readonly ExprNode[] _args;

    public CallExpr(int offset, string name, ExprNode[] args)
        : base(offset, DepthOf(args))
    {
        _name = name;
        _args = args;
    }

    protected override object? EvaluateCore(IExpressionScope scope)
    {
        if (!ExprBuiltins.TryGet(_name, out ExprBuiltin? builtin))
        {
            throw new ExpressionException($"unknown function '{_name}'", Offset);
        }

        builtin.CheckArity(_args.Length, pipe: false);
        return builtin.Invoke(EvaluateAll(_args, scope, null, withFirst: false));
    }
}

/// <summary>A pipe <c>input | name</c> or <c>input | name(args)</c>.</summary>
internal sealed class PipeExpr : ExprNode
{
    private readonly ExprNode _input;
    private readonly string _name;
    private readonly ExprNode[] _args;

    public PipeExpr(int offset, ExprNode input, string name, ExprNode[] args)
        : base(offset, DepthOf(args, input))
    {
        _input = input;
        _name = name;
        _args = args;
    }

    protected override object? EvaluateCore(IExpressionScope scope)
    {
        object? input = _input.Evaluate(scope);
        if (!ExprBuiltins.TryGet(_name, out ExprBuiltin? builtin))
        {
            throw new ExpressionException($"unknown filter '{_name}'", Offset);
        }

        builtin.CheckArity(_args.Length + 1, pipe: true);
        return builtin.Invoke(EvaluateAll(_args, scope, input, withFirst: true));
    }
}

/// <summary><c>-x</c>, <c>+x</c>, <c>not x</c>.</summary>
internal sealed class UnaryExpr : ExprNode
{
    private readonly ExprUnaryOp _op;
    private readonly ExprNode _operand;

    public UnaryExpr(int offset, ExprUnaryOp op, ExprNode operand)
        : base(offset, DepthOf(operand))
    {
        _op = op;
        _operand = operand;
    }

    protected override object? EvaluateCore(IExpressionScope scope)
    {
        object? v = _operand.Evaluate(scope);
        return _op switch
        {
            ExprUnaryOp.Not => !FlowValues.IsTruthy(v),
            ExprUnaryOp.Neg => ExprOperators.Negate(v),
            _ => ExprOperators.Plus(v),
        };
    }
}

/// <summary>Arithmetic <c>+ - * / // % **</c>.</summary>
internal sealed class BinaryExpr : ExprNode
{
    private readonly ExprBinaryOp _op;
    private readonly ExprNode _left;
    private readonly ExprNode _right;

    public BinaryExpr(int offset, ExprBinaryOp op, ExprNode left, ExprNode right)
        : base(offset, DepthOf(left, right))
    {
        _op = op;
        _left = left;
        _right = right;
    }

    protected override object? EvaluateCore(IExpressionScope scope)
    {
        object? a = _left.Evaluate(scope);
        object? b = _right.Evaluate(scope);
        return ExprOperators.Binary(_op, a, b);
    }
}

/// <summary><c>and</c> / <c>or</c>: short-circuit, result converted to bool.</summary>
internal sealed class LogicalExpr : ExprNode
{
    private readonly bool _isAnd;
    private readonly ExprNode _left;
    private readonly ExprNode _right;

    public LogicalExpr(int offset, bool isAnd, ExprNode left, ExprNode right)
        : base(offset, DepthOf(left, right))
    {
        _isAnd = isAnd;
        _left = left;
        _right = right;
    }

    protected override object? EvaluateCore(IExpressionScope scope)
    {
        bool left = FlowValues.IsTruthy(_left.Evaluate(scope));
        if (_isAnd ? !left : left)
        {
            return left;
        }

        return FlowValues.IsTruthy(_right.Evaluate(scope));
    }
}

/// <summary>A comparison chain <c>a &lt; b &lt;= c</c>; each operand is evaluated at most once.</summary>
internal sealed class CompareExpr : ExprNode
{
    private readonly ExprNode[] _operands;
    private readonly ExprCompareOp[] _ops;
    private readonly int[] _opOffsets;

    public CompareExpr(int offset, ExprNode[] operands, ExprCompareOp[] ops, int[] opOffsets)
        : base(offset, DepthOf(operands))
    {
        _operands = operands;
        _ops = ops;
        _opOffsets = opOffsets;
    }

    protected override object? EvaluateCore(IExpressionScope scope)
    {
        object? left = _operands[0].Evaluate(scope);
        for (int i = 0; i < _ops.Length; i++)
        {
            object? right = _operands[i + 1].Evaluate(scope);
            bool ok;
            try
            {
                ok = ExprOperators.Compare(_ops[i], left, right);
            }
            catch (ExpressionException ex) when (ex.Offset < 0)
            {
                throw new ExpressionException(ex.Message, _opOffsets[i], ex.InnerException);
            }
            catch (FlowValueException ex)
            {
                throw new ExpressionException(ex.Message, _opOffsets[i], ex);
            }

            if (!ok)
            {
                return false;
            }

            left = right;
        }

        return true;
    }
}

/// <summary><c>x if cond else y</c>.</summary>
internal sealed class ConditionalExpr : ExprNode
{
    private readonly ExprNode _condition;
    private readonly ExprNode _whenTrue;
    private readonly ExprNode _whenFalse;

    public ConditionalExpr(int offset, ExprNode condition, ExprNode whenTrue, ExprNode whenFalse)
        : base(offset, DepthOf(condition, whenTrue, whenFalse))
    {
        _condition = condition;
        _whenTrue = whenTrue;
        _whenFalse = whenFalse;
    }

    protected override object? EvaluateCore(IExpressionScope scope) =>
        FlowValues.IsTruthy(_condition.Evaluate(scope)) ? _whenTrue.Evaluate(scope) : _whenFalse.Evaluate(scope);
}

/// <summary>A list literal <c>[a, b]</c>.</summary>
internal sealed class ListExpr : ExprNode
{
    private readonly ExprNode[] _items;

    public ListExpr(int offset, ExprNode[] items)
        : base(offset, DepthOf(items))
    {
        _items = items;
    }

    protected override object? EvaluateCore(IExpressionScope scope) =>
        EvaluateAll(_items, scope, null, withFirst: false);
}

/// <summary>A map literal <c>{"k": v}</c>; keys must evaluate to strings.</summary>
internal sealed class MapExpr : ExprNode
{
    private readonly ExprNode[] _keys;
    private readonly ExprNode[] _values;

    public MapExpr(int offset, ExprNode[] keys, ExprNode[] values)
        : base(offset, Math.Max(DepthOf(keys), DepthOf(values)))
    {
        _keys = keys;
        _values = values;
    }

    protected override object? EvaluateCore(IExpressionScope scope)
    {
        var entries = new KeyValuePair<string, object?>[_keys.Length];
        for (int i = 0; i < _keys.Length; i++)
        {
            object? key = _keys[i].Evaluate(scope);
            if (key is not string s)
            {
                throw new ExpressionException($"map keys must be str, not {FlowValues.TypeName(key)}", _keys[i].Offset);
            }

            entries[i] = new KeyValuePair<string, object?>(s, _values[i].Evaluate(scope));
        }

        return new FlowMap(entries);
    }
}
