using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Xsim;

/// <summary>
/// hdlsim.xsm.SimLibUVM: the precompiled UVM library <c>uvm</c> of the Vivado installation (<c>-L uvm</c> for
/// xvlog and xelab) with its directory of <c>uvm_macros.svh</c>, <c>data/system_verilog/uvm_1.2</c>. The
/// installation is <c>$XILINX_VIVADO</c> of the task's environment (set by Vivado's settings64.sh), or the
/// parent of the <c>bin</c> directory holding <c>xvlog</c> on its PATH.
/// </summary>
public sealed class XsimSimLibUvm : SimLibUvmBase
{
    /// <inheritdoc />
    protected override UvmOptions? Options(TaskRunCtxt ctxt, out string? error)
    {
        var home = InstallationHome(ctxt, "XILINX_VIVADO", "xvlog");
        if (home is null)
        {
            error = "cannot find the Vivado installation for its UVM: set XILINX_VIVADO or put xvlog on PATH";
            return null;
        }
        error = null;
        return new UvmOptions(["-L", "uvm"], [Path.Combine(home, "data", "system_verilog", "uvm_1.2")], ["-L", "uvm"]);
    }
}
