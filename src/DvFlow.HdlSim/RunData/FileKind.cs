using System.Runtime.InteropServices;

namespace DvFlow.HdlSim.RunData;

/// <summary>What a path names once symbolic links are followed.</summary>
public enum FileKind
{
    /// <summary>Nothing (or a dangling link).</summary>
    Missing,
    /// <summary>A regular file.</summary>
    Regular,
    /// <summary>A directory.</summary>
    Directory,
    /// <summary>A FIFO, socket or device: opening or reading it may block forever or never end.</summary>
    Special,
}

/// <summary>
/// Finds a path's <see cref="FileKind"/>. .NET reports FIFOs and devices as ordinary files (and opening a FIFO
/// blocks until a writer comes), so on Linux the type comes from <c>statx</c>, whose structure is the same on
/// every architecture.
/// </summary>
public static class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int ModeOffset = 28; // stx_mask, stx_blksize (u32), stx_attributes (u64), stx_nlink, stx_uid, stx_gid (u32)
    private const int TypeMask = 0xF000, Regular = 0x8000, Dir = 0x4000;

    /// <summary>The kind of <paramref name="path"/>, following links.</summary>
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[StatxSize];
            try
            {
                if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0) return FileKind.Missing;
                return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
                {
                    Regular => FileKind.Regular,
                    Dir => FileKind.Directory,
                    _ => FileKind.Special,
                };
            }
            catch (EntryPointNotFoundException)
            {
                // A C library older than glibc 2.28 has no statx: fall back to what .NET can tell.
            }
        }
        return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    [DllImport("libc", EntryPoint = "statx")]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
