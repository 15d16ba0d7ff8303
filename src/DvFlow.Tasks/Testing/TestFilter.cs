namespace DvFlow.Tasks.Testing;

/// <summary>
/// A <c>dotnet test --filter</c> expression in vstest's syntax: conditions <c>Property=value</c>, <c>!=</c>, <c>~</c>
/// (contains) and <c>!~</c>, joined with <c>&amp;</c> and <c>|</c> (and binds tighter), grouped with parentheses; a
/// bare value means <c>FullyQualifiedName~value</c>; <c>\</c> escapes a special character. Properties are
/// <c>FullyQualifiedName</c>, <c>Name</c> (the display name, with the matrix cell) and <c>ClassName</c>; values compare
/// without regard to case, as vstest compares them.
/// </summary>
public sealed class TestFilter
{
    private readonly Node _root;

    private TestFilter(Node root) => _root = root;

    /// <summary>The properties a condition may name.</summary>
    public static readonly IReadOnlyList<string> Properties = ["FullyQualifiedName", "Name", "ClassName"];

    /// <summary>Whether <paramref name="test"/> is selected.</summary>
    public bool Matches(FlowTestCase test) => _root.Matches(test);

    /// <summary>Parses <paramref name="text"/>; null with <paramref name="error"/> set when it is not a filter.</summary>
    public static TestFilter? Parse(string text, out string? error)
    {
        var p = new Parser(text);
        try
        {
            var root = p.Or();
            if (!p.AtEnd) throw new FormatException($"unexpected '{text[p.Pos]}' at position {p.Pos + 1}");
            error = null;
            return new TestFilter(root);
        }
        catch (FormatException ex)
        {
            error = $"--filter \"{text}\": {ex.Message}";
            return null;
        }
    }

    private abstract record Node
    {
        public abstract bool Matches(FlowTestCase t);
    }

    private sealed record Or(Node L, Node R) : Node
    {
        public override bool Matches(FlowTestCase t) => L.Matches(t) || R.Matches(t);
    }

    private sealed record And(Node L, Node R) : Node
    {
        public override bool Matches(FlowTestCase t) => L.Matches(t) && R.Matches(t);
    }

    private sealed record Condition(string Property, string Op, string Value) : Node
    {
        public override bool Matches(FlowTestCase t)
        {
            var actual = Property switch
            {
                "FullyQualifiedName" => t.FullyQualifiedName,
                "Name" => t.DisplayName,
                _ => t.ClassName,
            };
            return Op switch
            {
                "=" => string.Equals(actual, Value, StringComparison.OrdinalIgnoreCase),
                "!=" => !string.Equals(actual, Value, StringComparison.OrdinalIgnoreCase),
                "~" => actual.Contains(Value, StringComparison.OrdinalIgnoreCase),
                _ => !actual.Contains(Value, StringComparison.OrdinalIgnoreCase),
            };
        }
    }

    private sealed class Parser(string text)
    {
        public int Pos;

        public bool AtEnd
        {
            get
            {
                SkipSpace();
                return Pos >= text.Length;
            }
        }

        public Node Or()
        {
            var left = And();
            while (Take('|')) left = new Or(left, And());
            return left;
        }

        private Node And()
        {
            var left = Primary();
            while (Take('&')) left = new And(left, Primary());
            return left;
        }

        private Node Primary()
        {
            if (Take('('))
            {
                var inner = Or();
                if (!Take(')')) throw new FormatException(AtEnd ? "a '(' is not closed" : $"expected ')' at position {Pos + 1}");
                return inner;
            }
            var start = Pos;
            var left = Word(stopAtOperator: true);
            SkipSpace();
            string op;
            if (Pos < text.Length && text[Pos] == '=') op = "=";
            else if (Pos < text.Length && text[Pos] == '~') op = "~";
            else if (Pos + 1 < text.Length && text[Pos] == '!' && text[Pos + 1] is '=' or '~') op = "!" + text[Pos + 1];
            else
            {
                // A bare value: FullyQualifiedName~value.
                if (left.Length == 0) throw new FormatException(Pos >= text.Length ? "a condition is missing at the end" : $"a condition is missing at position {start + 1}");
                return new Condition("FullyQualifiedName", "~", left);
            }
            Pos += op.Length;
            var property = Properties.FirstOrDefault(p => string.Equals(p, left.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new FormatException($"'{left.Trim()}' is not a property of flow tests; use {string.Join(", ", Properties)}");
            var value = Word(stopAtOperator: false);
            if (value.Length == 0) throw new FormatException($"the condition on {property} has no value");
            return new Condition(property, op, value);
        }

        // Up to the next unescaped '&', '|', '(' or ')' (and '=', '~', '!' before the operator), trimmed; '\' escapes.
        private string Word(bool stopAtOperator)
        {
            SkipSpace();
            var sb = new System.Text.StringBuilder();
            while (Pos < text.Length)
            {
                var c = text[Pos];
                if (c == '\\' && Pos + 1 < text.Length)
                {
                    sb.Append(text[Pos + 1]);
                    Pos += 2;
                    continue;
                }
                if (c is '&' or '|' or '(' or ')') break;
                if (stopAtOperator && (c is '=' or '~' || (c == '!' && Pos + 1 < text.Length && text[Pos + 1] is '=' or '~'))) break;
                sb.Append(c);
                Pos++;
            }
            return sb.ToString().Trim();
        }

        private bool Take(char c)
        {
            SkipSpace();
            if (Pos < text.Length && text[Pos] == c)
            {
                Pos++;
                return true;
            }
            return false;
        }

        private void SkipSpace()
        {
            while (Pos < text.Length && char.IsWhiteSpace(text[Pos])) Pos++;
        }
    }
}
