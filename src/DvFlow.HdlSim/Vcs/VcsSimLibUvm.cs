using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Vcs;

/// <summary>hdlsim.vcs.SimLibUVM: the UVM VCS ships, selected with <c>-ntb_opts uvm-1.2</c> at analysis and elaboration.</summary>
public sealed class VcsSimLibUvm : SimLibUvmBase
{
    /// <inheritdoc />
    protected override UvmOptions? Options(TaskRunCtxt ctxt, out string? error)
    {
        error = null;
        return new UvmOptions(["-ntb_opts", "uvm-1.2"], [], ["-ntb_opts", "uvm-1.2"]);
    }
}
