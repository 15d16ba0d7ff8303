using DvFlow.Model.Elaboration;
using DvFlow.Model.Loading;
using DvFlow.Tasks.Runtime;
using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>Loads a flow from MSBuild task parameters: file, config, parameter overrides, package search paths and maps.</summary>
internal static class FlowSession
{
    /// <summary>Collects -D style overrides from the DvFlowDefines list and from global properties named D_name (dots written as "__").</summary>
    public static List<string> Overrides(string? defines, IBuildEngine engine)
    {
        var list = new List<string>();
        if (!string.IsNullOrWhiteSpace(defines))
            list.AddRange(defines.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (engine is IBuildEngine6 e6)
            foreach (var (k, v) in e6.GetGlobalProperties().OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase))
                if (k.StartsWith("D_", StringComparison.OrdinalIgnoreCase) && k.Length > 2)
                    list.Add(k[2..].Replace("__", ".") + "=" + v);
        return list;
    }

    /// <summary>
    /// The packages a flow can import, first found first: the project's package paths and map files, the
    /// <c>DV_FLOW_PATH</c> directories, then the packages of NuGet plugin packages.
    /// </summary>
    public static PackageRegistry Registry(ITaskItem[]? packagePaths, ITaskItem[]? packageMaps, IReadOnlyList<FlowPlugin> plugins, Action<string> warn)
    {
        var reg = new PackageRegistry();
        foreach (var m in packageMaps ?? [])
            foreach (var problem in reg.AddMapFile(m.GetMetadata("FullPath")))
                warn(problem);
        foreach (var p in packagePaths ?? [])
        {
            var path = p.GetMetadata("FullPath");
            var file = FlowFileLocator.Locate(path);
            var name = p.GetMetadata("PackageName");
            // A flow file names its package itself (a referenced flow project's flow file, say).
            if (file is not null && name.Length == 0 && File.Exists(path)) name = FlowFileLocator.PeekPackageName(file) ?? "";
            if (file is not null && name.Length > 0) reg.Add(name, file);
            else reg.AddSearchDirectory(path);
        }
        var env = Environment.GetEnvironmentVariable("DV_FLOW_PATH");
        if (!string.IsNullOrEmpty(env))
            foreach (var dir in env.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                reg.AddSearchDirectory(dir);
        // Plugins come last, so a project can shadow a plugin's package with its own copy.
        foreach (var plugin in plugins)
            if (plugin.PackagesDirectory is not null) reg.AddSearchDirectory(plugin.PackagesDirectory);
        return reg;
    }
}
