using DvFlow.TaskApi;

namespace MyTasks;

/// <summary>run: MyTasks.Stamp.Run — writes stamp.txt from VERSION and remembers the version it used.</summary>
public static class Stamp
{
    public sealed record StampMemento(string Version);

    public static async Task<TaskDataResult> Run(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var version = (await File.ReadAllTextAsync(Path.Combine(input.SrcDir, "VERSION"), ctxt.Cancel)).Trim();
        await File.WriteAllTextAsync(Path.Combine(input.RunDir, "stamp.txt"), $"version {version}\n", ctxt.Cancel);
        ctxt.Info($"stamped version {version}");
        return new TaskDataResult { Memento = new StampMemento(version) };
    }
}
