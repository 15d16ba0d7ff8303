
namespace DvFlow.TaskApi;

/// <summary>What a task implementation receives: its name, directories, parameters, consumed inputs and previous memento.</summary>
public sealed class TaskDataInput
{
    /// <summary>Creates an input.</summary>
    public TaskDataInput(string name, string runDir, string srcDir, FlowMap parameters, IReadOnlyList<DataItem> inputs, bool changed, object? memento)
    {
        Name = name;
        RunDir = runDir;
        SrcDir = srcDir;
        Params = parameters;
        Inputs = inputs;
        Changed = changed;
        Memento = memento;
    }

    /// <summary>The fully qualified task name.</summary>
    public string Name { get; }
    /// <summary>The task's run directory (exists when the task runs).</summary>
    public string RunDir { get; }
    /// <summary>The directory of the flow file that defines the task.</summary>
    public string SrcDir { get; }
    /// <summary>Parameter values by name.</summary>
    public FlowMap Params { get; }
    /// <summary>The consumed input items, in needs order.</summary>
    public IReadOnlyList<DataItem> Inputs { get; }
    /// <summary>True when an upstream task changed its output in this build (or the task never ran).</summary>
    public bool Changed { get; }
    /// <summary>The memento the task returned last time it succeeded, or null.</summary>
    public object? Memento { get; }

    /// <summary>The previous memento as <typeparamref name="T"/> (System.Text.Json, case-insensitive), or null when there is none or it does not fit.</summary>
    public T? MementoAs<T>() where T : class => Mementos.As<T>(Memento);

    /// <summary>A string parameter ("" when absent).</summary>
    public string Str(string name) => ParamReader.Str(Params, name);

    /// <summary>An integer parameter (0 when absent or not a number; a string of digits is read as its number).</summary>
    /// <example><code>var depth = input.Int("depth");</code></example>
    public long Int(string name) => ParamReader.Int(Params, name);

    /// <summary>A boolean parameter.</summary>
    public bool Bool(string name) => ParamReader.Bool(Params, name);

    /// <summary>A list parameter as strings.</summary>
    public IReadOnlyList<string> List(string name) => ParamReader.List(Params, name);

    /// <summary>A map parameter.</summary>
    public IReadOnlyDictionary<string, object?> Map(string name) => ParamReader.Map(Params, name);
}
