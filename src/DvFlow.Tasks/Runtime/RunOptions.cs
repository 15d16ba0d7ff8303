namespace DvFlow.Tasks.Runtime;

/// <summary>How a build runs its nodes.</summary>
public sealed record RunOptions
{
    /// <summary>Run every node, ignoring up-to-date checks (Rebuild).</summary>
    public bool Force { get; init; }
    /// <summary>Nodes that run whatever their records say: <c>dotnet test</c>'s tests, whose results must come from this run.</summary>
    public IReadOnlySet<string> Rerun { get; init; } = new HashSet<string>();
    /// <summary>Identifies one build across its MSBuild project instances; a node that already ran in this session is not run again.</summary>
    public string? Session { get; init; }
    /// <summary>How many processes a task may run at once (ExecParallel).</summary>
    public int MaxParallel { get; init; } = Environment.ProcessorCount;
    /// <summary>The environment processes start from; null means this process's environment.</summary>
    public IReadOnlyDictionary<string, string?>? BaseEnvironment { get; init; }
}
