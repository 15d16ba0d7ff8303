namespace DvFlow.Model.Diagnostics;

/// <summary>
/// One problem found in a flow: a code (DVFnnnn), a message and, where known, the source position.
/// <see cref="ToString"/> renders the canonical MSBuild form so that the IDE and CI logs can link to it.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, SourceLocation? Location)
{
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string ToString()
    {
        var sev = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return Location is null ? $"{sev} {Code}: {Message}" : $"{Location}: {sev} {Code}: {Message}";
    }
}
