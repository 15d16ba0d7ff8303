using System.Diagnostics;
using System.Text;

namespace DvFlow.Sdk.Tests.TestSupport;

public sealed record ProcessResult(int ExitCode, string Output, TimeSpan Elapsed);

/// <summary>Runs the dotnet CLI the way a user would, with a clean, reproducible environment.</summary>
public static class Dotnet
{
    public static ProcessResult Run(string cwd, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? env, TimeSpan timeout)
    {
        using var p = Start(cwd, args, env);
        return p.Wait(timeout);
    }

    /// <summary>Starts the dotnet CLI without waiting for it (for builds that overlap, or that a test kills).</summary>
    public static RunningDotnet Start(string cwd, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? env)
        => StartProgram("dotnet", cwd, args, env);

    /// <summary>
    /// The address space each process of a capped run may map (ulimit -v, in KiB), a backstop for native memory: .NET reserves
    /// address space generously, and below about 8 GB a build that runs tasks fails to start threads (measured: 4 GB did).
    /// </summary>
    public const long CappedAddressSpaceKiB = 10_000_000;

    /// <summary>The GC heap each .NET process of a capped run may use, the cap that catches runaway values (a normal flow build peaks near 130 MB resident).</summary>
    public const long CappedGcHeapBytes = 512L * 1024 * 1024;

    /// <summary>
    /// Runs the dotnet CLI with every process it starts (MSBuild nodes inherit both) capped in address space and GC heap, so that
    /// input that exhausts memory fails the run (out of memory) instead of the machine; <paramref name="timeout"/> fails a hang.
    /// </summary>
    public static ProcessResult RunCapped(string cwd, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? env, TimeSpan timeout)
    {
        var capped = new Dictionary<string, string>(env ?? new Dictionary<string, string>()) { ["DOTNET_GCHeapHardLimit"] = CappedGcHeapBytes.ToString("X") };
        using var p = StartProgram("bash", cwd, ["-c", $"ulimit -v {CappedAddressSpaceKiB} && exec dotnet \"$@\"", "dotnet", .. args], capped);
        return p.Wait(timeout);
    }

    /// <summary>Runs a command line as pasted into bash (<c>bash -c</c>), in the same environment as the dotnet CLI gets.</summary>
    public static ProcessResult Bash(string cwd, string command, IReadOnlyDictionary<string, string>? env, TimeSpan timeout)
    {
        using var p = StartProgram("bash", cwd, ["-c", command], env);
        return p.Wait(timeout);
    }

    private static RunningDotnet StartProgram(string program, string cwd, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? env)
    {
        var psi = new ProcessStartInfo(program)
        {
            WorkingDirectory = cwd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        // The test host's own MSBuild settings (set by 'dotnet test') must not leak into the builds under test.
        foreach (var k in psi.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) && k != "MSBUILDDISABLENODEREUSE"
                     || k is "MSBUILD_EXE_PATH" or "VSTEST_HOST_DEBUG" or "DOTNET_HOST_PATH").ToList())
            psi.Environment.Remove(k);
        if (env is not null)
            foreach (var (k, v) in env) psi.Environment[k] = v;
        return new RunningDotnet(psi, args);
    }
}

/// <summary>A dotnet process started by <see cref="Dotnet.Start"/>, its output collected as it comes.</summary>
public sealed class RunningDotnet : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Process _process;
    private readonly IReadOnlyList<string> _args;

    internal RunningDotnet(ProcessStartInfo psi, IReadOnlyList<string> args)
    {
        _args = args;
        _process = new Process { StartInfo = psi };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The output so far.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Waits for the process to exit; kills it and throws when it takes longer than <paramref name="timeout"/>.</summary>
    public ProcessResult Wait(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Kill();
            throw new TimeoutException($"dotnet {string.Join(" ", _args)} did not finish in {timeout}:\n{Output}");
        }
        _process.WaitForExit();
        return new ProcessResult(_process.ExitCode, Output, _clock.Elapsed);
    }

    /// <summary>Kills the process and everything it started, as <c>kill -9</c> would.</summary>
    public void Kill()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.WaitForExit();
    }

    public void Dispose() => _process.Dispose();
}
