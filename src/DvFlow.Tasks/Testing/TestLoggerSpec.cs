namespace DvFlow.Tasks.Testing;

/// <summary>The result file formats (and the console) <c>dotnet test --logger</c> can ask flow projects for.</summary>
public enum TestLoggerKind
{
    /// <summary>Visual Studio's TRX (<c>--logger trx</c>), as Azure DevOps and Visual Studio read it.</summary>
    Trx,
    /// <summary>JUnit XML (<c>--logger junit</c>), as Jenkins, GitLab and GitHub test reporters read it.</summary>
    JUnit,
    /// <summary>The console (<c>--logger "console;verbosity=detailed"</c>): always on; its verbosity says whether passed tests are listed.</summary>
    Console,
}

/// <summary>
/// One <c>--logger</c> argument: a logger name and its <c>;key=value</c> options, honoured as the real loggers honour
/// them. trx: <c>LogFileName</c> (in the results directory), <c>LogFilePrefix</c> (a prefix and a timestamp).
/// junit: <c>LogFileName</c> (in the results directory), <c>LogFilePath</c> (a path, relative to the project); both
/// expand <c>{assembly}</c> (the project's name) and <c>{framework}</c>. console: <c>verbosity</c>.
/// </summary>
/// <param name="Kind">Which logger.</param>
/// <param name="Options">Its options, keys without regard to case.</param>
public sealed record TestLoggerSpec(TestLoggerKind Kind, IReadOnlyDictionary<string, string> Options)
{
    private static readonly Dictionary<TestLoggerKind, string[]> Known = new()
    {
        [TestLoggerKind.Trx] = ["LogFileName", "LogFilePrefix"],
        [TestLoggerKind.JUnit] = ["LogFileName", "LogFilePath"],
        [TestLoggerKind.Console] = ["verbosity"],
    };

    /// <summary>An option's value, or null.</summary>
    public string? Option(string key) => Options.TryGetValue(key, out var v) ? v : null;

    /// <summary>
    /// Parses one logger argument (<c>trx;LogFileName=x.trx</c>); null with <paramref name="error"/> set for a logger or an
    /// option flow projects do not write: accepting it and writing nothing would leave a CI job without its results.
    /// </summary>
    public static TestLoggerSpec? Parse(string text, out string? error)
    {
        var parts = text.Split(';');
        var name = parts[0].Trim();
        // vstest accepts a logger's friendly name or its URI (logger://Microsoft/TestPlatform/TrxLogger/v1).
        TestLoggerKind? kind = name.ToLowerInvariant() switch
        {
            "trx" or "logger://microsoft/testplatform/trxlogger/v1" => TestLoggerKind.Trx,
            "junit" => TestLoggerKind.JUnit,
            "console" => TestLoggerKind.Console,
            _ => null,
        };
        if (kind is not { } k)
        {
            error = $"--logger \"{text}\": flow projects write 'trx', 'junit' and 'console' results, not '{name}'";
            return null;
        }
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.Skip(1).Where(p => p.Trim().Length > 0))
        {
            var eq = part.IndexOf('=');
            var key = (eq < 0 ? part : part[..eq]).Trim();
            var known = Known[k].FirstOrDefault(o => string.Equals(o, key, StringComparison.OrdinalIgnoreCase));
            if (eq < 0 || known is null)
            {
                error = eq < 0
                    ? $"--logger \"{text}\": '{part.Trim()}' is not an option (write key=value)"
                    : $"--logger \"{text}\": the {name} logger of flow projects has no option '{key}'; its options are {string.Join(", ", Known[k])}";
                return null;
            }
            options[known] = part[(eq + 1)..].Trim();
        }
        if (k == TestLoggerKind.Console && options.TryGetValue("verbosity", out var v) && ConsoleVerbosity(v) is null)
        {
            error = $"--logger \"{text}\": verbosity is quiet, minimal, normal or detailed, not '{v}'";
            return null;
        }
        error = null;
        return new TestLoggerSpec(k, options);
    }

    /// <summary>Whether the console lists passed tests too (<c>verbosity=normal</c> or <c>detailed</c>), for a console logger.</summary>
    public bool ListsPassedTests => Kind == TestLoggerKind.Console && ConsoleVerbosity(Option("verbosity") ?? "minimal") >= 2;

    private static int? ConsoleVerbosity(string v) => v.ToLowerInvariant() switch
    {
        "q" or "quiet" => 0,
        "m" or "minimal" => 1,
        "n" or "normal" => 2,
        "d" or "detailed" or "diag" or "diagnostic" => 3,
        _ => null,
    };

    /// <summary>True when the file name is the default timestamped TRX name, which must not overwrite another project's results of the same second.</summary>
    public bool NamesUniqueFile => Kind == TestLoggerKind.Trx && Option("LogFileName") is not { Length: > 0 };

    /// <summary>
    /// The file this logger writes (null for the console), as the real logger names it: trx, in the results directory,
    /// <c>LogFileName</c> or <c>{prefix or user_machine}_{timestamp}.trx</c>; junit, <c>LogFilePath</c> (relative to the
    /// project), else <c>LogFileName</c> or <c>TestResults.xml</c> in the results directory.
    /// </summary>
    public string? FilePath(string resultsDirectory, string projectDirectory, string assembly, DateTimeOffset now)
    {
        string Expand(string s) => s.Replace("{assembly}", assembly, StringComparison.Ordinal).Replace("{framework}", "dvflow", StringComparison.Ordinal);
        switch (Kind)
        {
            case TestLoggerKind.Trx:
                if (Option("LogFileName") is { Length: > 0 } name) return Path.GetFullPath(Path.Combine(resultsDirectory, name));
                var prefix = Option("LogFilePrefix") is { Length: > 0 } p ? p : $"{Environment.UserName}_{Environment.MachineName}";
                return Path.GetFullPath(Path.Combine(resultsDirectory, $"{prefix}_{now.ToLocalTime():yyyy-MM-dd_HH_mm_ss}.trx"));
            case TestLoggerKind.JUnit:
                if (Option("LogFilePath") is { Length: > 0 } path) return Path.GetFullPath(Path.Combine(projectDirectory, Expand(path)));
                return Path.GetFullPath(Path.Combine(resultsDirectory, Expand(Option("LogFileName") is { Length: > 0 } n ? n : "TestResults.xml")));
            default:
                return null;
        }
    }
}
