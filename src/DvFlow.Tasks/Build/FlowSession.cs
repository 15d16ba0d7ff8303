using DvFlow.Model.Elaboration;
using DvFlow.Model.Loading;
using DvFlow.Tasks.Runtime;
using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>Loads a flow from MSBuild task parameters: file, config, parameter overrides, package search paths and maps.</summary>
internal static class FlowSession
{
    /// <summary>
    /// Collects -D style overrides (<c>name=value</c>) from DvFlowDefines and from global properties named D_name (dots
    /// written as "__"). On the command line both are read as typed and decoded alike (<see cref="CommandLineProperty"/>):
    /// DvFlowDefines splits at ';' and line breaks, then each value is decoded exactly as a D_ value is, and no value is
    /// trimmed. A DvFlowDefines set in a project file arrives as MSBuild evaluated it (its escapes already decoded).
    /// </summary>
    public static List<string> Overrides(string? defines, IBuildEngine engine)
    {
        var list = new List<string>();
        var typed = CommandLineProperty.Raw(engine, "DvFlowDefines");
        var text = typed ?? defines;
        if (!string.IsNullOrEmpty(text))
            foreach (var entry in text.Split([';', '\n', '\r']).Where(e => !string.IsNullOrWhiteSpace(e)))
            {
                var eq = entry.IndexOf('=');
                if (typed is null) list.Add(entry.Trim()); // a project file's layout: entries on their own indented lines
                else list.Add(eq < 0 ? entry : entry[..eq] + "=" + CommandLineProperty.Unescape(entry[(eq + 1)..]));
            }
        foreach (var (k, v) in CommandLineProperty.WithPrefix(engine, "D_"))
            list.Add(k[2..].Replace("__", ".") + "=" + CommandLineProperty.Unescape(v));
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
