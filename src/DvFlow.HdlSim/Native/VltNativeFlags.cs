using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Native;

/// <summary>Verilator's headers for DPI and VPI code: <c>$VERILATOR_ROOT/include</c> and <c>include/vltstd</c> (svdpi.h, vpi_user.h).</summary>
public static class VltNativeFlags
{
    /// <summary>Asks <c>verilator --getenv VERILATOR_ROOT</c> for the include directories.</summary>
    public static async Task<NativeToolFlags?> GetAsync(TaskRunCtxt ctxt)
    {
        var lines = await ToolQuery.LinesAsync(ctxt, ["verilator", "--getenv", "VERILATOR_ROOT"], "verilator_root.log").ConfigureAwait(false);
        if (lines is not [var root, ..]) return null;
        return new NativeToolFlags(["-I" + Path.Combine(root, "include"), "-I" + Path.Combine(root, "include", "vltstd")], []);
    }
}
