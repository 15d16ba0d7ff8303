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

    /// <summary>Loads the flow with the task's settings.</summary>
    protected DvFlow.Model.Elaboration.FlowModel LoadFlow(IReadOnlyList<string> overrides, DvFlow.Model.Loading.PackageRegistry registry)
        => DvFlow.Model.Elaboration.FlowLoader.Load(FlowFile, new DvFlow.Model.Elaboration.FlowLoadOptions
        {
            Config = SelectedConfig,
            ParameterOverrides = overrides,
            Registry = registry,
            ProjectRoot = ProjectDirectory,
        });
}
