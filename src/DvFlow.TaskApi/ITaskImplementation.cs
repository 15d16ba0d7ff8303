namespace DvFlow.TaskApi;

/// <summary>The implementation of a task kind (a std task, a shell, a simulator task...).</summary>
public interface ITaskImplementation
{
    /// <summary>Runs the task. Failures are reported through the result's status and markers, not exceptions.</summary>
    Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input);
}
