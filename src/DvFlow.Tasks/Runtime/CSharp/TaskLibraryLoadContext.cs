using System.Reflection;
using System.Runtime.Loader;

namespace DvFlow.Tasks.Runtime.CSharp;

/// <summary>
/// Loads one user task library assembly. The task API (DvFlow.TaskApi, DvFlow.Tasks and whatever else the
/// SDK's context already holds) resolves to the SDK's own copies, so user types bind to the very API types
/// the runner uses; the library's private dependencies come from its own folder.
/// </summary>
/// <remarks>
/// A context of its own per library file version (rather than the SDK's context itself) lets a rebuilt
/// library load again in an MSBuild node that is reused across builds: one context cannot hold two
/// assemblies of the same name. Contexts are collectible so old versions can be freed.
/// </remarks>
internal sealed class TaskLibraryLoadContext(string path, AssemblyLoadContext sdk)
    : AssemblyLoadContext("DvFlow task library " + Path.GetFileName(path), isCollectible: true)
{
    private readonly string _dir = Path.GetDirectoryName(path)!;

    /// <summary>The folder below a library's folder that may hold its private dependencies.</summary>
    public const string DependenciesFolder = "lib";

    protected override Assembly? Load(AssemblyName name)
    {
        var shared = sdk.Assemblies.FirstOrDefault(a => a.GetName().Name == name.Name);
        if (shared is not null) return shared;
        var sdkDir = Path.GetDirectoryName(typeof(TaskLibraryLoadContext).Assembly.Location);
        if (sdkDir is not null && File.Exists(Path.Combine(sdkDir, name.Name + ".dll")))
            return sdk.LoadFromAssemblyName(name);
        // Private dependencies sit beside the library, or in lib/ below it (plugin packages keep only task libraries at the top).
        foreach (var local in new[] { Path.Combine(_dir, name.Name + ".dll"), Path.Combine(_dir, DependenciesFolder, name.Name + ".dll") })
            if (File.Exists(local)) return LoadFromAssemblyPath(local);
        // Framework assemblies fall through to the default context.
        return null;
    }
}
