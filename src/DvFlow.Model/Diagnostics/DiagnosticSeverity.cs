namespace DvFlow.Model.Diagnostics;

/// <summary>How serious a diagnostic is. Errors stop the graph from being built; warnings do not.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Informational note.</summary>
    Info,
    /// <summary>Something suspicious that does not stop the build.</summary>
    Warning,
    /// <summary>A problem that makes the flow unusable.</summary>
    Error,
}
