using DvFlow.Model.Dataflow;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime;

/// <summary>What running (or skipping) a node produced.</summary>
public sealed record NodeOutcome(bool Success, IReadOnlyList<DataItem> Output, bool Changed, bool Skipped, string Reason, string? LogFile);
