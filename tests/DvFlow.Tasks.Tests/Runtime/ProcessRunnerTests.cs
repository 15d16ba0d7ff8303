using DvFlow.Tasks.Runtime;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Tests.Runtime;

/// <summary>ProcessRunner finds programs on the PATH of the environment it gives the process (after std.Env), not the build's.</summary>
public class ProcessRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dvflow-proc").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Tool(string dir, string name, string body)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        // The SDK runs on Linux (the package declares linux-x64 only); the guard keeps the analyzer satisfied.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    public async Task BareNameIsFoundOnTheChildEnvironmentsPath()
    {
        var bin = Path.Combine(_dir, "bin");
        Tool(bin, "dvflow-only-here", "echo found-on-task-path \"$@\"");
        var lines = new List<string>();
        var env = new Dictionary<string, string?> { ["PATH"] = bin + Path.PathSeparator + "/usr/bin:/bin" };
        var status = await ProcessRunner.RunAsync(["dvflow-only-here", "a"], _dir, env, null, lines.Add, new RecordingRunLog(), CancellationToken.None);
        Assert.Equal(0, status);
        Assert.Equal(["found-on-task-path a"], lines);
    }

    [Fact]
    public void FirstExecutableOnThePathWinsAndNonExecutablesAreSkipped()
    {
        var a = Path.Combine(_dir, "a");
        var b = Path.Combine(_dir, "b");
        Directory.CreateDirectory(a);
        File.WriteAllText(Path.Combine(a, "tool"), "not executable");
        var expected = Tool(b, "tool", "true");
        Tool(Path.Combine(_dir, "c"), "tool", "true");
        var path = string.Join(Path.PathSeparator, a, b, Path.Combine(_dir, "c"));
        Assert.Equal(expected, ExecutableSearch.Find("tool", path));
        Assert.Null(ExecutableSearch.Find("tool", a));
        Assert.Equal("./x/tool", ExecutableSearch.Find("./x/tool", path));
    }

    [Fact]
    public async Task MissingProgramExitsWith127()
    {
        var lines = new List<string>();
        var env = new Dictionary<string, string?> { ["PATH"] = _dir };
        var status = await ProcessRunner.RunAsync(["dvflow-no-such-tool-xyz"], _dir, env, null, lines.Add, new RecordingRunLog(), CancellationToken.None);
        Assert.Equal(127, status);
        Assert.Contains(lines, l => l.Contains("dvflow-no-such-tool-xyz", StringComparison.Ordinal));
    }
}
