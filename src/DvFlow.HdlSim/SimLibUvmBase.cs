using DvFlow.TaskApi;

namespace DvFlow.HdlSim;

/// <summary>
/// SimLibUVM for simulators that ship UVM: rather than compiling UVM sources, it outputs the
/// <c>hdlsim.SimCompileArgs</c> and <c>hdlsim.SimElabArgs</c> items that make the tool use its own UVM
/// (consumed by SimImage like any other such items).
/// </summary>
public abstract class SimLibUvmBase : ITaskImplementation
{
    /// <summary>The tool's UVM options, or an error message when the tool's installation cannot be found.</summary>
    protected abstract UvmOptions? Options(TaskRunCtxt ctxt, out string? error);

    /// <summary>
    /// A tool installation's root: <paramref name="homeVariable"/> of the task's environment, or else the parent of
    /// the <c>bin</c> directory holding <paramref name="tool"/> on the task's PATH; null when neither is found.
    /// </summary>
    protected static string? InstallationHome(TaskRunCtxt ctxt, string homeVariable, string tool)
        => ctxt.Env.GetValueOrDefault(homeVariable) is { Length: > 0 } home ? home
            : ExecutableSearch.Find(tool, ctxt.Env.GetValueOrDefault("PATH")) is { } path ? Path.GetDirectoryName(Path.GetDirectoryName(path)) : null;

    /// <inheritdoc />
    public Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var result = new TaskDataResult();
        if (Options(ctxt, out var error) is not { } o)
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, error!));
            return Task.FromResult(result);
        }
        result.Output.Add(new DataItem("hdlsim.SimCompileArgs", null, -1, FlowMap.Of(
            ("args", o.CompileArgs.Cast<object?>().ToArray()),
            ("incdirs", o.IncDirs.Cast<object?>().ToArray()),
            ("defines", Array.Empty<object?>()),
            ("vpi", false),
            ("public_flat_rw", false))));
        result.Output.Add(new DataItem("hdlsim.SimElabArgs", null, -1, FlowMap.Of(
            ("args", o.ElabArgs.Cast<object?>().ToArray()),
            ("trace_fmt", "none"),
            ("dpilibs", Array.Empty<object?>()),
            ("vpilibs", Array.Empty<object?>()))));
        return Task.FromResult(result);
    }
}
