
namespace DvFlow.TaskApi;

/// <summary>
/// What a custom up-to-date check (<c>uptodate: Namespace.Type.Method</c>) receives. The check is a public
/// static method <c>Task&lt;bool&gt; Method(UpToDateCtxt ctxt)</c> returning true when the task is up to date.
/// </summary>
public sealed class UpToDateCtxt
{
    /// <summary>Creates a context.</summary>
    public UpToDateCtxt(string name, string runDir, string srcDir, FlowMap parameters, IReadOnlyList<DataItem> inputs, object? memento, IReadOnlyList<DataItem> previousOutput, CancellationToken cancel)
    {
        Name = name;
        RunDir = runDir;
        SrcDir = srcDir;
        Params = parameters;
        Inputs = inputs;
        Memento = memento;
        PreviousOutput = previousOutput;
        Cancel = cancel;
    }

    /// <summary>The fully qualified task name.</summary>
    public string Name { get; }
    /// <summary>The task's run directory.</summary>
    public string RunDir { get; }
    /// <summary>The directory of the flow file that defines the task.</summary>
    public string SrcDir { get; }
    /// <summary>Parameter values by name.</summary>
    public FlowMap Params { get; }
    /// <summary>The consumed input items.</summary>
    public IReadOnlyList<DataItem> Inputs { get; }
    /// <summary>The memento of the last successful run, or null.</summary>
    public object? Memento { get; }
    /// <summary>The items the task produced last time.</summary>
    public IReadOnlyList<DataItem> PreviousOutput { get; }
    /// <summary>Cancelled when the build is cancelled.</summary>
    public CancellationToken Cancel { get; }

    /// <summary>The memento as <typeparamref name="T"/> (System.Text.Json, case-insensitive), or null when there is none or it does not fit.</summary>
    public T? MementoAs<T>() where T : class => Mementos.As<T>(Memento);
}
