namespace DvFlow.Model.Graph;

/// <summary>Options for building a task graph.</summary>
public sealed record GraphBuildOptions
{
    /// <summary>The absolute run root; defaults to <c>rundir</c> beside the root flow file, as in dfm.</summary>
    public string? RunRoot { get; init; }
}
