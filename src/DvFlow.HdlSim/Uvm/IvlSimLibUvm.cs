using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Uvm;

/// <summary>hdlsim.ivl.SimLibUVM: Icarus Verilog cannot compile UVM (its class support is too limited), so the task fails with an error saying so.</summary>
public sealed class IvlSimLibUvm : ITaskImplementation
{
    /// <inheritdoc />
    public Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var result = new TaskDataResult { Status = 1 };
        result.Markers.Add(new TaskMarker(MarkerSeverity.Error,
            "Icarus Verilog has no UVM library and cannot compile one; use a simulator with UVM support (e.g. hdlsim.vlt with uvm_home)"));
        return Task.FromResult(result);
    }
}
