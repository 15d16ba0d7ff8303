using DvFlow.TaskApi;

namespace DvFlow.HdlSim;

/// <summary>
/// SimLib for simulators that compile everything into the image (Verilator, Icarus): the task declares
/// <c>passthrough: all</c>, so its inputs reach SimImage unchanged and there is nothing to do here.
/// </summary>
public sealed class SimLibPassthrough : ITaskImplementation
{
    /// <inheritdoc />
    public Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input) => Task.FromResult(new TaskDataResult { Changed = input.Changed });
}
