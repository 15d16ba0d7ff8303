using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Native;

/// <summary>
/// Icarus Verilog's VPI flags from <c>iverilog-vpi --cflags/--ldflags/--ldlibs</c>. Only the include
/// directories, defines and libraries are kept: its warning and debug options are C-only and would
/// make a C++ compile warn.
/// </summary>
public static class IvlNativeFlags
{
    /// <summary>Queries iverilog-vpi.</summary>
    public static async Task<NativeToolFlags?> GetAsync(TaskRunCtxt ctxt)
    {
        var cflags = await ToolQuery.LinesAsync(ctxt, ["iverilog-vpi", "--cflags"], "iverilog_vpi_cflags.log").ConfigureAwait(false);
        var ldflags = await ToolQuery.LinesAsync(ctxt, ["iverilog-vpi", "--ldflags"], "iverilog_vpi_ldflags.log").ConfigureAwait(false);
        var ldlibs = await ToolQuery.LinesAsync(ctxt, ["iverilog-vpi", "--ldlibs"], "iverilog_vpi_ldlibs.log").ConfigureAwait(false);
        if (cflags is null || ldflags is null || ldlibs is null) return null;
        return new NativeToolFlags(
            ArgSplitter.SplitAll(cflags).Where(a => a.StartsWith("-I", StringComparison.Ordinal) || a.StartsWith("-D", StringComparison.Ordinal)).ToList(),
            ArgSplitter.SplitAll(ldflags.Concat(ldlibs)).Where(a => a.StartsWith("-L", StringComparison.Ordinal) || a.StartsWith("-l", StringComparison.Ordinal)).ToList());
    }
}
