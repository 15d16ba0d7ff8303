using DvFlow.Model.Diagnostics;
using DvFlow.Model.Expressions;
using DvFlow.Model.Yaml;
using DvFlow.TaskApi;

namespace DvFlow.Model.Elaboration;

/// <summary>
/// Turns located YAML values into flow values, evaluating <c>${{ }}</c> expressions in strings
/// (recursively in lists and maps). Parsed templates are cached for the life of one load, and
/// expression errors are reported at the exact column of the offending text.
/// </summary>
public sealed class ValueEvaluator
{
    private readonly DiagnosticBag _diag;
    private readonly Dictionary<string, ExpressionTemplate?> _templates = new(StringComparer.Ordinal);

    /// <summary>Creates an evaluator reporting into <paramref name="diagnostics"/>.</summary>
    public ValueEvaluator(DiagnosticBag diagnostics) => _diag = diagnostics;

    /// <summary>The diagnostics this evaluator reports into.</summary>
    public DiagnosticBag Diagnostics => _diag;

    /// <summary>Evaluates a node; false (with a diagnostic) when an expression fails.</summary>
    public bool TryEvaluate(YNode node, IExpressionScope scope, out object? value)
    {
        switch (node)
        {
            case YScalar s when s.Value is string text:
                return TryEvaluateText(text, s, scope, out value);
            case YScalar s:
                value = s.Value;
                return true;
            case YSequence seq:
                var items = new object?[seq.Items.Count];
                var ok = true;
                for (var i = 0; i < items.Length; i++)
                    ok &= TryEvaluate(seq.Items[i], scope, out items[i]);
                value = items;
                return ok;
            case YMapping map:
                var entries = new List<KeyValuePair<string, object?>>(map.Entries.Count);
                var mok = true;
                foreach (var e in map.Entries)
                {
                    mok &= TryEvaluate(e.Value, scope, out var v);
                    entries.Add(new(e.Name, v));
                }
                value = new FlowMap(entries);
                return mok;
            default:
                value = null;
                return true;
        }
    }

    /// <summary>Evaluates a string that may hold <c>${{ }}</c>; <paramref name="at"/> locates errors.</summary>
    public bool TryEvaluateText(string text, YNode? at, IExpressionScope scope, out object? value)
        => TryEvaluateText(text, Locator(at), scope, out value);

    /// <summary>
    /// Evaluates a string that may hold <c>${{ }}</c>, reporting errors relative to <paramref name="at"/>
    /// (where the text starts; <paramref name="quoted"/> when <paramref name="at"/> is the opening quote).
    /// </summary>
    public bool TryEvaluateText(string text, SourceLocation? at, bool quoted, IExpressionScope scope, out object? value)
        => TryEvaluateText(text, Locator(at, quoted), scope, out value);

    private bool TryEvaluateText(string text, Func<int, SourceLocation?> locate, IExpressionScope scope, out object? value)
    {
        value = text;
        if (!text.Contains("${{", StringComparison.Ordinal)) return true;
        var template = Parse(text, locate);
        if (template is null) { value = null; return false; }
        try
        {
            value = template.Evaluate(scope);
            return true;
        }
        catch (ExpressionException ex)
        {
            _diag.Error(DiagnosticCodes.ExpressionEval, $"{ex.Message} in '{Shorten(text)}'", locate(ex.Offset));
            value = null;
            return false;
        }
    }

    /// <summary>Parses a template once per load; null (with a diagnostic) on a syntax error.</summary>
    public ExpressionTemplate? Parse(string text, SourceLocation? at, bool quoted = false) => Parse(text, Locator(at, quoted));

    private ExpressionTemplate? Parse(string text, Func<int, SourceLocation?> locate)
    {
        if (_templates.TryGetValue(text, out var cached))
        {
            if (cached is null) ReportSyntax(text, locate); // same bad text at another place
            return cached;
        }
        ExpressionTemplate? t = null;
        try { t = ExpressionTemplate.Parse(text); }
        catch (ExpressionException) { }
        _templates[text] = t;
        if (t is null) ReportSyntax(text, locate);
        return t;
    }

    private void ReportSyntax(string text, Func<int, SourceLocation?> locate)
    {
        try { ExpressionTemplate.Parse(text); }
        catch (ExpressionException ex)
        {
            _diag.Error(DiagnosticCodes.ExpressionSyntax, $"bad expression: {ex.Message} in '{Shorten(text)}'", locate(ex.Offset));
        }
    }

    private static Func<int, SourceLocation?> Locator(YNode? at)
        => at is YScalar s ? s.LocationAt : Locator(at?.Location, quoted: false);

    // Moves a location to the character at an offset into the text (exact for single-line text).
    private static Func<int, SourceLocation?> Locator(SourceLocation? at, bool quoted) => offset =>
        at is null || at.Line == 0 ? at : at with { Column = at.Column + (quoted ? 1 : 0) + Math.Max(0, offset) };

    private static string Shorten(string text)
    {
        var t = text.ReplaceLineEndings(" ").Trim();
        return t.Length <= 80 ? t : t[..77] + "...";
    }
}
