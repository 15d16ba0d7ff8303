using System.Diagnostics;
using System.Text;

namespace DvFlow.Sdk.Tests.TestSupport;

public sealed record ProcessResult(int ExitCode, string Output, TimeSpan Elapsed);

/// <summary>Runs the dotnet CLI the way a user would, with a clean, reproducible environment.</summary>
public static class Dotnet
{
    public static ProcessResult Run(string cwd, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? env, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo("dotnet")
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
        var output = new StringBuilder();
        var sw = Stopwatch.StartNew();
        using var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(" ", args)} did not finish in {timeout}:\n{output}");
        }
        p.WaitForExit();
        return new ProcessResult(p.ExitCode, output.ToString(), sw.Elapsed);
    }
}
