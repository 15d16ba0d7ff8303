using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Native;

/// <summary>hdlsim.ivl.SimLibVPI: a VPI module <c>&lt;name&gt;.vpi</c> (filetype verilogVPI) built with iverilog-vpi's flags; the image loads it with <c>-m</c>.</summary>
public sealed class IvlSimLibVpi : SimLibNativeBase
{
    /// <inheritdoc />
    protected override string FileType => "verilogVPI";
    /// <inheritdoc />
    protected override string LibFileName(string libname) => $"{libname}.vpi";
    /// <inheritdoc />
    protected override Task<NativeToolFlags?> ToolFlagsAsync(TaskRunCtxt ctxt, TaskDataInput input) => IvlNativeFlags.GetAsync(ctxt);
}
