using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Model.Elaboration;

/// <summary>
/// The names every expression can see besides parameters: <c>env</c>, <c>srcdir</c>, <c>rootdir</c>,
/// <c>root</c>, and other packages' parameters as <c>pkg.param</c> (or through an import alias).
/// </summary>
internal sealed class GlobalNames(Func<string, FlowPackage?> packages, FlowMap env, string projectRoot, string rootFile)
{
    public FlowMap Env => env;
    public string ProjectRoot => projectRoot;
    public string RootFile => rootFile;

    public bool TryResolve(FlowPackage pkg, string srcdir, string name, out object? value)
    {
        switch (name)
        {
            case "env": value = env; return true;
            case "srcdir": value = srcdir; return true;
            case "rootdir": value = projectRoot; return true;
            case "root": value = rootFile; return true;
        }
        var dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            var pkgName = name[..dot];
            if (pkg.Imports.TryGetValue(pkgName, out var real)) pkgName = real;
            if (packages(pkgName) is { } other && other.ParamValues.TryGetValue(name[(dot + 1)..], out value))
                return true;
        }
        else
        {
            var pkgName = pkg.Imports.TryGetValue(name, out var aliased) ? aliased : name;
            if (packages(pkgName) is { ParamValues.Count: > 0 } p)
            {
                value = p.ParamValues; // pkg.param through member access
                return true;
            }
        }
        value = null;
        return false;
    }
}
