using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Questa;

/// <summary>
/// hdlsim.mti.SimLibUVM: the precompiled UVM in the Questa installation (library <c>mtiUvm</c>, mapped by
/// the installation's modelsim.ini) with its sources' directory for <c>uvm_macros.svh</c>. The installation
/// is <c>$QUESTA_HOME</c> of the task's environment, or the parent of the <c>bin</c> directory holding
/// <c>vsim</c> on its PATH.
/// </summary>
public sealed class QuestaSimLibUvm : SimLibUvmBase
{
    /// <inheritdoc />
    protected override UvmOptions? Options(TaskRunCtxt ctxt, out string? error)
    {
        var home = InstallationHome(ctxt, "QUESTA_HOME", "vsim");
        if (home is null)
        {
            error = "cannot find the Questa installation for its UVM: set QUESTA_HOME or put vsim on PATH";
            return null;
        }
        error = null;
        var src = Path.Combine(home, "verilog_src", "uvm-1.2", "src");
        return new UvmOptions(["-L", "mtiUvm"], [src], ["-L", "mtiUvm"]);
    }
}
