using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime.CSharp;

/// <summary>A class task: a new instance of a <see cref="FlowTask"/> subclass per run.</summary>
internal sealed class CSharpClassTask(Type type) : ITaskImplementation, IUserCode
{
    public Type CodeType => type;

    public async Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        try
        {
            var task = (FlowTask)Activator.CreateInstance(type)!;
            task.Bind(ctxt, input);
            return await task.RunAsync().ConfigureAwait(false) ?? new TaskDataResult();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return CSharpFunctionTask.Failed(UserCodeError.Marker(type.FullName!, ex));
        }
    }
}
