using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Native;

/// <summary>hdlsim.vlt.SimLibVPI: a VPI library (<c>lib&lt;name&gt;.so</c>, filetype verilogVPI); VltSimImage builds a main that loads it and calls its <c>vlog_startup_routines</c>.</summary>
public sealed class VltSimLibVpi : SimLibNativeBase
{
    /// <inheritdoc />
    protected override string FileType => "verilogVPI";
    /// <inheritdoc />
    protected override string LibFileName(string libname) => $"lib{libname}.so";
    /// <inheritdoc />
    protected override Task<NativeToolFlags?> ToolFlagsAsync(TaskRunCtxt ctxt, TaskDataInput input) => VltNativeFlags.GetAsync(ctxt);
}
