namespace DvFlow.Tasks.Build;

/// <summary>
/// A NuGet package referenced by the flow project that brings flow packages and task assemblies: its
/// <c>dvflow/packages/&lt;name&gt;/</c> folders are importable by name, and the assemblies in
/// <c>dvflow/tasks/</c> implement their tasks.
/// </summary>
/// <param name="Id">The NuGet package id.</param>
/// <param name="Version">The restored version.</param>
/// <param name="PackagesDirectory">The package's <c>dvflow/packages</c> folder, or null when it has none.</param>
/// <param name="TaskAssemblies">The assemblies directly under <c>dvflow/tasks</c>.</param>
public sealed record FlowPlugin(string Id, string Version, string? PackagesDirectory, IReadOnlyList<string> TaskAssemblies)
{
    /// <summary>The folder of a plugin package holding everything DvFlow uses.</summary>
    public const string Folder = "dvflow";
    /// <summary>The folder (under <see cref="Folder"/>) holding one flow package per subfolder.</summary>
    public const string PackagesFolder = "packages";
    /// <summary>The folder (under <see cref="Folder"/>) holding the task assemblies.</summary>
    public const string TasksFolder = "tasks";
}
