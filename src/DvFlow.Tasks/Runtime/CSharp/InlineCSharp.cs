using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime.CSharp;

/// <summary>
/// Inline C# (<c>shell: csharp</c> with statements in <c>run:</c>): compiled once per body by DvFlow.CSharp
/// (Roslyn) into <c>&lt;run root&gt;/.csharp-cache/inline_HASH.dll</c>, then run like a function task with
/// <c>ctxt</c> and <c>input</c> in scope. Compile errors and exceptions point at the flow file.
/// </summary>
internal static partial class InlineCSharp
{
    /// <summary>The folder under the run root holding compiled inline bodies.</summary>
    public const string CacheFolder = ".csharp-cache";

    [GeneratedRegex(@"^\s*[A-Za-z_]\w*(\.[A-Za-z_][\w+]*)*(\s*,\s*[A-Za-z_][\w.]*)?\s*$")]
    private static partial Regex ReferenceForm();

    /// <summary>True when <paramref name="run"/> is code rather than a type or method reference.</summary>
    public static bool IsInline(string run) => !ReferenceForm().IsMatch(run);

    public static (Func<ITaskImplementation>?, string?) Resolve(string body, string? runLocation, string cacheDir, TaskLibrarySet set)
    {
        var (run, errors, problem) = Compile(body, runLocation, cacheDir, set, InlineKind.Task);
        if (errors.Count > 0) return (() => new FailingTask(errors), null);
        if (run is null) return (null, problem);
        var task = new CSharpFunctionTask(run, "inline C#", new BodyMap(runLocation).ToFlowFile);
        return (() => task, null);
    }

    /// <summary>
    /// The compiled body's <c>DvFlowInline.Run</c>, compiling it into the cache first when needed; or its compile
    /// errors (located in the flow file); or why it could not be compiled or loaded.
    /// </summary>
    public static (MethodInfo? Run, IReadOnlyList<TaskMarker> Errors, string? Problem) Compile(string body, string? runLocation, string cacheDir, TaskLibrarySet set, InlineKind kind)
    {
        var map = new BodyMap(runLocation);
        var dll = Path.Combine(cacheDir, $"inline_{Hash(body, kind)}.dll");
        if (!File.Exists(dll))
        {
            var compiler = LoadCompiler(out var loadError);
            if (compiler is null) return (null, [], loadError);
            var errors = compiler.Compile(body, dll, References(), kind).Where(m => m.Severity == MarkerSeverity.Error).Select(map.ToFlowFile).ToList();
            if (errors.Count > 0) return (null, errors, null);
        }
        var problems = new List<string>();
        var asm = set.Load([dll], problems).FirstOrDefault();
        var run = asm?.GetType("DvFlowInline")?.GetMethod("Run", BindingFlags.Public | BindingFlags.Static);
        return run is null
            ? (null, [], problems.FirstOrDefault() ?? $"compiled inline C# '{dll}' has no DvFlowInline.Run (delete the {CacheFolder} folder)")
            : (run, [], null);
    }

    /// <summary>Maps a marker of the compiled body (file 'inline.cs') to the flow file position of <c>run:</c>.</summary>
    public static TaskMarker ToFlowFile(TaskMarker marker, string? runLocation) => new BodyMap(runLocation).ToFlowFile(marker);

    // Keyed by the API too: a new SDK version recompiles.
    private static string Hash(string body, InlineKind kind)
    {
        var api = typeof(TaskRunCtxt).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(api + "\n" + kind + "\n" + body)))[..20].ToLowerInvariant();
    }

    private static IInlineCSharpCompiler? LoadCompiler(out string? error)
    {
        error = null;
        var path = Path.Combine(TaskLibraryCatalog.TaskDirectory, "DvFlow.CSharp.dll");
        // Same context as DvFlow.Tasks, so the compiler implements this very interface; Roslyn comes from the task folder.
        var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(typeof(InlineCSharp).Assembly) ?? System.Runtime.Loader.AssemblyLoadContext.Default;
        try
        {
            var asm = context.Assemblies.FirstOrDefault(a => a.GetName().Name == "DvFlow.CSharp") ?? context.LoadFromAssemblyPath(path);
            if (asm.GetType("DvFlow.CSharp.InlineCompiler") is { } t && Activator.CreateInstance(t) is IInlineCSharpCompiler c) return c;
            error = $"{path} has no inline C# compiler";
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException or TypeLoadException)
        {
            error = $"inline C# needs {path}, which cannot be loaded: {ex.Message}";
        }
        return null;
    }

    // The framework's reference surface plus the task API.
    private static IReadOnlyList<string> References()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var refs = Directory.EnumerateFiles(framework, "*.dll")
            .Where(f => Path.GetFileName(f) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "System.dll" or "netstandard.dll" or "mscorlib.dll" or "Microsoft.CSharp.dll" or "Microsoft.Win32.Primitives.dll")
                        && !n.Contains(".Native", StringComparison.Ordinal))
            .ToList();
        refs.Add(typeof(TaskRunCtxt).Assembly.Location);
        return refs;
    }

    /// <summary>Maps body-relative positions (and the compiler's 'inline.cs' file) to the flow file.</summary>
    private sealed partial class BodyMap
    {
        private readonly string? _file;
        private readonly int _line = 1;
        private readonly int _column = 1;

        [GeneratedRegex(@"^(?<file>.*)\((?<line>\d+),(?<col>\d+)\)$")]
        private static partial Regex Location();

        public BodyMap(string? runLocation)
        {
            if (runLocation is null || Location().Match(runLocation) is not { Success: true } m) return;
            _file = m.Groups["file"].Value;
            _line = int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
            _column = int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        public TaskMarker ToFlowFile(TaskMarker m)
        {
            if (m.Path is not (null or "inline.cs") || m.Line < 1) return m;
            // Every line of a block scalar is indented like its first, so the column shift is the same on each line.
            var located = m with { Path = _file, Line = _line + m.Line - 1, Column = m.Column < 1 ? -1 : _column + m.Column - 1 };
            return _file is null ? m with { Path = null, Line = -1, Column = -1, Message = $"inline C# line {m.Line}: {m.Message}" } : located;
        }
    }

    private sealed class FailingTask(IReadOnlyList<TaskMarker> markers) : ITaskImplementation
    {
        public Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
        {
            var r = new TaskDataResult { Status = 1, Changed = false };
            r.Markers.AddRange(markers);
            return Task.FromResult(r);
        }
    }
}
