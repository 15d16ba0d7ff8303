using System.Reflection;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime;

/// <summary>
/// Finds the <see cref="ITaskLibrary"/> implementations of loaded task assemblies (plugin packages and the
/// project's own libraries): each assembly names its libraries with <see cref="TaskLibraryAttribute"/>.
/// </summary>
public static class TaskLibraryCatalog
{
    /// <summary>The directory holding DvFlow.Tasks.dll (and the SDK's other assemblies).</summary>
    public static string TaskDirectory => Path.GetDirectoryName(typeof(TaskLibraryCatalog).Assembly.Location) ?? AppContext.BaseDirectory;

    /// <summary>The libraries declared by <paramref name="assemblies"/>. Problems are reported, not thrown.</summary>
    public static IReadOnlyList<ITaskLibrary> FromAssemblies(IEnumerable<Assembly> assemblies, Action<string> problem)
    {
        var libraries = new List<ITaskLibrary>();
        foreach (var asm in assemblies)
        {
            try
            {
                foreach (var attr in asm.GetCustomAttributes<TaskLibraryAttribute>())
                {
                    if (Activator.CreateInstance(attr.LibraryType) is ITaskLibrary lib) libraries.Add(lib);
                    else problem($"{asm.Location}: {attr.LibraryType} does not implement ITaskLibrary");
                }
            }
            catch (Exception ex) when (ex is FileLoadException or FileNotFoundException or TypeLoadException or MissingMethodException or TargetInvocationException)
            {
                problem($"{asm.GetName().Name}: cannot load its task library: {ex.Message}");
            }
        }
        return libraries;
    }
}
