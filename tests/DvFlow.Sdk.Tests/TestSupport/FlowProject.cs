using Microsoft.Build.Logging.StructuredLogger;

namespace DvFlow.Sdk.Tests.TestSupport;

/// <summary>A user's flow project in a temporary directory: a project file using the packed SDK, flow files, and a nuget.config.</summary>
public sealed class FlowProject : IDisposable
{
    private readonly SdkFeed _feed;
    private int _builds;

    /// <param name="feed">The packed SDK.</param>
    /// <param name="flowYaml">flow.yaml's text (none when empty).</param>
    /// <param name="projectBody">What goes inside the project element.</param>
    /// <param name="dirSuffix">Appended to the project folder's name: for paths with characters MSBuild or a shell treat specially.</param>
    public FlowProject(SdkFeed feed, string flowYaml, string projectBody = "", string dirSuffix = "")
    {
        _feed = feed;
        Dir = Path.Combine(feed.Root, "p" + Guid.NewGuid().ToString("N")[..10] + dirSuffix);
        Directory.CreateDirectory(Dir);
        feed.WriteNuGetConfig(Dir);
        ProjectFile = Path.Combine(Dir, "flow.proj");
        File.WriteAllText(ProjectFile, projectBody.Length == 0
            ? $"<Project Sdk=\"DvFlow.Sdk/{feed.Version}\" />\n"
            : $"<Project Sdk=\"DvFlow.Sdk/{feed.Version}\">\n{projectBody}\n</Project>\n");
        if (flowYaml.Length > 0) Write("flow.yaml", flowYaml);
    }

    /// <summary>A project body referencing the DvFlow.HdlSim plugin (the hdlsim packages) at the SDK's version.</summary>
    public const string HdlSimReference = "<ItemGroup><PackageReference Include=\"DvFlow.HdlSim\" Version=\"$(DvFlowSdkVersion)\" /></ItemGroup>";

    public string Dir { get; }

    /// <summary>Environment variables every build of this project gets.</summary>
    public Dictionary<string, string> Environment { get; } = new();

    /// <summary>Runs another dotnet command in the project folder with the test's NuGet packages folder.</summary>
    public ProcessResult RunDotnet(params string[] args)
        => Dotnet.Run(Dir, args, new Dictionary<string, string>(Environment) { ["NUGET_PACKAGES"] = _feed.Packages }, TimeSpan.FromMinutes(10));
    public string ProjectFile { get; }
    public string RunDir => Path.Combine(Dir, "rundir");

    public string Write(string relative, string content)
    {
        var full = Path.Combine(Dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content.ReplaceLineEndings("\n"));
        return full;
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Dir, relative));

    /// <summary>Runs 'dotnet build' (or another command) with a binlog; returns the result and the parsed binlog.</summary>
    public BuildRun Build(params string[] args) => Dotnet_("build", args, binlog: true);

    public BuildRun Msbuild(params string[] args) => Dotnet_("msbuild", args, binlog: true);

    /// <summary>Runs 'dotnet build' as users usually do, without a binlog (a binlog makes the log detailed, which changes how a no-op runs).</summary>
    public BuildRun BuildWithoutBinlog(params string[] args) => Dotnet_("build", args, binlog: false);

    /// <summary>Runs 'dotnet test' as users do (the default verbosity, no binlog: test output is the console's).</summary>
    public BuildRun Test(params string[] args)
        => new(Dotnet.Run(Dir, ["test", ProjectFile, "-nologo", .. args], new Dictionary<string, string>(Environment) { ["NUGET_PACKAGES"] = _feed.Packages }, TimeSpan.FromMinutes(10)), null);

    /// <summary>
    /// Runs 'dotnet build' (no binlog) with its processes' memory capped and a short timeout (<see cref="Dotnet.RunCapped"/>):
    /// for input that once exhausted memory or hung, so that a regression fails the test, not the machine.
    /// </summary>
    public BuildRun BuildCapped(TimeSpan timeout, params string[] args)
        => new(Dotnet.RunCapped(Dir, ["build", ProjectFile, "-nologo", "-v:n", .. args], new Dictionary<string, string>(Environment) { ["NUGET_PACKAGES"] = _feed.Packages }, timeout), null);

    /// <summary>Starts 'dotnet build' without waiting for it (no binlog): for builds that overlap, or that the test kills.</summary>
    public RunningDotnet StartBuild(params string[] args)
        => Dotnet.Start(Dir, ["build", ProjectFile, "-nologo", "-v:n", .. args], new Dictionary<string, string>(Environment) { ["NUGET_PACKAGES"] = _feed.Packages });

    private BuildRun Dotnet_(string verb, string[] args, bool binlog)
    {
        var binlogPath = binlog ? Path.Combine(Dir, $"build{Interlocked.Increment(ref _builds)}.binlog") : null;
        var all = new List<string> { verb, ProjectFile };
        if (binlogPath is not null) all.Add($"-bl:{binlogPath}");
        all.AddRange(["-nologo", "-v:n", .. args]);
        var env = new Dictionary<string, string>(Environment) { ["NUGET_PACKAGES"] = _feed.Packages };
        return new BuildRun(Dotnet.Run(Dir, all, env, TimeSpan.FromMinutes(10)), binlogPath);
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>One build: exit code, console output, and its binlog read with MSBuild.StructuredLogger.</summary>
public sealed class BuildRun(ProcessResult result, string? binlogPath)
{
    private Microsoft.Build.Logging.StructuredLogger.Build? _log;

    public int ExitCode => result.ExitCode;
    public string Output => result.Output;
    public TimeSpan Elapsed => result.Elapsed;
    public bool Succeeded => result.ExitCode == 0;

    public Microsoft.Build.Logging.StructuredLogger.Build Log
        => _log ??= BinaryLog.ReadBuild(binlogPath ?? throw new InvalidOperationException("this build ran without a binlog"));

    /// <summary>Targets with this name that ran (not skipped by condition), across all project instances.</summary>
    public IReadOnlyList<Target> Targets(string name)
        => Log.FindChildrenRecursive<Target>(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Every message text logged under targets named <paramref name="target"/>.</summary>
    public IReadOnlyList<string> MessagesUnder(string target)
        => Targets(target).SelectMany(t => t.FindChildrenRecursive<Message>()).Select(m => m.Text).ToList();

    public string Describe() => $"exit {ExitCode}\n{Output}";

    public void AssertOutputContains(string text)
        => Assert.True(Output.Contains(text, StringComparison.Ordinal), $"expected the build output to contain:\n  {text}\n--- output ({Describe()})");

    public void AssertOutputLacks(string text)
        => Assert.False(Output.Contains(text, StringComparison.Ordinal), $"expected the build output not to contain:\n  {text}\n--- output ({Describe()})");

    public void AssertOutputMatches(string pattern)
        => Assert.True(System.Text.RegularExpressions.Regex.IsMatch(Output, pattern), $"expected the build output to match:\n  {pattern}\n--- output ({Describe()})");

    /// <summary>How many lines of the build output contain <paramref name="text"/>.</summary>
    public int LinesContaining(string text) => Output.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));
}
