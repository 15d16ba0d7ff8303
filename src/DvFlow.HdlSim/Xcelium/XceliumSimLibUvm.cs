using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Xcelium;

/// <summary>hdlsim.xcm.SimLibUVM: the UVM Xcelium ships, selected with xrun's <c>-uvmhome CDNS-1.2</c>.</summary>
public sealed class XceliumSimLibUvm : SimLibUvmBase
{
    /// <inheritdoc />
    protected override UvmOptions? Options(TaskRunCtxt ctxt, out string? error)
    {
        error = null;
        return new UvmOptions(["-uvmhome", "CDNS-1.2"], [], []);
    }
}
