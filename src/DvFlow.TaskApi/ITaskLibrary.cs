namespace DvFlow.TaskApi;

/// <summary>
/// A library of task implementations shipped in its own assembly (for example the simulator tasks of
/// DvFlow.HdlSim). The assembly names its library with <see cref="TaskLibraryAttribute"/>; the runner
/// finds such assemblies next to DvFlow.Tasks.dll, and flow packages refer to the implementations with
/// <c>shell: builtin</c> and <c>run: NAME</c>.
/// </summary>
public interface ITaskLibrary
{
    /// <summary>Implementation factories by the name used in <c>run:</c> (conventionally <c>package.Task</c>).</summary>
    IReadOnlyDictionary<string, Func<ITaskImplementation>> Implementations { get; }
}
