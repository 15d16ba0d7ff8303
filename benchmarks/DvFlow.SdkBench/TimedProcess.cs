using System.Diagnostics;

/// <summary>Runs a command as a benchmark measures it: the whole process, with the benchmark's NuGet folder and no lingering MSBuild nodes.</summary>
internal static class TimedProcess
{
    /// <summary>Seconds <paramref name="file"/> took; throws with its output when it fails.</summary>
    public static double Run(string cwd, string file, string arguments, string packages)
    {
        var psi = new ProcessStartInfo(file, arguments) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["NUGET_PACKAGES"] = packages;
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        sw.Stop();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed in {cwd}:\n{output.Result}\n{error.Result}");
        return sw.Elapsed.TotalSeconds;
    }
}
