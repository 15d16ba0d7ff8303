using System.Diagnostics;
using System.Text;

namespace DvFlow.TaskApi;

/// <summary>Runs a process asynchronously, teeing its combined output to a log file, the build log and a line filter.</summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="argv"/> in <paramref name="cwd"/>; returns the exit code (127 when it cannot start).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> argv, string cwd, IReadOnlyDictionary<string, string?> env, string? logFile,
        Action<string>? onLine, IRunLog log, CancellationToken cancel)
    {
        // Resolve a bare name on the child's PATH; when it is not there, let .NET try (and report) as before.
        var program = ExecutableSearch.Find(argv[0], env.GetValueOrDefault("PATH")) ?? argv[0];
        var psi = new ProcessStartInfo(program)
        {
            WorkingDirectory = cwd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in argv.Skip(1)) psi.ArgumentList.Add(a);
        psi.Environment.Clear();
        foreach (var (k, v) in env)
            if (v is not null) psi.Environment[k] = v;

        StreamWriter? writer = null;
        if (logFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
            writer = new StreamWriter(logFile, append: false, new UTF8Encoding(false)) { AutoFlush = false };
        }
        var gate = new object();
        void Line(string? l)
        {
            if (l is null) return;
            lock (gate)
            {
                writer?.WriteLine(l);
                log.ToolOutput(l);
                onLine?.Invoke(l);
            }
        }
        using var proc = new Process { StartInfo = psi, EnableRaisingEvents = true };
        proc.OutputDataReceived += (_, e) => Line(e.Data);
        proc.ErrorDataReceived += (_, e) => Line(e.Data);
        try
        {
            if (!proc.Start()) return 127;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Line($"cannot start '{argv[0]}': {ex.Message}");
            writer?.Dispose();
            return 127;
        }
        proc.StandardInput.Close();
        proc.BeginOutputReadLine();
        proc.BeginErrorReadLine();
        try
        {
            await proc.WaitForExitAsync(cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try { proc.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw;
        }
        finally
        {
            lock (gate) writer?.Dispose();
        }
        proc.WaitForExit(); // drains the asynchronous output readers
        return proc.ExitCode;
    }
}
