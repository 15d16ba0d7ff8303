using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>
/// The settings that decide what flow is loaded, shared by the tasks that load one: the config,
/// parameter overrides and package search locations.
/// </summary>
public abstract class FlowSettingsTask : Microsoft.Build.Utilities.Task
{
    /// <summary>The config to select (<c>-p:Config=NAME</c>).</summary>
    public string? Config { get; set; }
    /// <summary>Parameter overrides, <c>name=value</c> separated by semicolons.</summary>
    public string? Defines { get; set; }
    /// <summary>Package directories, or flow files with PackageName metadata.</summary>
    public ITaskItem[]? PackagePaths { get; set; }
    /// <summary>Package map files.</summary>
    public ITaskItem[]? PackageMaps { get; set; }
    /// <summary>The flow projects this one references (<c>DvFlowReferencedFlow</c>: their flow files): their root packages are importable by name.</summary>
    public ITaskItem[]? FlowReferences { get; set; }
    /// <summary>NuGet's <c>project.assets.json</c> of the flow project: its packages with a <c>dvflow/</c> folder are plugins.</summary>
    public string? ProjectAssetsFile { get; set; }

    private IReadOnlyList<FlowPlugin>? _plugins;

    /// <summary>The plugin packages NuGet restored for the project.</summary>
    protected IReadOnlyList<FlowPlugin> Plugins(bool quiet = false)
        => _plugins ??= NuGetPlugins.Read(ProjectAssetsFile, quiet ? _ => { } : Warn);

    /// <summary>The selected config, or null.</summary>
    protected string? SelectedConfig => string.IsNullOrWhiteSpace(Config) ? null : Config.Trim();

    /// <summary>The overrides from <see cref="Defines"/> and D_* global properties.</summary>
    protected List<string> CollectOverrides() => FlowSession.Overrides(Defines, BuildEngine);

    /// <summary>
    /// With DvFlowDefines on the command line, the other global properties that may be pieces MSBuild split off it at a
    /// ';' (bash drops the quotes that would have kept <c>"a=1;b=2"</c> whole, leaving a property <c>b</c>): as
    /// <c>name=value</c>. Translation reports one that names a parameter; its fingerprint holds them all, so adding one
    /// translates again and is checked.
    /// </summary>
    protected List<string> CollectSplitOffDefines()
        => CommandLineProperty.Raw(BuildEngine, "DvFlowDefines") is null ? []
            : CommandLineProperty.WithPrefix(BuildEngine, "")
                .Where(g => !g.Name.StartsWith("D_", StringComparison.OrdinalIgnoreCase) && !g.Name.StartsWith("DvFlow", StringComparison.OrdinalIgnoreCase)
                            && !g.Name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) && !g.Name.StartsWith('_'))
                .Select(g => g.Name + "=" + g.Value).ToList();

    /// <summary>The package registry; problems in map files are warnings (or silent when <paramref name="quiet"/>).</summary>
    protected DvFlow.Model.Loading.PackageRegistry CollectRegistry(bool quiet = false)
        => FlowSession.Registry([.. FlowReferences ?? [], .. PackagePaths ?? []], PackageMaps, Plugins(quiet), quiet ? _ => { } : Warn);

    /// <summary>Where problems with package sources point (the flow file, once known): never the SDK's own targets.</summary>
    protected virtual string? DiagnosticFile => null;

    private void Warn(string problem) => DiagnosticLogging.Warning(Log, DiagnosticFile is { } f ? DvFlow.Model.Diagnostics.SourceLocation.OfFile(f) : null, "DVF0009", problem);
}
