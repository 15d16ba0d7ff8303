using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Elaboration;

/// <summary>
/// The result of loading a flow: every package instance (root first), the diagnostics, and the files
/// the result depends on. When <see cref="HasErrors"/> is true the model is incomplete: a graph can still be
/// built from it (for listing and further diagnostics), but it carries the errors and must not run.
/// </summary>
public sealed class FlowModel
{
    internal FlowModel(FlowPackage? root, IReadOnlyDictionary<string, FlowPackage> packages, IReadOnlyList<Diagnostic> diagnostics,
        IReadOnlyCollection<string> inputFiles, IReadOnlyList<ParameterOverride> overrides, IReadOnlyDictionary<string, TaskDecl> substitutions,
        GlobalNames globals)
    {
        Root = root;
        Packages = packages;
        Diagnostics = diagnostics;
        InputFiles = inputFiles;
        Overrides = overrides;
        Substitutions = substitutions;
        Globals = globals;
    }

    /// <summary>The root package, or null when the root file could not be loaded.</summary>
    public FlowPackage? Root { get; }

    /// <summary>All package instances by name.</summary>
    public IReadOnlyDictionary<string, FlowPackage> Packages { get; }

    /// <summary>Errors and warnings found while loading.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when an error was found.</summary>
    public bool HasErrors => Root is null || Diagnostics.Any(d => d.IsError);

    /// <summary>Every flow file read and directory searched: when one changes, the flow must be reloaded.</summary>
    public IReadOnlyCollection<string> InputFiles { get; }

    /// <summary>The command-line parameter overrides, kept for task parameters (applied when the graph is built).</summary>
    public IReadOnlyList<ParameterOverride> Overrides { get; }

    /// <summary>Task substitutions from qualified <c>override:</c> entries: the replaced task's full name to its replacement.</summary>
    public IReadOnlyDictionary<string, TaskDecl> Substitutions { get; }

    internal GlobalNames Globals { get; }

    /// <summary>The environment the flow was evaluated with (<c>${{ env.NAME }}</c>).</summary>
    public IReadOnlyDictionary<string, object?> Environment => Globals.Env;

    /// <summary>The project root directory.</summary>
    public string ProjectRoot => Globals.ProjectRoot;

    /// <summary>The root flow file.</summary>
    public string RootFile => Globals.RootFile;
}
