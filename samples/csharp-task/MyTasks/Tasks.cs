using DvFlow.TaskApi;

namespace MyTasks;

/// <summary>Function tasks: public static methods taking the run context and the input.</summary>
public static class Tasks
{
    /// <summary>run: MyTasks.Tasks.Greet — writes a greeting to the build log and to greeting.txt.</summary>
    public static async Task<TaskDataResult> Greet(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var who = input.Str("who");
        ctxt.Info($"Hello, {who}!");
        await File.WriteAllTextAsync(Path.Combine(input.RunDir, "greeting.txt"), $"Hello, {who}!\n", ctxt.Cancel);
        return new TaskDataResult();
    }
}
