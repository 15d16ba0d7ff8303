using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Graph;

/// <summary>What a generator produced.</summary>
/// <param name="Tasks">The tasks it created, in order.</param>
/// <param name="InputFiles">Files the generator read (a test list, say): the graph is stale when one changes.</param>
/// <param name="Diagnostics">Its errors and warnings; an error fails the graph.</param>
public sealed record GeneratorResult(IReadOnlyList<GeneratedTaskSpec> Tasks, IReadOnlyList<string> InputFiles, IReadOnlyList<Diagnostic> Diagnostics);
