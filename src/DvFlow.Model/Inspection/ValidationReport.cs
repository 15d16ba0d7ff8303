using System.Text;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;

namespace DvFlow.Model.Inspection;

/// <summary>The summary dfm's <c>validate</c> prints: the root package's counts, the errors and warnings, and the verdict.</summary>
public static class ValidationReport
{
    /// <summary>The report of <paramref name="model"/> with the <paramref name="diagnostics"/> its validation found.</summary>
    public static string Format(FlowModel model, IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        var warnings = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
        var sb = new StringBuilder();
        if (model.Root is { } root)
        {
            sb.AppendLine($"Package: {root.Name}");
            sb.AppendLine($"  Tasks: {root.OrderedTasks.Count}");
            sb.AppendLine($"  Types: {root.Types.Count}");
            sb.AppendLine();
        }
        if (errors.Count > 0)
        {
            sb.AppendLine($"Errors ({errors.Count}):");
            foreach (var e in errors) sb.AppendLine($"  ERROR: {e.Message}{(e.Location is null ? "" : $" [{e.Location.File}:{e.Location.Line}]")}");
            sb.AppendLine();
        }
        if (warnings.Count > 0)
        {
            sb.AppendLine($"Warnings ({warnings.Count}):");
            foreach (var w in warnings) sb.AppendLine($"  WARNING: {w.Message}");
            sb.AppendLine();
        }
        sb.Append(errors.Count == 0
            ? $"✓ Validation passed{(warnings.Count > 0 ? $" ({warnings.Count} warning(s))" : "")}"
            : $"✗ Validation failed with {errors.Count} error(s)");
        return sb.ToString();
    }
}
