namespace DvFlow.TaskApi;

/// <summary>Marks an assembly as a task library and names its <see cref="ITaskLibrary"/> type (which needs a public parameterless constructor).</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class TaskLibraryAttribute(Type libraryType) : Attribute
{
    /// <summary>The type implementing <see cref="ITaskLibrary"/>.</summary>
    public Type LibraryType { get; } = libraryType;
}
