using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>A task that loads the project's flow: the flow file, project directory and run root besides the settings.</summary>
public abstract class FlowLoadingTask : FlowSettingsTask
{
    /// <summary>The root flow file.</summary>
    [Required] public string FlowFile { get; set; } = "";
    /// <summary>The project directory.</summary>
    [Required] public string ProjectDirectory { get; set; } = "";
    /// <summary>The run root directory.</summary>
    [Required] public string RunRoot { get; set; } = "";

    /// <inheritdoc />
    protected override string? DiagnosticFile => FlowFile;

    /// <summary>User task library assemblies (<c>DvFlowTaskLibrary</c> items and built <c>ProjectReference</c>s): generators run from them.</summary>
    public ITaskItem[] TaskLibraries { get; set; } = [];

    /// <summary>How the graph is built: the run root, and a host that runs C# generators from the task libraries and plugins.</summary>
    protected DvFlow.Model.Graph.GraphBuildOptions GraphOptions()
    {
        var libraries = TaskLibraries.Select(i => i.GetMetadata("FullPath"))
            .Concat(Plugins(quiet: true).SelectMany(p => p.TaskAssemblies))
            .Distinct(StringComparer.Ordinal).ToList();
        var host = new Runtime.CSharp.CSharpGeneratorHost(BuildCaches.TaskLibraries(BuildEngine4), libraries,
            Path.Combine(RunRoot, Runtime.CSharp.InlineCSharp.CacheFolder));
        return new DvFlow.Model.Graph.GraphBuildOptions { RunRoot = RunRoot, Generators = host };
    }

    /// <summary>Loads the flow with the task's settings.</summary>
    protected DvFlow.Model.Elaboration.FlowModel LoadFlow(IReadOnlyList<string> overrides, DvFlow.Model.Loading.PackageRegistry registry)
        => DvFlow.Model.Elaboration.FlowElaborator.Elaborate(FlowFile, new DvFlow.Model.Elaboration.ElaborationOptions
        {
            Config = SelectedConfig,
            ParameterOverrides = overrides,
            Registry = registry,
            ProjectRoot = ProjectDirectory,
        });
}
