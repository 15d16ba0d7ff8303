namespace DvFlow.Model.Diagnostics;

/// <summary>Collects diagnostics while loading and elaborating a flow. Not thread-safe: one per load.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();
    private readonly HashSet<Diagnostic> _seen = new();

    /// <summary>All diagnostics in the order they were reported (duplicates dropped).</summary>
    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>True when at least one error was reported.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>Adds a diagnostic unless an identical one was already reported.</summary>
    public void Add(Diagnostic d)
    {
        if (!_seen.Add(d)) return;
        _items.Add(d);
        if (d.IsError) HasErrors = true;
    }

    /// <summary>Reports an error.</summary>
    public void Error(string code, string message, SourceLocation? at) => Add(new Diagnostic(DiagnosticSeverity.Error, code, message, at));

    /// <summary>Reports a warning.</summary>
    public void Warning(string code, string message, SourceLocation? at) => Add(new Diagnostic(DiagnosticSeverity.Warning, code, message, at));
}
