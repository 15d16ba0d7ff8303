namespace DvFlow.Tasks.Runtime;

/// <summary>
/// A cross-process lock on one task (an exclusively opened file in its run directory), so that a task
/// reached from several MSBuild project instances, possibly in different processes, runs once.
/// </summary>
public sealed class NodeLock : IDisposable
{
    private readonly FileStream _stream;

    private NodeLock(FileStream stream) => _stream = stream;

    /// <summary>Waits until the lock of <paramref name="name"/> is free, then holds it.</summary>
    public static async Task<NodeLock> AcquireAsync(string runDir, string name, CancellationToken cancel)
    {
        Directory.CreateDirectory(runDir);
        var path = Path.Combine(runDir, "." + name + ".lock");
        var delay = 5;
        while (true)
        {
            try
            {
                var fs = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                return new NodeLock(fs);
            }
            catch (IOException)
            {
                await Task.Delay(delay, cancel).ConfigureAwait(false);
                delay = Math.Min(delay * 2, 200);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>The file stays: deleting it would let a waiter lock a stale inode while a newcomer locks a new one.</remarks>
    public void Dispose() => _stream.Dispose();
}
