using System.Reflection;
using System.Text.Json;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Graph;
using DvFlow.Model.Values;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime.CSharp;

/// <summary>
/// Runs C# generators (<c>strategy: generate: {shell: csharp, run: ...}</c>) while the flow is translated: a
/// public static method <c>void|Task Name(GeneratorCtxt ctxt, GeneratorInput input)</c> in a task library or
/// plugin assembly, or inline C# statements. What they create, report and read goes back to the graph builder;
/// failures become DVF4003 errors at the generator's <c>run:</c> (or at the line of user code that threw).
/// </summary>
public sealed class CSharpGeneratorHost : ITaskGeneratorHost
{
    private readonly TaskLibrarySet _set;
    private readonly IReadOnlyList<string> _libraries;
    private readonly string _inlineCacheDir;

    /// <summary>Creates a host over the task library assemblies <paramref name="libraries"/>.</summary>
    /// <param name="set">Where the libraries are loaded.</param>
    /// <param name="libraries">The flow's task library and plugin assemblies.</param>
    /// <param name="inlineCacheDir">Where compiled inline generators are kept.</param>
    public CSharpGeneratorHost(TaskLibrarySet set, IReadOnlyList<string> libraries, string inlineCacheDir)
    {
        _set = set;
        _libraries = libraries;
        _inlineCacheDir = inlineCacheDir;
    }

    /// <summary>The signature a generator method must have.</summary>
    public const string Signature = "public static void NAME(GeneratorCtxt ctxt, GeneratorInput input) (or async Task)";

    /// <inheritdoc />
    public GeneratorResult Generate(GeneratorRequest request)
    {
        var gen = request.Generate;
        var at = gen.Location;
        var runLocation = at.ToString();
        if (gen.Shell is { } shell && shell != "csharp")
            return Failed(at, $"the generator of task '{request.TaskName}' uses 'shell: {shell}'; generators here are C#: write 'shell: csharp' with 'run: Namespace.Type.Method' or inline C# statements");

        MethodInfo? method;
        var inline = InlineCSharp.IsInline(gen.Run);
        if (inline)
        {
            var (run, errors, problem) = InlineCSharp.Compile(gen.Run, runLocation, _inlineCacheDir, _set, InlineKind.Generator);
            if (errors.Count > 0) return new GeneratorResult([], [], errors.Select(m => ToDiagnostic(m, at)).ToList());
            if (run is null) return Failed(at, $"the inline generator of task '{request.TaskName}' cannot be compiled: {problem}");
            method = run;
        }
        else
        {
            method = Resolve(gen.Run.Trim(), out var error);
            if (method is null) return Failed(at, $"the generator of task '{request.TaskName}': {error}");
        }

        var ctxt = new GeneratorCtxt(request.TaskName, request.SrcDir, request.RunDir);
        var input = new GeneratorInput(request.TaskName, request.RunDir, request.SrcDir, request.Params);
        var what = inline ? "the inline generator" : $"generator {method.DeclaringType?.FullName}.{method.Name}";
        try
        {
            if (method.Invoke(null, [ctxt, input]) is Task task) task.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var marker = UserCodeError.Marker(what, ex);
            if (inline) marker = InlineCSharp.ToFlowFile(marker, runLocation);
            return new GeneratorResult([], ctxt.InputFiles, [ToDiagnostic(marker, at)]);
        }

        var diagnostics = ctxt.Markers.Select(m => ToDiagnostic(m, at)).ToList();
        var tasks = new List<GeneratedTaskSpec>();
        foreach (var t in ctxt.Tasks)
        {
            if (!TryValues(t, out var values, out var problem))
            {
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.Generator, $"{what} created task '{t.Name}' with {problem}", at));
                continue;
            }
            tasks.Add(new GeneratedTaskSpec(t.Name, t.Uses, values, t.Needs));
        }
        return new GeneratorResult(tasks, ctxt.InputFiles, diagnostics);
    }

    private MethodInfo? Resolve(string reference, out string? error)
    {
        var assemblies = _set.Load(_libraries, out error);
        if (error is not null) return null;
        var methods = CSharpReference.FindMethods(reference, assemblies, _libraries, out error);
        if (error is not null) return null;
        var fit = methods.FirstOrDefault(m => m.GetParameters() is [{ ParameterType: var a }, { ParameterType: var b }]
            && a == typeof(GeneratorCtxt) && b == typeof(GeneratorInput) && (m.ReturnType == typeof(void) || m.ReturnType == typeof(Task)));
        if (fit is null) error = $"method '{methods[0].DeclaringType?.FullName}.{methods[0].Name}' has the wrong signature for a generator: expected {Signature.Replace("NAME", methods[0].Name)}";
        return fit;
    }

    // Parameter values go through JSON so that anything the generator wrote (arrays, lists, anonymous objects,
    // ints, enums as numbers) arrives as the flow values the model types and checks.
    private static bool TryValues(GeneratedTask t, out IReadOnlyList<KeyValuePair<string, object?>> values, out string? problem)
    {
        var list = new List<KeyValuePair<string, object?>>();
        values = list;
        problem = null;
        foreach (var (name, value) in t.With)
        {
            try { list.Add(new(name, JsonValues.FromElement(JsonSerializer.SerializeToElement(value)))); }
            catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
            {
                problem = $"a value for parameter '{name}' that is not a string, number, bool, list or map ({value?.GetType().Name}): {ex.Message}";
                return false;
            }
        }
        return true;
    }

    private static GeneratorResult Failed(SourceLocation at, string message)
        => new([], [], [new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.Generator, message, at)]);

    private static Diagnostic ToDiagnostic(TaskMarker m, SourceLocation at)
    {
        var severity = m.Severity switch
        {
            MarkerSeverity.Error => DiagnosticSeverity.Error,
            MarkerSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };
        var location = m.Path is { Length: > 0 } path ? new SourceLocation(path, Math.Max(m.Line, 0), Math.Max(m.Column, 0)) : at;
        return new Diagnostic(severity, m.Code ?? DiagnosticCodes.Generator, m.Message, location);
    }
}
