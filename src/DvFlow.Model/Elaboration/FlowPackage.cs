using DvFlow.Model.Definitions;
using DvFlow.Model.Expressions;
using DvFlow.Model.Loading;
using DvFlow.TaskApi;

namespace DvFlow.Model.Elaboration;

/// <summary>
/// A package instance: its parameters with final values, its tasks and types (fragments, config
/// tasks and overrides merged), and the packages it imports. Built once per load by <see cref="FlowElaborator"/>.
/// </summary>
public sealed class FlowPackage
{
    internal readonly Dictionary<string, TaskDecl> TaskTable = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, TypeDecl> TypeTable = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, string> AliasTable = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, string> PackageOverrideTable = new(StringComparer.Ordinal);
    internal readonly List<TaskDecl> TaskOrder = new();

    internal FlowPackage(PackageSource source, string? config)
    {
        Source = source;
        ConfigName = config;
    }

    /// <summary>The files the package was read from.</summary>
    public PackageSource Source { get; }

    /// <summary>Fragments added by the selected config (<c>fragments:</c> of a config).</summary>
    internal List<FragmentSource> ConfigFragments { get; } = new();

    /// <summary>The package file, its fragments, then the selected config's fragments.</summary>
    public IEnumerable<FragmentSource> Files => Source.AllFiles.Concat(ConfigFragments);

    /// <summary>The package name.</summary>
    public string Name => Source.Name;

    /// <summary>The package file.</summary>
    public string FilePath => Source.Package.FilePath;

    /// <summary>The directory of the package file.</summary>
    public string BaseDir => Path.GetDirectoryName(FilePath) ?? "";

    /// <summary>Description.</summary>
    public string? Desc => Source.Package.Desc;

    /// <summary>The config applied to this package, if any.</summary>
    public string? ConfigName { get; }

    /// <summary>Parameters in declaration order.</summary>
    public IReadOnlyList<PackageParam> Params { get; internal set; } = [];

    /// <summary>Parameter values by name (what <c>${{ name }}</c> sees).</summary>
    public FlowMap ParamValues { get; internal set; } = FlowMap.Empty;

    /// <summary>Tasks by package-local name, including the names of overriding tasks.</summary>
    public IReadOnlyDictionary<string, TaskDecl> Tasks => TaskTable;

    /// <summary>Tasks in declaration order (each once).</summary>
    public IReadOnlyList<TaskDecl> OrderedTasks => TaskOrder;

    /// <summary>Types by package-local name.</summary>
    public IReadOnlyDictionary<string, TypeDecl> Types => TypeTable;

    /// <summary>Import aliases and imported names mapped to real package names.</summary>
    public IReadOnlyDictionary<string, string> Imports => AliasTable;

    /// <summary>Package substitutions from the config's <c>overrides:</c> (hdlsim → hdlsim.xcelium).</summary>
    public IReadOnlyDictionary<string, string> PackageOverrides => PackageOverrideTable;

    /// <inheritdoc />
    public override string ToString() => Name;
}
