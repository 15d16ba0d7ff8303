
namespace DvFlow.TaskApi;

/// <summary>
/// The runner's services for a task implementation: its directories, environment, log, and process
/// execution that logs to a file and the build log and records each command in the exec data.
/// </summary>
public sealed class TaskRunCtxt
{
    private readonly IRunLog _log;
    private readonly List<(IReadOnlyList<string> Cmd, int Status)> _commands = new();
    private readonly SemaphoreSlim _parallel;
    private int _execCount;

    /// <summary>Creates a context.</summary>
    public TaskRunCtxt(string name, string runDir, string srcDir, Func<Dictionary<string, string?>> env, IRunLog log, int maxParallel, CancellationToken cancel)
    {
        Name = name;
        RunDir = runDir;
        SrcDir = srcDir;
        _envFactory = env;
        _log = log;
        _parallel = new SemaphoreSlim(Math.Max(1, maxParallel));
        Cancel = cancel;
    }

    /// <summary>The task name.</summary>
    public string Name { get; }
    /// <summary>The run directory.</summary>
    public string RunDir { get; }
    /// <summary>The source directory.</summary>
    public string SrcDir { get; }
    private readonly Func<Dictionary<string, string?>> _envFactory;
    private Dictionary<string, string?>? _env;

    /// <summary>The environment processes get (std.Env inputs already applied); implementations may change it.</summary>
    /// <remarks>Built on first use: most built-in tasks start no process.</remarks>
    public Dictionary<string, string?> Env => _env ??= _envFactory();
    /// <summary>Cancelled when the build is cancelled.</summary>
    public CancellationToken Cancel { get; }
    /// <summary>Commands run so far with their exit codes.</summary>
    public IReadOnlyList<(IReadOnlyList<string> Cmd, int Status)> Commands => _commands;
    /// <summary>Markers added by <see cref="AddMarker"/> (for example from log filters).</summary>
    /// <remarks>Add through <see cref="AddMarker"/> while commands run: log filters of parallel commands
    /// (and a command's stdout and stderr) call it from several threads at once. Read or edit the list
    /// itself only when no command of the task is running.</remarks>
    public List<TaskMarker> Markers { get; } = new();

    /// <summary>Writes a message to the build log.</summary>
    public void Info(string message) => _log.Message($"{Name}: {message}", important: true);

    /// <summary>Records a marker; safe to call from several threads at once.</summary>
    public void AddMarker(TaskMarker marker)
    {
        lock (Markers) Markers.Add(marker);
    }

    /// <summary>
    /// Runs a command; output goes to <paramref name="logFile"/> (relative to the run directory; default
    /// cmd_N.log) and the build log, each line to <paramref name="logFilter"/>. Returns the exit code;
    /// a non-zero code adds an error marker naming the command and log.
    /// </summary>
    public async Task<int> ExecAsync(IReadOnlyList<string> cmd, string? logFile = null, string? cwd = null,
        IReadOnlyDictionary<string, string>? env = null, Action<string>? logFilter = null)
    {
        var n = Interlocked.Increment(ref _execCount);
        var log = Path.Combine(RunDir, logFile ?? $"cmd_{n}.log");
        var workdir = cwd is null ? RunDir : Path.Combine(RunDir, cwd);
        var fullEnv = new Dictionary<string, string?>(Env, StringComparer.Ordinal);
        if (env is not null)
            foreach (var (k, v) in env) fullEnv[k] = v;
        _log.Command(string.Join(" ", cmd.Select(Quote)));
        int status;
        await _parallel.WaitAsync(Cancel).ConfigureAwait(false);
        try { status = await ProcessRunner.RunAsync(cmd, workdir, fullEnv, log, logFilter, _log, Cancel).ConfigureAwait(false); }
        finally { _parallel.Release(); }
        lock (_commands) _commands.Add((cmd, status));
        if (status != 0)
            AddMarker(new TaskMarker(MarkerSeverity.Error, $"command failed with exit code {status}: {string.Join(" ", cmd.Select(Quote))} (log: {log})"));
        return status;
    }

    /// <summary>Runs commands concurrently (up to the build's parallelism); returns their exit codes in order.</summary>
    public async Task<IReadOnlyList<int>> ExecParallelAsync(IEnumerable<ExecCmd> cmds)
    {
        var tasks = cmds.Select(c => ExecAsync(c.Cmd, c.LogFile, c.Cwd, c.Env, c.LogFilter)).ToList();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>Quotes an argument for display when it needs it.</summary>
    public static string Quote(string a) => a.Length > 0 && a.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=+:,@%".Contains(c)) ? a : "'" + a.Replace("'", "'\\''") + "'";
}
