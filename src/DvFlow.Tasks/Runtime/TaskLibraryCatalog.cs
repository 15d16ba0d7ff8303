using System.Reflection;
using System.Runtime.Loader;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime;

/// <summary>
/// Finds the task libraries installed next to DvFlow.Tasks.dll: assemblies named <c>DvFlow.*.dll</c>
/// carrying <see cref="TaskLibraryAttribute"/>, and the flow packages under the <c>packages</c> folder.
/// This is the seam a NuGet plugin mechanism will later feed with other directories.
/// </summary>
public static class TaskLibraryCatalog
{
    /// <summary>Folder (beside the task assembly) holding the flow packages of installed libraries, one package per subfolder.</summary>
    public const string PackagesFolder = "packages";

    /// <summary>The directory holding DvFlow.Tasks.dll.</summary>
    public static string TaskDirectory => Path.GetDirectoryName(typeof(TaskLibraryCatalog).Assembly.Location) ?? AppContext.BaseDirectory;

    /// <summary>The directory holding the flow packages of installed libraries.</summary>
    public static string PackagesDirectory(string? taskDirectory = null) => Path.Combine(taskDirectory ?? TaskDirectory, PackagesFolder);

    /// <summary>Loads the libraries found in <paramref name="directory"/> (default: the task directory). Problems are reported, not thrown.</summary>
    public static IReadOnlyList<ITaskLibrary> Load(string? directory, Action<string> problem)
    {
        directory ??= TaskDirectory;
        var libraries = new List<ITaskLibrary>();
        if (!Directory.Exists(directory)) return libraries;
        var own = typeof(TaskLibraryCatalog).Assembly;
        // Load into the context that loaded DvFlow.Tasks so the library binds to this very copy of the API
        // (MSBuild gives each task assembly its own load context).
        var context = AssemblyLoadContext.GetLoadContext(own) ?? AssemblyLoadContext.Default;
        foreach (var path in Directory.EnumerateFiles(directory, "DvFlow.*.dll").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            // DvFlow.CSharp (the inline C# compiler) is loaded on demand: it pulls in Roslyn.
            if (name is "DvFlow.Tasks" or "DvFlow.Model" or "DvFlow.CSharp") continue;
            try
            {
                var asm = context.Assemblies.FirstOrDefault(a => a.GetName().Name == name) ?? context.LoadFromAssemblyPath(path);
                foreach (var attr in asm.GetCustomAttributes<TaskLibraryAttribute>())
                {
                    if (Activator.CreateInstance(attr.LibraryType) is ITaskLibrary lib) libraries.Add(lib);
                    else problem($"{path}: {attr.LibraryType} does not implement ITaskLibrary");
                }
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or TypeLoadException or MissingMethodException or TargetInvocationException)
            {
                problem($"{path}: cannot load task library: {ex.Message}");
            }
        }
        return libraries;
    }
}
