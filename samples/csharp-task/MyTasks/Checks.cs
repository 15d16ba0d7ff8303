using DvFlow.TaskApi;

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
