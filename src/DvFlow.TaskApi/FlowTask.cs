namespace DvFlow.TaskApi;

/// <summary>
/// Base of class tasks (the C# analogue of dfm's <c>PyTask</c>): derive from <see cref="FlowTask{TParams}"/>,
/// override <see cref="RunAsync"/>, and reference the class from a flow with <c>shell: csharp</c> and
/// <c>run: Namespace.Type</c>. The runner creates one instance per task run (public parameterless
/// constructor), sets <see cref="Ctxt"/> and <see cref="Input"/>, then calls <see cref="RunAsync"/>.
/// </summary>
public abstract class FlowTask
{
    /// <summary>The runner's services: directories, environment, log, markers and process execution.</summary>
    public TaskRunCtxt Ctxt { get; private set; } = null!;

    /// <summary>The task's name, directories, raw parameters, consumed inputs and previous memento.</summary>
    public TaskDataInput Input { get; private set; } = null!;

    /// <summary>Runs the task. An exception becomes an error marker naming the task class and the throwing line.</summary>
    public abstract Task<TaskDataResult> RunAsync();

    // Set by the runner before RunAsync; params binding lives in the generic subclass.
    internal virtual void Bind(TaskRunCtxt ctxt, TaskDataInput input)
    {
        Ctxt = ctxt;
        Input = input;
    }
}

/// <summary>
/// A class task with typed parameters: the runner fills a new <typeparamref name="TParams"/> from the
/// task's parameters, matching public settable properties by name (case-insensitive, <c>_</c> ignored)
/// and converting values (string, bool, integers, floating point, enums, lists, string maps).
/// </summary>
/// <typeparam name="TParams">A class with a public parameterless constructor and settable properties.</typeparam>
/// <remarks>
/// The parameter type is a type argument rather than a nested class named <c>Params</c>: C# forbids a
/// nested type and a member of the same name, and <see cref="Params"/> reads best in task code.
/// </remarks>
public abstract class FlowTask<TParams> : FlowTask where TParams : class, new()
{
    /// <summary>The task's parameters, bound from the flow.</summary>
    public TParams Params { get; private set; } = null!;

    internal override void Bind(TaskRunCtxt ctxt, TaskDataInput input)
    {
        base.Bind(ctxt, input);
        Params = ParamBinder.Bind<TParams>(input.Params);
    }
}
