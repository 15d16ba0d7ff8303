using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Native;

/// <summary>
/// hdlsim.ivl.SimLibDPI: Icarus Verilog has no DPI and no svdpi.h, so this compiles a plain C/C++ shared
/// library (filetype systemVerilogDPI) for use with another simulator; an hdlsim.ivl image consuming it fails with an error.
/// </summary>
public sealed class IvlSimLibDpi : SimLibNativeBase
{
    /// <inheritdoc />
    protected override string FileType => "systemVerilogDPI";
    /// <inheritdoc />
    protected override string LibFileName(string libname) => $"lib{libname}.so";
    /// <inheritdoc />
    protected override Task<NativeToolFlags?> ToolFlagsAsync(TaskRunCtxt ctxt, TaskDataInput input) => Task.FromResult<NativeToolFlags?>(NativeToolFlags.None);
}
