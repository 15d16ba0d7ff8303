using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Uvm;

/// <summary>
/// hdlsim.vlt.SimLibUVM: Verilator ships no UVM library. Given a UVM source tree (the task's
/// <c>uvm_home</c> parameter, else the <c>UVM_HOME</c> environment variable) it passes
/// <c>src/uvm_pkg.sv</c> on as a systemVerilogSource FileSet with <c>src</c> as include directory and
/// <c>UVM_NO_DPI</c> defined (the UVM C sources are not compiled); without one it fails with an error
/// saying so instead of silently producing nothing.
/// </summary>
public sealed class VltSimLibUvm : ITaskImplementation
{
    /// <inheritdoc />
    public Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var result = new TaskDataResult { Changed = input.Changed };
        var home = input.Str("uvm_home") is { Length: > 0 } p ? Path.GetFullPath(p, input.SrcDir) : ctxt.Env.GetValueOrDefault("UVM_HOME");
        if (home is not { Length: > 0 })
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error,
                "Verilator has no built-in UVM library; set the task's uvm_home parameter (or the UVM_HOME environment variable) to a UVM source tree"));
            return Task.FromResult(result);
        }
        var src = Path.Combine(home, "src");
        if (!File.Exists(Path.Combine(src, "uvm_pkg.sv")))
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, $"'{home}' is no UVM source tree: {Path.Combine(src, "uvm_pkg.sv")} does not exist"));
            return Task.FromResult(result);
        }
        result.Output.Add(FileSetItem.Create("systemVerilogSource", src, ["uvm_pkg.sv"], incdirs: ["."], defines: ["UVM_NO_DPI"], name: input.Str("libname")));
        return Task.FromResult(result);
    }
}
