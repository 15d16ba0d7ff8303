using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Native;

/// <summary>Runs a tool that prints configuration (<c>iverilog-vpi --cflags</c>, <c>verilator --getenv</c>) and returns its output.</summary>
public static class ToolQuery
{
    /// <summary>The non-empty output lines of <paramref name="argv"/>, or null when it failed (the context then holds an error marker).</summary>
    public static async Task<IReadOnlyList<string>?> LinesAsync(TaskRunCtxt ctxt, IReadOnlyList<string> argv, string logFile)
    {
        var lines = new List<string>();
        var status = await ctxt.ExecAsync(argv, logFile, logFilter: l =>
        {
            lock (lines) lines.Add(l);
        }).ConfigureAwait(false);
        return status == 0 ? lines.Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToList() : null;
    }
}
