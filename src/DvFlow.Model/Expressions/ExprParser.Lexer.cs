using System.Globalization;
using System.Text;

namespace DvFlow.Model.Expressions;

/// <content>The hand-written lexer: produces one token at a time from the template text.</content>
internal sealed partial class ExprParser
{
    /// <summary>Lexes the next token at <see cref="_pos"/> into <see cref="_tok"/>.</summary>
    private void Advance()
    {
        string text = _text;
        int p = _pos;
        while (p < text.Length && char.IsWhiteSpace(text[p]))
        {
            p++;
        }

        if (p >= text.Length)
        {
            _pos = p;
            _tok = new ExprToken(ExprTokenKind.End, p, 0, null);
            return;
        }

        char c = text[p];
        char next = p + 1 < text.Length ? text[p + 1] : '\0';
        ExprTokenKind kind;
        int length = 1;
        switch (c)
        {
            case '(': kind = ExprTokenKind.LParen; break;
            case ')': kind = ExprTokenKind.RParen; break;
            case '[': kind = ExprTokenKind.LBracket; break;
            case ']': kind = ExprTokenKind.RBracket; break;
            case '{': kind = ExprTokenKind.LBrace; break;
            case '}': kind = ExprTokenKind.RBrace; break;
            case ',': kind = ExprTokenKind.Comma; break;
            case ':': kind = ExprTokenKind.Colon; break;
            case '.': kind = ExprTokenKind.Dot; break;
            case '+': kind = ExprTokenKind.Plus; break;
            case '-': kind = ExprTokenKind.Minus; break;
            case '%': kind = ExprTokenKind.Percent; break;
            case '*':
                (kind, length) = next == '*' ? (ExprTokenKind.StarStar, 2) : (ExprTokenKind.Star, 1);
                break;
            case '/':
                (kind, length) = next == '/' ? (ExprTokenKind.SlashSlash, 2) : (ExprTokenKind.Slash, 1);
                break;
            case '=':
                if (next != '=')
                {
                    throw new ExpressionException("unexpected '='; use '==' to compare values", p);
                }

                (kind, length) = (ExprTokenKind.EqEq, 2);
                break;
            case '!':
                (kind, length) = next == '=' ? (ExprTokenKind.NotEq, 2) : (ExprTokenKind.Bang, 1);
                break;
            case '<':
                (kind, length) = next == '=' ? (ExprTokenKind.LessEq, 2) : (ExprTokenKind.Less, 1);
                break;
            case '>':
                (kind, length) = next == '=' ? (ExprTokenKind.GreaterEq, 2) : (ExprTokenKind.Greater, 1);
                break;
            case '&':
                if (next != '&')
                {
                    throw new ExpressionException("unexpected '&'; use 'and' or '&&'", p);
                }

                (kind, length) = (ExprTokenKind.AmpAmp, 2);
                break;
            case '|':
                (kind, length) = next == '|' ? (ExprTokenKind.PipePipe, 2) : (ExprTokenKind.Pipe, 1);
                break;
            case '"':
            case '\'':
                LexString(p, c);
                return;
            default:
                if (c >= '0' && c <= '9')
                {
                    LexNumber(p);
                    return;
                }

                if (char.IsLetter(c) || c == '_')
                {
                    LexWord(p);
                    return;
                }

                throw new ExpressionException($"unexpected character '{Printable(c)}'", p);
        }

        _pos = p + length;
        _tok = new ExprToken(kind, p, length, null);
    }

    private void LexWord(int start)
    {
        string text = _text;
        int p = start + 1;
        while (p < text.Length && (char.IsLetterOrDigit(text[p]) || text[p] == '_'))
        {
            p++;
        }

        string word = text.Substring(start, p - start);
        ExprTokenKind kind = word switch
        {
            "true" or "True" => ExprTokenKind.True,
            "false" or "False" => ExprTokenKind.False,
            "null" or "None" => ExprTokenKind.Null,
            "and" => ExprTokenKind.And,
            "or" => ExprTokenKind.Or,
            "not" => ExprTokenKind.Not,
            "in" => ExprTokenKind.In,
            "if" => ExprTokenKind.If,
            "else" => ExprTokenKind.Else,
            _ => ExprTokenKind.Identifier,
        };
        _pos = p;
        _tok = new ExprToken(kind, start, p - start, word);
    }

    private void LexNumber(int start)
    {
        string text = _text;
        int p = start;
        object value;
        ExprTokenKind kind = ExprTokenKind.Int;
        char second = start + 1 < text.Length ? char.ToLowerInvariant(text[start + 1]) : '\0';
        if (text[start] == '0' && (second == 'x' || second == 'o' || second == 'b'))
        {
            int radix = second == 'x' ? 16 : (second == 'o' ? 8 : 2);
            p = start + 2;
            ulong acc = 0;
            int digits = 0;
            while (p < text.Length)
            {
                int d = DigitValue(text[p]);
                if (d < 0 || d >= radix)
                {
                    break;
                }

                if (acc > (ulong.MaxValue - (ulong)d) / (ulong)radix)
                {
                    throw new ExpressionException("integer literal is too large", start);
                }

                acc = (acc * (ulong)radix) + (ulong)d;
                digits++;
                p++;
            }

            if (digits == 0)
            {
                throw new ExpressionException("invalid number literal", start);
            }

            if (acc > long.MaxValue)
            {
                throw new ExpressionException("integer literal is too large", start);
            }

            value = (long)acc;
        }
        else
        {
            while (p < text.Length && IsDigit(text[p]))
            {
                p++;
            }

            if (p + 1 < text.Length && text[p] == '.' && IsDigit(text[p + 1]))
            {
                kind = ExprTokenKind.Float;
                p++;
                while (p < text.Length && IsDigit(text[p]))
                {
                    p++;
                }
            }

            if (p < text.Length && (text[p] == 'e' || text[p] == 'E'))
            {
                int q = p + 1;
                if (q < text.Length && (text[q] == '+' || text[q] == '-'))
                {
                    q++;
                }

                if (q < text.Length && IsDigit(text[q]))
                {
                    kind = ExprTokenKind.Float;
                    p = q;
                    while (p < text.Length && IsDigit(text[p]))
                    {
                        p++;
                    }
                }
            }

            var span = text.AsSpan(start, p - start);
            if (kind == ExprTokenKind.Float)
            {
                value = double.Parse(span, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
            }
            else if (long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out long l))
            {
                value = l;
            }
            else
            {
                throw new ExpressionException("integer literal is too large", start);
            }
        }

        if (p < text.Length && (char.IsLetterOrDigit(text[p]) || text[p] == '_'))
        {
            throw new ExpressionException($"invalid number literal '{text.Substring(start, p - start + 1)}'", start);
        }

        _pos = p;
        _tok = new ExprToken(kind, start, p - start, value);
    }

    private void LexString(int start, char quote)
    {
        string text = _text;
        int p = start + 1;
        StringBuilder? sb = null;
        int runStart = p;
        while (true)
        {
            if (p >= text.Length)
            {
                throw new ExpressionException("unterminated string literal", start);
            }

            char c = text[p];
            if (c == quote)
            {
                break;
            }

            if (c != '\\')
            {
                p++;
                continue;
            }

            sb ??= new StringBuilder();
            sb.Append(text, runStart, p - runStart);
            if (p + 1 >= text.Length)
            {
                throw new ExpressionException("unterminated string literal", start);
            }

            char e = text[p + 1];
            p += 2;
            switch (e)
            {
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case '0': sb.Append('\0'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'v': sb.Append('\v'); break;
                case 'x':
                    sb.Append(ReadHexEscape(ref p, 2));
                    break;
                case 'u':
                    sb.Append(ReadHexEscape(ref p, 4));
                    break;
                default:
                    // Like Python, an unknown escape keeps its backslash.
                    sb.Append('\\').Append(e);
                    break;
            }

            runStart = p;
        }

        string value;
        if (sb is null)
        {
            value = text.Substring(start + 1, p - start - 1);
        }
        else
        {
            sb.Append(text, runStart, p - runStart);
            value = sb.ToString();
        }

        _pos = p + 1;
        _tok = new ExprToken(ExprTokenKind.String, start, p + 1 - start, value);
    }

    private char ReadHexEscape(ref int p, int count)
    {
        int escapeStart = p - 2;
        int v = 0;
        for (int i = 0; i < count; i++)
        {
            int d = p < _text.Length ? DigitValue(_text[p]) : -1;
            if (d < 0 || d >= 16)
            {
                throw new ExpressionException($"invalid escape sequence: '\\{_text[escapeStart + 1]}' needs {count} hex digits", escapeStart);
            }

            v = (v * 16) + d;
            p++;
        }

        return (char)v;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static int DigitValue(char c)
    {
        if (c >= '0' && c <= '9')
        {
            return c - '0';
        }

        c = (char)(c | 0x20);
        return c >= 'a' && c <= 'z' ? c - 'a' + 10 : -1;
    }

    private static string Printable(char c) =>
        c < ' ' || c == 0x7f ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString();
}
