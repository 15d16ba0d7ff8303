using System.Collections.Concurrent;
using System.Reflection;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime.CSharp;

/// <summary>
/// Resolves <c>shell: csharp</c> tasks and C# <c>uptodate:</c> checks against the build's task libraries.
/// Resolutions (and their errors) are cached for the life of the resolver, which is one build.
/// </summary>
public sealed class CSharpTaskResolver
{
    private readonly TaskLibrarySet _set;
    private readonly IReadOnlyList<string> _paths;
    private readonly ConcurrentDictionary<string, (Func<ITaskImplementation>? Factory, string? Error)> _tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (Func<UpToDateCtxt, Task<bool>>? Check, string? Error)> _checks = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver over the libraries at <paramref name="paths"/>.</summary>
    /// <param name="set">The build's loaded libraries.</param>
    /// <param name="paths">The library assemblies of this flow.</param>
    /// <param name="inlineCacheDir">Where compiled inline C# bodies are kept (the run root's .csharp-cache), or null to disallow inline C#.</param>
    public CSharpTaskResolver(TaskLibrarySet set, IReadOnlyList<string> paths, string? inlineCacheDir = null)
    {
        _set = set;
        _paths = paths;
        _inlineCacheDir = inlineCacheDir;
    }

    private readonly string? _inlineCacheDir;

    /// <summary>The implementation <paramref name="reference"/> names, or null with the reason.</summary>
    /// <param name="reference">The task's <c>run:</c>: a type or method reference, or inline C# statements.</param>
    /// <param name="runLocation">Where <c>run:</c> starts in the flow file, file(line,col), for errors in inline code.</param>
    /// <param name="error">Why there is no implementation.</param>
    public ITaskImplementation? ResolveTask(string reference, string? runLocation, out string? error)
    {
        var (factory, err) = InlineCSharp.IsInline(reference)
            ? _tasks.GetOrAdd(reference + "\0" + runLocation, _ => ResolveInline(reference, runLocation))
            : _tasks.GetOrAdd(reference.Trim(), ResolveTaskUncached);
        error = err;
        return factory?.Invoke();
    }

    /// <summary>The up-to-date check <paramref name="reference"/> names, or null with the reason.</summary>
    public Func<UpToDateCtxt, Task<bool>>? ResolveCheck(string reference, out string? error)
    {
        var (check, err) = _checks.GetOrAdd(reference.Trim(), ResolveCheckUncached);
        error = err;
        return check;
    }

    private (Func<ITaskImplementation>?, string?) ResolveInline(string body, string? runLocation)
        => _inlineCacheDir is null
            ? (null, "inline C# is not available here")
            : InlineCSharp.Resolve(body, runLocation, _inlineCacheDir, _set);

    private (Func<ITaskImplementation>?, string?) ResolveTaskUncached(string reference)
    {
        if (reference.Length == 0) return (null, "'shell: csharp' needs 'run:' naming a task: Namespace.Type (a FlowTask class) or Namespace.Type.Method");
        var assemblies = Assemblies(out var loadError);
        if (loadError is not null) return (null, loadError);
        if (CSharpReference.FindType(reference, assemblies) is { } type)
        {
            if (!typeof(FlowTask).IsAssignableFrom(type) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
                return (null, $"type '{type.FullName}' is not a class task (a non-abstract subclass of FlowTask<TParams> with a public parameterless constructor); a function task is referenced as Namespace.Type.Method");
            return (() => new CSharpClassTask(type), null);
        }
        var methods = CSharpReference.FindMethods(reference, assemblies, _paths, out var error);
        if (error is not null) return (null, error);
        var fit = methods.FirstOrDefault(CSharpFunctionTask.Fits);
        if (fit is null)
            return (null, $"method '{methods[0].DeclaringType?.FullName}.{methods[0].Name}' has the wrong signature for a function task: expected {CSharpFunctionTask.Signature.Replace("NAME", methods[0].Name)}");
        var task = new CSharpFunctionTask(fit);
        return (() => task, null);
    }

    private (Func<UpToDateCtxt, Task<bool>>?, string?) ResolveCheckUncached(string reference)
    {
        var assemblies = Assemblies(out var loadError);
        if (loadError is not null) return (null, loadError);
        var methods = CSharpReference.FindMethods(reference, assemblies, _paths, out var error);
        if (error is not null) return (null, error);
        var m = methods.FirstOrDefault(x => x.GetParameters() is [{ ParameterType: var p }] && p == typeof(UpToDateCtxt) && (x.ReturnType == typeof(Task<bool>) || x.ReturnType == typeof(bool)));
        if (m is null)
            return (null, $"method '{methods[0].DeclaringType?.FullName}.{methods[0].Name}' has the wrong signature for an up-to-date check: expected public static Task<bool> {methods[0].Name}(UpToDateCtxt ctxt)");
        if (m.ReturnType == typeof(bool))
        {
            var sync = m.CreateDelegate<Func<UpToDateCtxt, bool>>();
            return (c => Task.FromResult(sync(c)), null);
        }
        return (m.CreateDelegate<Func<UpToDateCtxt, Task<bool>>>(), null);
    }

    private IReadOnlyList<Assembly> Assemblies(out string? error) => _set.Load(_paths, out error);
}
