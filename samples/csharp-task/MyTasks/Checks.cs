using DvFlow.Tasks.Runtime.Api;

namespace MyTasks;

/// <summary>Custom up-to-date checks: true when the task is up to date.</summary>
public static class Checks
{
    /// <summary>uptodate: MyTasks.Checks.VersionUnchanged — the task reads VERSION, which is not one of its inputs; compare it with the memento.</summary>
    public static async Task<bool> VersionUnchanged(UpToDateCtxt ctxt)
    {
        var version = await File.ReadAllTextAsync(Path.Combine(ctxt.SrcDir, "VERSION"), ctxt.Cancel);
        return ctxt.MementoAs<Stamp.StampMemento>()?.Version == version.Trim();
    }
}

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
