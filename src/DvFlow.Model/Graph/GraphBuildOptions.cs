namespace DvFlow.Model.Graph;

/// <summary>Options for building a task graph.</summary>
public sealed record GraphBuildOptions
{
    /// <summary>The absolute run root; defaults to <c>rundir</c> beside the root flow file, as in dfm.</summary>
    public string? RunRoot { get; init; }

    /// <summary>Runs <c>strategy.generate</c> generators; without one, generating tasks get a warning and no generated subtasks.</summary>
    public ITaskGeneratorHost? Generators { get; init; }
}
