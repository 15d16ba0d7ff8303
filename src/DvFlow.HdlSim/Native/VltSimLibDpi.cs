using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Native;

/// <summary>hdlsim.vlt.SimLibDPI: a DPI library (<c>lib&lt;name&gt;.so</c>, filetype systemVerilogDPI) compiled against Verilator's svdpi.h; VltSimImage links it into the model.</summary>
public sealed class VltSimLibDpi : SimLibNativeBase
{
    /// <inheritdoc />
    protected override string FileType => "systemVerilogDPI";
    /// <inheritdoc />
    protected override string LibFileName(string libname) => $"lib{libname}.so";
    /// <inheritdoc />
    protected override Task<NativeToolFlags?> ToolFlagsAsync(TaskRunCtxt ctxt, TaskDataInput input) => VltNativeFlags.GetAsync(ctxt);
}
