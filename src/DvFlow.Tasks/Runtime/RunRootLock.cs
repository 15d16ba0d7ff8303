using System.Text.Json;

namespace DvFlow.Tasks.Runtime;

/// <summary>
/// The exclusive claim of one build on a run root, so that two builds of a project (two terminals, an IDE beside the
/// command line, two CI steps) never run its tasks interleaved. It is an OS file lock on
/// <c>&lt;runroot&gt;/.dvflow/build.lock</c>: the operating system drops it when the holder exits, so a killed build never
/// blocks the next one. Who holds it is written beside it, for the message a waiting build prints.
/// </summary>
public sealed class RunRootLock : IDisposable
{
    /// <summary>The folder of the run root that holds what the runner keeps for itself.</summary>
    public const string Folder = ".dvflow";

    private readonly FileStream _stream;
    private readonly string _ownerFile;

    private RunRootLock(FileStream stream, string ownerFile)
    {
        _stream = stream;
        _ownerFile = ownerFile;
    }

    private static string LockFile(string runRoot) => Path.Combine(runRoot, Folder, "build.lock");
    private static string OwnerFile(string runRoot) => Path.Combine(runRoot, Folder, "build.owner.json");

    /// <summary>Takes the lock of <paramref name="runRoot"/> for <paramref name="owner"/>, or returns null when another build holds it.</summary>
    public static RunRootLock? TryAcquire(string runRoot, RunRootOwner owner)
    {
        Directory.CreateDirectory(Path.Combine(runRoot, Folder));
        FileStream stream;
        try
        {
            stream = new FileStream(LockFile(runRoot), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException)
        {
            return null;
        }
        RunRootMarker.Mark(runRoot);
        var ownerFile = OwnerFile(runRoot);
        var tmp = ownerFile + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(owner));
        File.Move(tmp, ownerFile, overwrite: true);
        return new RunRootLock(stream, ownerFile);
    }

    /// <summary>Who last took the lock of <paramref name="runRoot"/> (the holder, while it is held), or null when unknown.</summary>
    public static RunRootOwner? ReadOwner(string runRoot)
    {
        try { return JsonSerializer.Deserialize<RunRootOwner>(File.ReadAllText(OwnerFile(runRoot))); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException) { return null; }
    }

    /// <inheritdoc />
    /// <remarks>The lock file stays: deleting it would let a waiter lock a stale inode while a newcomer locks a new one.</remarks>
    public void Dispose()
    {
        try { File.Delete(_ownerFile); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        _stream.Dispose();
    }
}

/// <summary>The build holding a run root: for the message of a build that waits for it.</summary>
/// <param name="Pid">Its process id.</param>
/// <param name="Host">Its machine.</param>
/// <param name="Project">The project file it builds.</param>
/// <param name="SinceUtc">When it took the lock.</param>
public sealed record RunRootOwner(int Pid, string Host, string Project, DateTime SinceUtc)
{
    /// <summary>For messages: "pid 123 on host, building /p/x.proj, since 10:01:02 UTC".</summary>
    public override string ToString() => $"pid {Pid} on {Host}, building {Project}, since {SinceUtc:HH:mm:ss} UTC";
}
