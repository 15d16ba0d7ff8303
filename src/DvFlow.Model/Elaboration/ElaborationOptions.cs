using DvFlow.Model.Loading;

namespace DvFlow.Model.Elaboration;

/// <summary>What to load and how: the registry of installed packages, the config and parameter overrides.</summary>
public sealed record ElaborationOptions
{
    /// <summary>The project root: the second place relative imports are looked up. Defaults to the root flow file's directory.</summary>
    public string? ProjectRoot { get; init; }

    /// <summary>Installed packages (plugins, search paths, package maps).</summary>
    public IPackageRegistry Registry { get; init; } = PackageRegistry.Empty;

    /// <summary>The config to select in the root package (<c>-p:Config=NAME</c>); null selects <c>default</c> when present.</summary>
    public string? Config { get; init; }

    /// <summary>
    /// Parameter overrides in dfm's <c>-D</c> form: <c>name=value</c> (a package parameter, or any task
    /// parameter of that name), <c>pkg.name=value</c>, or <c>task.param=value</c> / <c>pkg.task.param=value</c>.
    /// </summary>
    public IReadOnlyList<string> ParameterOverrides { get; init; } = [];

    /// <summary>Environment variables visible as <c>${{ env.NAME }}</c>; null means the process environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}
