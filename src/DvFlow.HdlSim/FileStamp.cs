namespace DvFlow.HdlSim;

/// <summary>A file's identity for up-to-date checks: full path, last write time (UTC ticks) and size; -1 when missing.</summary>
public sealed record FileStamp(string Path, long MTimeTicks, long Size)
{
    /// <summary>The current stamp of <paramref name="path"/>.</summary>
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.FullName, info.LastWriteTimeUtc.Ticks, info.Length) : new FileStamp(info.FullName, -1, -1);
    }
}
