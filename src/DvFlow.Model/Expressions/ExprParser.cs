namespace DvFlow.Model.Expressions;

/// <summary>
/// Recursive-descent parser for one <c>${{ ... }}</c> expression embedded in a template.
/// </summary>
/// <remarks>
/// Precedence, lowest to highest: <c>x if c else y</c>; <c>or ||</c>; <c>and &amp;&amp;</c>; <c>not !</c>;
/// comparisons (<c>== != &lt; &lt;= &gt; &gt;= in</c>, <c>not in</c>, chained); <c>|</c> pipe;
/// <c>+ -</c>; <c>* / // %</c>; unary <c>- +</c>; <c>**</c>; postfix <c>.name [i] [a:b] f(...)</c>.
/// </remarks>
internal sealed partial class ExprParser
{
    private readonly string _text;
    private readonly int _openOffset;
    private readonly List<string> _names;
    private readonly HashSet<string> _seenNames;
    private int _pos;
    private ExprToken _tok;
    private int _nesting;

    /// <summary>How many brackets, braces and parentheses are open; <c>name:-default</c> is only read outside them.</summary>
    private int _groupDepth;

    private ExprParser(string text, int openOffset, List<string> names, HashSet<string> seenNames)
    {
        _text = text;
        _openOffset = openOffset;
        _names = names;
        _seenNames = seenNames;
        _pos = openOffset + 3;
    }

    /// <summary>
    /// Parses the expression whose <c>${{</c> starts at <paramref name="openOffset"/> in <paramref name="text"/>.
    /// </summary>
    /// <param name="text">The whole template text.</param>
    /// <param name="openOffset">Offset of the <c>${{</c>.</param>
    /// <param name="names">Receives newly seen dotted name references.</param>
    /// <param name="seenNames">The names already in <paramref name="names"/>.</param>
    /// <param name="endOffset">Offset just past the closing <c>}}</c>.</param>
    /// <returns>The expression tree.</returns>
    internal static ExprNode ParseEmbedded(string text, int openOffset, List<string> names, HashSet<string> seenNames, out int endOffset)
    {
        var parser = new ExprParser(text, openOffset, names, seenNames);
        parser.Advance();
        if (parser.AtCloser())
        {
            throw new ExpressionException("empty expression: '${{ }}' must contain an expression", openOffset);
        }

        ExprNode node = parser.ParseExpression();
        if (!parser.AtCloser())
        {
            throw parser._tok.Kind == ExprTokenKind.End
                ? parser.Unterminated()
                : new ExpressionException("unexpected " + parser.Describe() + "; expected '}}' to close the expression", parser._tok.Start);
        }

        endOffset = parser._tok.Start + 2;
        return node;
    }

    private bool AtCloser() =>
        _tok.Kind == ExprTokenKind.RBrace && _tok.Start + 1 < _text.Length && _text[_tok.Start + 1] == '}';

    private ExpressionException Unterminated() =>
        new("unterminated expression: '${{' has no matching '}}'", _openOffset);

    private ExpressionException Unexpected(string expected) =>
        _tok.Kind == ExprTokenKind.End
            ? Unterminated()
            : new ExpressionException("expected " + expected + " but found " + Describe(), _tok.Start);

    private string Describe()
    {
        switch (_tok.Kind)
        {
            case ExprTokenKind.End:
                return "end of text";
            case ExprTokenKind.String:
                return "string literal";
            case ExprTokenKind.Int:
            case ExprTokenKind.Float:
                return "number '" + _text.Substring(_tok.Start, _tok.Length) + "'";
            case ExprTokenKind.RBrace when AtCloser():
                return "'}}'";
            default:
                return "'" + _text.Substring(_tok.Start, _tok.Length) + "'";
        }
    }

    private void Expect(ExprTokenKind kind, string what)
    {
        if (_tok.Kind != kind)
        {
            throw Unexpected(what);
        }

        Advance();
    }

    private void Enter()
    {
        if (++_nesting > FlowLimits.MaxExpressionNesting)
        {
            throw new ExpressionException($"expression is nested more than {FlowLimits.MaxExpressionNesting} levels deep", _tok.Start);
        }
    }

    private void RecordName(string name)
    {
        if (_seenNames.Add(name))
        {
            _names.Add(name);
        }
    }

    // expression := or_expr ['if' or_expr 'else' expression]
    private ExprNode ParseExpression()
    {
        Enter();
        ExprNode e = ParseOr();
        if (_tok.Kind == ExprTokenKind.If)
        {
            int off = _tok.Start;
            Advance();
            ExprNode cond = ParseOr();
            Expect(ExprTokenKind.Else, "'else'");
            ExprNode otherwise = ParseExpression();
            e = new ConditionalExpr(off, cond, e, otherwise);
        }

        _nesting--;
        return e;
    }

    private ExprNode ParseOr()
    {
        ExprNode left = ParseAnd();
        while (_tok.Kind is ExprTokenKind.Or or ExprTokenKind.PipePipe)
        {
            int off = _tok.Start;
            Advance();
            ExprNode right = ParseAnd();
            left = new LogicalExpr(off, isAnd: false, left, right);
        }

        return left;
    }

    private ExprNode ParseAnd()
    {
        ExprNode left = ParseNot();
        while (_tok.Kind is ExprTokenKind.And or ExprTokenKind.AmpAmp)
        {
            int off = _tok.Start;
            Advance();
            ExprNode right = ParseNot();
            left = new LogicalExpr(off, isAnd: true, left, right);
        }

        return left;
    }

    private ExprNode ParseNot()
    {
        if (_tok.Kind is ExprTokenKind.Not or ExprTokenKind.Bang)
        {
            int off = _tok.Start;
            Advance();
            Enter();
            ExprNode operand = ParseNot();
            _nesting--;
            return new UnaryExpr(off, ExprUnaryOp.Not, operand);
        }

        return ParseComparison();
    }

    private bool TryCompareOp(out ExprCompareOp op)
    {
        switch (_tok.Kind)
        {
            case ExprTokenKind.EqEq: op = ExprCompareOp.Eq; return true;
            case ExprTokenKind.NotEq: op = ExprCompareOp.Ne; return true;
            case ExprTokenKind.Less: op = ExprCompareOp.Lt; return true;
            case ExprTokenKind.LessEq: op = ExprCompareOp.Le; return true;
            case ExprTokenKind.Greater: op = ExprCompareOp.Gt; return true;
            case ExprTokenKind.GreaterEq: op = ExprCompareOp.Ge; return true;
            case ExprTokenKind.In: op = ExprCompareOp.In; return true;
            case ExprTokenKind.Not: op = ExprCompareOp.NotIn; return true;
            default: op = default; return false;
        }
    }

    private ExprNode ParseComparison()
    {
        ExprNode first = ParsePipe();
        if (!TryCompareOp(out ExprCompareOp op))
        {
            return first;
        }

        var operands = new List<ExprNode> { first };
        var ops = new List<ExprCompareOp>();
        var offsets = new List<int>();
        do
        {
            int off = _tok.Start;
            if (op == ExprCompareOp.NotIn)
            {
                Advance();
                if (_tok.Kind != ExprTokenKind.In)
                {
                    throw Unexpected("'in' after 'not'");
                }
            }

            Advance();
            ops.Add(op);
            offsets.Add(off);
            operands.Add(ParsePipe());
        }
        while (TryCompareOp(out op));

        return new CompareExpr(offsets[0], operands.ToArray(), ops.ToArray(), offsets.ToArray());
    }

    private ExprNode ParsePipe()
    {
        ExprNode e = ParseAdditive();
        while (_tok.Kind == ExprTokenKind.Pipe)
        {
            Advance();
            if (_tok.Kind != ExprTokenKind.Identifier)
            {
                throw Unexpected("a filter name after '|'");
            }

            int nameOffset = _tok.Start;
            string name = (string)_tok.Value!;
            Advance();
            ExprNode[] args = _tok.Kind == ExprTokenKind.LParen ? ParseArguments() : [];
            e = new PipeExpr(nameOffset, e, name, args);
        }

        return e;
    }

    private ExprNode ParseAdditive()
    {
        ExprNode left = ParseMultiplicative();
        while (_tok.Kind is ExprTokenKind.Plus or ExprTokenKind.Minus)
        {
            int off = _tok.Start;
            ExprBinaryOp op = _tok.Kind == ExprTokenKind.Plus ? ExprBinaryOp.Add : ExprBinaryOp.Sub;
            Advance();
            ExprNode right = ParseMultiplicative();
            left = new BinaryExpr(off, op, left, right);
        }

        return left;
    }

    private ExprNode ParseMultiplicative()
    {
        ExprNode left = ParseUnary();
        while (true)
        {
            ExprBinaryOp op;
            switch (_tok.Kind)
            {
                case ExprTokenKind.Star: op = ExprBinaryOp.Mul; break;
                case ExprTokenKind.Slash: op = ExprBinaryOp.Div; break;
                case ExprTokenKind.SlashSlash: op = ExprBinaryOp.FloorDiv; break;
                case ExprTokenKind.Percent: op = ExprBinaryOp.Mod; break;
                default: return left;
            }

            int off = _tok.Start;
            Advance();
            ExprNode right = ParseUnary();
            left = new BinaryExpr(off, op, left, right);
        }
    }

    private ExprNode ParseUnary()
    {
        if (_tok.Kind is ExprTokenKind.Minus or ExprTokenKind.Plus)
        {
            int off = _tok.Start;
            ExprUnaryOp op = _tok.Kind == ExprTokenKind.Minus ? ExprUnaryOp.Neg : ExprUnaryOp.Pos;
            Advance();
            Enter();
            ExprNode operand = ParseUnary();
            _nesting--;
            return new UnaryExpr(off, op, operand);
        }

        return ParsePower();
    }

    // power := postfix ['**' unary]   (right associative; binds tighter than a unary minus on its left)
    private ExprNode ParsePower()
    {
        ExprNode b = ParsePostfix();
        if (_tok.Kind == ExprTokenKind.StarStar)
        {
            int off = _tok.Start;
            Advance();
            Enter();
            ExprNode exponent = ParseUnary();
            _nesting--;
            return new BinaryExpr(off, ExprBinaryOp.Pow, b, exponent);
        }

        return b;
    }

    private ExprNode ParsePostfix()
    {
        ExprNode e;
        if (_tok.Kind == ExprTokenKind.Identifier)
        {
            int start = _tok.Start;
            string name = (string)_tok.Value!;
            Advance();
            if (_tok.Kind == ExprTokenKind.LParen)
            {
                e = new CallExpr(start, name, ParseArguments());
            }
            else
            {
                List<string>? parts = null;
                while (_tok.Kind == ExprTokenKind.Dot)
                {
                    Advance();
                    (parts ??= [name]).Add(ExpectMemberName());
                }

                var nameNode = new NameExpr(start, parts is null ? [name] : parts.ToArray());
                RecordName(nameNode.FullName);
                if (_tok.Kind == ExprTokenKind.LParen)
                {
                    throw new ExpressionException($"'{nameNode.FullName}' is not a function; only built-in functions can be called", _tok.Start);
                }

                e = AtDefaultMarker() ? ParseDefault(nameNode) : nameNode;
            }
        }
        else
        {
            e = ParsePrimary();
        }

        while (true)
        {
            switch (_tok.Kind)
            {
                case ExprTokenKind.Dot:
                {
                    int off = _tok.Start;
                    Advance();
                    e = new MemberExpr(off, e, ExpectMemberName());
                    break;
                }

                case ExprTokenKind.LBracket:
                    e = ParseSubscript(e);
                    break;
                case ExprTokenKind.LParen:
                    throw new ExpressionException("unexpected '('; only built-in functions can be called", _tok.Start);
                default:
                    return e;
            }
        }
    }

    // dfm's shell-style fallback: 'name:-text' yields the literal text when the name is undefined or null.
    // Outside brackets only, so that slices such as 'items[a:-1]' keep their meaning.
    private bool AtDefaultMarker() =>
        _groupDepth == 0 && _tok.Kind == ExprTokenKind.Colon && _tok.Start + 1 < _text.Length && _text[_tok.Start + 1] == '-';

    // The fallback text runs to the closing '}}', as in dfm, and is taken literally (trimmed).
    private ExprNode ParseDefault(NameExpr name)
    {
        int textStart = _tok.Start + 2;
        int close = _text.IndexOf("}}", textStart, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Unterminated();
        }

        string fallback = _text.Substring(textStart, close - textStart).Trim();
        _pos = close;
        Advance();
        return new DefaultedNameExpr(name.Offset, name, fallback);
    }

    private string ExpectMemberName()
    {
        switch (_tok.Kind)
        {
            case ExprTokenKind.Identifier:
            case ExprTokenKind.True:
            case ExprTokenKind.False:
            case ExprTokenKind.Null:
            case ExprTokenKind.And:
            case ExprTokenKind.Or:
            case ExprTokenKind.Not:
            case ExprTokenKind.In:
            case ExprTokenKind.If:
            case ExprTokenKind.Else:
                string name = (string)_tok.Value!;
                Advance();
                return name;
            default:
                throw Unexpected("a member name after '.'");
        }
    }

    private ExprNode ParseSubscript(ExprNode target)
    {
        int off = _tok.Start;
        _groupDepth++;
        Advance();
        Enter();
        ExprNode? start = null;
        ExprNode? stop = null;
        ExprNode? step = null;
        bool slice = false;
        if (_tok.Kind != ExprTokenKind.Colon)
        {
            start = ParseExpression();
        }

        if (_tok.Kind == ExprTokenKind.Colon)
        {
            slice = true;
            Advance();
            if (_tok.Kind is not (ExprTokenKind.Colon or ExprTokenKind.RBracket))
            {
                stop = ParseExpression();
            }

            if (_tok.Kind == ExprTokenKind.Colon)
            {
                Advance();
                if (_tok.Kind != ExprTokenKind.RBracket)
                {
                    step = ParseExpression();
                }
            }
        }

        Expect(ExprTokenKind.RBracket, slice ? "']'" : "':' or ']'");
        _groupDepth--;
        _nesting--;
        return slice ? new SliceExpr(off, target, start, stop, step) : new IndexExpr(off, target, start!);
    }

    private ExprNode[] ParseArguments()
    {
        // Current token is '('.
        _groupDepth++;
        Advance();
        Enter();
        if (_tok.Kind == ExprTokenKind.RParen)
        {
            _groupDepth--;
            Advance();
            _nesting--;
            return [];
        }

        var args = new List<ExprNode>();
        while (true)
        {
            args.Add(ParseExpression());
            if (_tok.Kind == ExprTokenKind.Comma)
            {
                Advance();
                if (_tok.Kind == ExprTokenKind.RParen)
                {
                    break;
                }

                continue;
            }

            break;
        }

        Expect(ExprTokenKind.RParen, "',' or ')'");
        _groupDepth--;
        _nesting--;
        return args.ToArray();
    }

    private ExprNode ParsePrimary()
    {
        int off = _tok.Start;
        switch (_tok.Kind)
        {
            case ExprTokenKind.Int:
            case ExprTokenKind.Float:
            case ExprTokenKind.String:
            {
                object? value = _tok.Value;
                Advance();
                return new LiteralExpr(off, value);
            }

            case ExprTokenKind.True:
                Advance();
                return new LiteralExpr(off, true);
            case ExprTokenKind.False:
                Advance();
                return new LiteralExpr(off, false);
            case ExprTokenKind.Null:
                Advance();
                return new LiteralExpr(off, null);
            case ExprTokenKind.LParen:
            {
                _groupDepth++;
                Advance();
                ExprNode inner = ParseExpression();
                Expect(ExprTokenKind.RParen, "')'");
                _groupDepth--;
                return inner;
            }

            case ExprTokenKind.LBracket:
                return ParseList();
            case ExprTokenKind.LBrace:
                return ParseMap();
            default:
                throw Unexpected("an expression");
        }
    }

    private ExprNode ParseList()
    {
        int off = _tok.Start;
        _groupDepth++;
        Advance();
        Enter();
        var items = new List<ExprNode>();
        while (_tok.Kind != ExprTokenKind.RBracket)
        {
            items.Add(ParseExpression());
            if (_tok.Kind != ExprTokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(ExprTokenKind.RBracket, "',' or ']'");
        _groupDepth--;
        _nesting--;
        return new ListExpr(off, items.ToArray());
    }

    private ExprNode ParseMap()
    {
        int off = _tok.Start;
        _groupDepth++;
        Advance();
        Enter();
        var keys = new List<ExprNode>();
        var values = new List<ExprNode>();
        while (_tok.Kind != ExprTokenKind.RBrace)
        {
            keys.Add(ParseExpression());
            Expect(ExprTokenKind.Colon, "':'");
            values.Add(ParseExpression());
            if (_tok.Kind != ExprTokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(ExprTokenKind.RBrace, "',' or '}'");
        _groupDepth--;
        _nesting--;
        return new MapExpr(off, keys.ToArray(), values.ToArray());
    }
}
