using System.Text;
using DvFlow.TaskApi;

namespace DvFlow.Model.Expressions;

/// <summary>
/// A parsed string that may contain <c>${{ expr }}</c> expressions, for example
/// <c>"Version ${{ version }}"</c> or <c>"${{ debug_level > 0 }}"</c>.
/// </summary>
/// <remarks>
/// <para>
/// Expressions use a Python-like syntax. From lowest to highest precedence:
/// <c>x if cond else y</c>; <c>or</c> / <c>||</c>; <c>and</c> / <c>&amp;&amp;</c>; <c>not</c> / <c>!</c>;
/// comparisons <c>== != &lt; &lt;= &gt; &gt;= in</c>, <c>not in</c> (chained like Python);
/// the pipe <c>value | filter</c> or <c>value | filter(args)</c>; <c>+ -</c>; <c>* / // %</c>;
/// unary <c>- +</c>; <c>**</c>; postfix <c>.name</c>, <c>[index]</c>, <c>[start:stop:step]</c>, <c>f(args)</c>.
/// Literals: integers (decimal, <c>0x</c>, <c>0o</c>, <c>0b</c>), floats, <c>'...'</c> / <c>"..."</c> strings with
/// backslash escapes, <c>true</c>/<c>True</c>, <c>false</c>/<c>False</c>, <c>null</c>/<c>None</c>,
/// lists <c>[a, b]</c> and maps <c>{"k": v}</c>.
/// </para>
/// <para>
/// Built-in functions: <c>len str int bool float min max range join split upper lower contains startswith endswith</c>,
/// and the jq-style filters <c>length keys values sort unique reverse first last flatten type</c>. Any of them can be
/// used through a pipe, where the piped value becomes the first argument (<c>names | join(",")</c>).
/// </para>
/// <para>A parsed template is immutable and may be evaluated concurrently.</para>
/// </remarks>
public sealed class ExpressionTemplate
{
    private const string Open = "${{";

    private readonly Segment[] _segments;
    private readonly ExprNode? _single;

    private ExpressionTemplate(string text, Segment[] segments, ExprNode? single, IReadOnlyList<string> names, bool hasExpressions)
    {
        Text = text;
        _segments = segments;
        _single = single;
        ReferencedNames = names;
        HasExpressions = hasExpressions;
    }

    /// <summary>The original template text.</summary>
    public string Text { get; }

    /// <summary>True when the text contains at least one <c>${{ }}</c> expression.</summary>
    public bool HasExpressions { get; }

    /// <summary>
    /// True when the whole text, ignoring surrounding whitespace, is exactly one <c>${{ }}</c> expression;
    /// <see cref="Evaluate(IExpressionScope)"/> then returns the expression's typed value instead of a string.
    /// </summary>
    public bool IsSingleExpression => _single is not null;

    /// <summary>
    /// The distinct identifier references the expressions use, in order of first use, as dotted names
    /// (for example <c>width</c>, <c>params.target</c>); function and filter names are not included.
    /// </summary>
    public IReadOnlyList<string> ReferencedNames { get; }

    /// <summary>Cheap check whether <paramref name="text"/> contains a <c>${{</c> and so needs parsing.</summary>
    /// <param name="text">The text to check.</param>
    /// <returns>True when the text contains <c>${{</c>.</returns>
    public static bool ContainsExpression(string? text) =>
        text is not null && text.Contains(Open, StringComparison.Ordinal);

    /// <summary>Parses <paramref name="text"/> into literal text and expressions.</summary>
    /// <param name="text">The template text.</param>
    /// <returns>The parsed template.</returns>
    /// <exception cref="ExpressionException">
    /// A syntax error: an unterminated <c>${{</c>, an empty expression, or bad expression syntax; its
    /// <see cref="ExpressionException.Offset"/> is the offset into <paramref name="text"/>.
    /// </exception>
    public static ExpressionTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int open = text.IndexOf(Open, StringComparison.Ordinal);
        if (open < 0)
        {
            return new ExpressionTemplate(text, [], null, [], hasExpressions: false);
        }

        var segments = new List<Segment>();
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int pos = 0;
        while (open >= 0)
        {
            if (open > pos)
            {
                segments.Add(new Segment(text.Substring(pos, open - pos), null, pos));
            }

            ExprNode node = ExprParser.ParseEmbedded(text, open, names, seen, out int end);
            segments.Add(new Segment(null, node, open));
            pos = end;
            open = pos < text.Length ? text.IndexOf(Open, pos, StringComparison.Ordinal) : -1;
        }

        if (pos < text.Length)
        {
            segments.Add(new Segment(text.Substring(pos), null, pos));
        }

        ExprNode? single = null;
        int expressionCount = 0;
        bool literalsBlank = true;
        foreach (var segment in segments)
        {
            if (segment.Expression is not null)
            {
                expressionCount++;
                single = segment.Expression;
            }
            else if (!string.IsNullOrWhiteSpace(segment.Literal))
            {
                literalsBlank = false;
            }
        }

        if (expressionCount != 1 || !literalsBlank)
        {
            single = null;
        }

        return new ExpressionTemplate(text, segments.ToArray(), single, names.ToArray(), hasExpressions: true);
    }

    /// <summary>Parses and evaluates <paramref name="text"/> in one step.</summary>
    /// <param name="text">The template text.</param>
    /// <param name="scope">Resolves the names the expressions use.</param>
    /// <returns>See <see cref="Evaluate(IExpressionScope)"/>.</returns>
    /// <exception cref="ExpressionException">A syntax or evaluation error.</exception>
    public static object? Evaluate(string text, IExpressionScope scope) => Parse(text).Evaluate(scope);

    /// <summary>
    /// Evaluates the template. When <see cref="IsSingleExpression"/> the typed value is returned (an int stays a
    /// <see cref="long"/>, a bool a <see cref="bool"/>, a list a list); otherwise a string in which each expression
    /// is replaced by <see cref="FlowValues.ToDisplayString"/> of its value. Without expressions <see cref="Text"/> is returned.
    /// </summary>
    /// <param name="scope">Resolves the names the expressions use.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ExpressionException">An evaluation error (undefined variable, type error, ...).</exception>
    public object? Evaluate(IExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!HasExpressions)
        {
            return Text;
        }

        if (_single is not null)
        {
            return _single.Evaluate(scope);
        }

        var sb = new StringBuilder(Text.Length + 16);
        foreach (var segment in _segments)
        {
            if (segment.Expression is null)
            {
                sb.Append(segment.Literal);
                continue;
            }

            object? value = segment.Expression.Evaluate(scope);
            try
            {
                sb.Append(FlowValues.ToDisplayString(value));
                // Templates that repeat a value, nested through parameters, double at each level.
                ExprOperators.CheckLength(sb.Length);
            }
            catch (FlowValueException ex)
            {
                throw new ExpressionException(ex.Message, segment.Offset, ex);
            }
            catch (ExpressionException ex) when (ex.Offset < 0)
            {
                throw new ExpressionException(ex.Message, segment.Offset, ex.InnerException);
            }
        }

        return sb.ToString();
    }

    /// <summary>Evaluates the template and renders the result with <see cref="FlowValues.ToDisplayString"/>.</summary>
    /// <param name="scope">Resolves the names the expressions use.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ExpressionException">An evaluation error.</exception>
    public string EvaluateToString(IExpressionScope scope)
    {
        object? value = Evaluate(scope);
        try
        {
            return FlowValues.ToDisplayString(value);
        }
        catch (FlowValueException ex)
        {
            throw new ExpressionException(ex.Message, 0, ex);
        }
    }

    /// <summary>Returns <see cref="Text"/>.</summary>
    /// <returns>The template text.</returns>
    public override string ToString() => Text;

    private readonly struct Segment
    {
        public Segment(string? literal, ExprNode? expression, int offset)
        {
            Literal = literal;
            Expression = expression;
            Offset = offset;
        }

        public string? Literal { get; }

        public ExprNode? Expression { get; }

        public int Offset { get; }
    }
}
