namespace DvFlow.TaskApi;

/// <summary>
/// What a generator (<c>strategy: generate: {shell: csharp, run: Namespace.Type.Method}</c>) uses to create tasks
/// while the flow is translated: <see cref="MkTaskNode"/> makes a task, <see cref="AddTask"/> adds it as a subtask
/// of the generating task. Generated tasks that need nothing but the generating task's inputs run in parallel.
/// </summary>
/// <example>
/// <code>
/// public static class Generators
/// {
///     // strategy: {generate: {shell: csharp, run: MyLib.Generators.CreateTests}}
///     public static void CreateTests(GeneratorCtxt ctxt, GeneratorInput input)
///     {
///         var list = ctxt.AddInputFile(input.Str("test_list"));   // regenerate when the list changes
///         foreach (var test in JsonSerializer.Deserialize&lt;string[]&gt;(File.ReadAllText(list))!)
///             ctxt.AddTask(ctxt.MkTaskNode("hdlsim.vlt.SimRun", ctxt.MkName($"test_{test}"),
///                 new { plusargs = new[] { $"test={test}" } }));
///     }
/// }
/// </code>
/// </example>
public sealed class GeneratorCtxt
{
    private readonly List<GeneratedTask> _tasks = new();
    private readonly List<string> _inputFiles = new();
    private readonly List<TaskMarker> _markers = new();

    /// <summary>Creates a context for the generating task <paramref name="name"/>.</summary>
    public GeneratorCtxt(string name, string srcDir, string runDir)
    {
        Name = name;
        SrcDir = srcDir;
        RunDir = runDir;
    }

    /// <summary>The fully qualified name of the generating task.</summary>
    public string Name { get; }
    /// <summary>The directory of the flow file that declares the generating task: relative paths are relative to it.</summary>
    public string SrcDir { get; }
    /// <summary>The generating task's run directory (it need not exist yet).</summary>
    public string RunDir { get; }

    /// <summary>The tasks added so far, in order.</summary>
    public IReadOnlyList<GeneratedTask> Tasks => _tasks;
    /// <summary>The files the generator declared it read (absolute).</summary>
    public IReadOnlyList<string> InputFiles => _inputFiles;
    /// <summary>The errors and warnings the generator reported.</summary>
    public IReadOnlyList<TaskMarker> Markers => _markers;

    /// <summary>
    /// A subtask name for <paramref name="leaf"/>: characters that cannot be in a task name (dots, spaces, slashes...)
    /// become '_', so names built from test names or file names are safe.
    /// </summary>
    public string MkName(string leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var chars = leaf.Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray();
        return chars.Length == 0 ? "_" : new string(chars);
    }

    /// <summary>Makes (but does not add) a task deriving from <paramref name="taskType"/>.</summary>
    /// <param name="taskType">The base task, as the generating task's package would name it in <c>uses:</c>.</param>
    /// <param name="name">The subtask name; null gives <c>&lt;base leaf name&gt;_&lt;n&gt;</c>.</param>
    /// <param name="with">Parameter values: a dictionary, or an object whose public properties are the parameters
    /// (an anonymous object <c>new { plusargs = new[] { "x" } }</c>).</param>
    /// <param name="needs">Tasks it needs: other generated tasks by name, or tasks the package can name.</param>
    public GeneratedTask MkTaskNode(string taskType, string? name = null, object? with = null, IEnumerable<string>? needs = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskType);
        name ??= $"{MkName(taskType[(taskType.LastIndexOf('.') + 1)..])}_{_tasks.Count}";
        return new GeneratedTask(name, taskType, Parameters(with), needs?.ToList() ?? []);
    }

    /// <summary>Adds <paramref name="task"/> as a subtask of the generating task and returns it.</summary>
    public GeneratedTask AddTask(GeneratedTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        _tasks.Add(task);
        return task;
    }

    /// <summary>
    /// Declares that the generator read <paramref name="path"/> (relative to <see cref="SrcDir"/>), so the flow is
    /// translated again when it changes; returns the absolute path.
    /// </summary>
    public string AddInputFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(Path.Combine(SrcDir, path));
        _inputFiles.Add(full);
        return full;
    }

    /// <summary>Reports an error (the flow then fails to translate) at an optional file position.</summary>
    public void Error(string message, string? path = null, int line = -1, int column = -1) => _markers.Add(new TaskMarker(MarkerSeverity.Error, message, path, line, column));

    /// <summary>Reports a warning at an optional file position.</summary>
    public void Warning(string message, string? path = null, int line = -1, int column = -1) => _markers.Add(new TaskMarker(MarkerSeverity.Warning, message, path, line, column));

    private static IReadOnlyDictionary<string, object?> Parameters(object? with) => with switch
    {
        null => new Dictionary<string, object?>(),
        IReadOnlyDictionary<string, object?> d => d,
        IDictionary<string, object?> d => new Dictionary<string, object?>(d),
        System.Collections.IDictionary d => d.Keys.Cast<object>().ToDictionary(k => Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture)!, k => d[k]),
        _ => with.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, p => p.GetValue(with)),
    };
}
